import { describe, expect, it } from 'vitest';
import { caseChanges } from './history';
import { caseOf, msOn } from './test-cases';

describe('caseChanges', () => {
	it('lists a new case’s values as changes from nothing', () => {
		const changes = caseChanges(null, caseOf('c1', { goal: 'flexjob' }));
		expect(changes.find((c) => c.field === 'goal')).toEqual({
			field: 'goal',
			from: null,
			to: 'flexjob'
		});
		expect(changes.find((c) => c.field === 'nextStep')!.to).toBe('2026-12-15 Samtale om småjob');
		// No outcome and not closed: nothing to record for those.
		expect(changes.map((c) => c.field)).not.toContain('closedAt');
		expect(changes.map((c) => c.field)).not.toContain('previousStepOutcome');
	});

	it('records only what changed, in a fixed field order', () => {
		const before = caseOf('c1');
		const after = {
			...before,
			goal: 'flexjob',
			risk: 'high' as const,
			previousStepOutcome: 'done' as const,
			closedAt: msOn('2026-11-27', 12),
			updatedAt: before.updatedAt + 1
		};
		expect(caseChanges(before, after)).toEqual([
			{ field: 'goal', from: 'ordinary-job', to: 'flexjob' },
			{ field: 'risk', from: 'low', to: 'high' },
			{ field: 'previousStepOutcome', from: null, to: 'done' },
			{ field: 'closedAt', from: null, to: '2026-11-27T12:00:00.000Z' }
		]);
		expect(caseChanges(before, { ...before, updatedAt: 5 })).toEqual([]);
	});
});
