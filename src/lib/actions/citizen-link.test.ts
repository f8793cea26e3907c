import { describe, expect, it } from 'vitest';
import { actionCitizenLabel, initialsById, sortCitizenChoices } from './citizen-link';

const FETCHED = initialsById([
	{ id: 'citizen-1', initials: 'AH', targetGroup: 'A-dagpenge' },
	{ id: 'citizen-2', initials: 'ØB', targetGroup: '' }
]);

describe('actionCitizenLabel', () => {
	it('names a linked citizen by initials only where they may show and are known', () => {
		expect(actionCitizenLabel('citizen-1', FETCHED, true)).toEqual({
			kind: 'initials',
			initials: 'AH'
		});
		expect(actionCitizenLabel('citizen-1', FETCHED, false), 'a viewer').toEqual({
			kind: 'neutral'
		});
		expect(actionCitizenLabel('citizen-1', null, true), 'not fetched').toEqual({
			kind: 'neutral'
		});
		expect(actionCitizenLabel('citizen-9', FETCHED, true), 'no longer listed').toEqual({
			kind: 'neutral'
		});
	});

	it('has nothing to say for an action without a citizen', () => {
		expect(actionCitizenLabel('', FETCHED, true)).toEqual({ kind: 'none' });
		expect(actionCitizenLabel('', null, false)).toEqual({ kind: 'none' });
	});
});

describe('sortCitizenChoices', () => {
	it('orders by initials the Danish way, then target group, then id', () => {
		const sorted = sortCitizenChoices([
			{ id: 'c', initials: 'ÅK', targetGroup: 'A-dagpenge' },
			{ id: 'b', initials: 'AH', targetGroup: 'Sygedagpenge' },
			{ id: 'a', initials: 'ØB', targetGroup: 'A-dagpenge' },
			{ id: 'e', initials: 'AH', targetGroup: 'A-dagpenge' },
			{ id: 'd', initials: 'ZZ', targetGroup: '' },
			{ id: 'f', initials: 'AH', targetGroup: 'A-dagpenge' }
		]);
		expect(sorted.map((c) => c.id)).toEqual(['e', 'f', 'b', 'd', 'a', 'c']);
	});
});
