import { describe, expect, it } from 'vitest';
import { canAdminister, canEditWithRole, canWorkWithCitizens } from './access';

describe('role rules', () => {
	it.each([
		['leader', true, true],
		['consultant', true, true],
		['viewer', false, false]
	] as const)('%s: edits the board %s, works with citizens %s', (role, edits, citizens) => {
		expect(canEditWithRole(role)).toBe(edits);
		expect(canWorkWithCitizens(role)).toBe(citizens);
	});

	it('gives no citizen access without a membership', () => {
		expect(canWorkWithCitizens(undefined)).toBe(false);
	});

	it('lets only admins administer', () => {
		expect(canAdminister({ isAdmin: true })).toBe(true);
		expect(canAdminister({ isAdmin: false })).toBe(false);
		expect(canAdminister(null)).toBe(false);
	});
});
