import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildSparringList } from './sparring';
import { arbitraryCases, caseOf, msOn, TODAY } from './test-cases';
import type { CaseForecast, CaseHistoryEntry } from './types';

const step = (due: string) => ({ text: 'Virksomhedsbesøg', due });
const goalChange = (caseId: string, date: string, from: string | null, to: string) => ({
	caseId,
	at: msOn(date),
	by: 'u1',
	changes: [{ field: 'goal' as const, from, to }]
});

/* Today is Friday 2026-11-27; 4 weeks back is 10-30 (28 days), the fleksjob window starts 10-31. */
const CASES: CaseForecast[] = [
	// Step due 11-20: 7 days overdue.
	caseOf('s1', { nextStep: step('2026-11-20'), risk: 'medium', updatedAt: msOn('2026-11-26') }),
	// Step due today and horizon today: neither is overdue.
	caseOf('s2', { nextStep: step(TODAY), horizon: TODAY, risk: 'high' }),
	// Horizon 11-01 passed 26 days ago, high risk without a step, updated 10-20: 38 days.
	caseOf('s3', {
		nextStep: null,
		risk: 'high',
		horizon: '2026-11-01',
		updatedAt: msOn('2026-10-20')
	}),
	// Goal changed to fleksjob on 11-15.
	caseOf('s4', { goal: 'flexjob', risk: 'low', updatedAt: msOn('2026-11-15') }),
	// Changed to fleksjob on 10-01 (outside the window); updated 10-30: exactly 28 days, stale.
	caseOf('s5', { goal: 'flexjob', risk: 'medium', updatedAt: msOn('2026-10-30') }),
	// Changed to fleksjob on 11-20 and back to ordinary job on 11-25.
	caseOf('s6', { goal: 'ordinary-job', updatedAt: msOn('2026-11-25') }),
	// Closed: not on the list whatever it says.
	caseOf('s7', { nextStep: step('2026-10-01'), closedAt: msOn('2026-11-26') }),
	// High risk, no step, all else fine.
	caseOf('s8', { nextStep: null, risk: 'high' }),
	// Updated 10-31: 27 days, not stale yet.
	caseOf('s9', { updatedAt: msOn('2026-10-31') }),
	// Started as fleksjob (from null): a choice, not a change of direction.
	caseOf('s10', { goal: 'flexjob' }),
	// Opened in the future: ignored.
	caseOf('s11', { nextStep: null, risk: 'high', openedAt: msOn('2026-12-01') })
];

const HISTORY: CaseHistoryEntry[] = [
	goalChange('s4', '2026-09-01', null, 'ordinary-job'),
	goalChange('s4', '2026-11-15', 'ordinary-job', 'flexjob'),
	goalChange('s5', '2026-10-01', 'education', 'flexjob'),
	goalChange('s6', '2026-11-20', 'ordinary-job', 'flexjob'),
	goalChange('s6', '2026-11-25', 'flexjob', 'ordinary-job'),
	goalChange('s10', '2026-11-20', null, 'flexjob')
];

describe('buildSparringList on a hand-made caseload', () => {
	const list = buildSparringList(CASES, HISTORY, { today: TODAY });

	it('lists the cases that meet a rule, most reasons first, then risk, then the longest delay', () => {
		// s3: 3 reasons; then one reason each: s8 high; s5 medium 28 days before s1 medium 7 days; s4 low
		expect(list.map((i) => i.caseId)).toEqual(['s3', 's8', 's5', 's1', 's4']);
	});

	it('gives every reason with its numbers', () => {
		const by = Object.fromEntries(list.map((i) => [i.caseId, i]));
		expect(by.s3!.reasons).toEqual([
			{ kind: 'horizon-passed', horizon: '2026-11-01', daysPassed: 26 },
			{ kind: 'high-risk-no-step' },
			{ kind: 'stale', daysSinceUpdate: 38 }
		]);
		expect(by.s3!.maxDaysLate).toBe(38);
		expect(by.s1!.reasons).toEqual([{ kind: 'step-overdue', due: '2026-11-20', daysOverdue: 7 }]);
		expect(by.s5!.reasons).toEqual([{ kind: 'stale', daysSinceUpdate: 28 }]);
		expect(by.s4!.reasons).toEqual([
			{ kind: 'goal-toward-flexjob', from: 'ordinary-job', at: msOn('2026-11-15') }
		]);
		expect(by.s8).toMatchObject({
			citizenId: 'b-s8',
			consultantId: 'k1',
			teamId: 't1',
			targetGroup: 'SDP',
			risk: 'high',
			maxDaysLate: 0
		});
	});

	it('takes the number of weeks from the municipality', () => {
		const strict = buildSparringList(CASES, HISTORY, {
			today: TODAY,
			staleWeeks: 2,
			flexjobWeeks: 9
		});
		const ids = strict.map((i) => i.caseId);
		// 2 weeks = 14 days: s4 (12 days) not stale, s9 (27 days) stale; 9 weeks reaches s5's 10-01 change.
		expect(ids).toContain('s9');
		expect(strict.find((i) => i.caseId === 's5')!.reasons.map((r) => r.kind)).toEqual([
			'stale',
			'goal-toward-flexjob'
		]);
		expect(strict.find((i) => i.caseId === 's4')!.reasons.map((r) => r.kind)).toEqual([
			'goal-toward-flexjob'
		]);
	});

	it('keeps equally urgent cases in the order they were given', () => {
		const same = { nextStep: null, risk: 'high' as const };
		const ids = (cases: CaseForecast[]) =>
			buildSparringList(cases, [], { today: TODAY }).map((i) => i.caseId);
		expect(ids([caseOf('z', same), caseOf('a', same), caseOf('m', same)])).toEqual(['z', 'a', 'm']);
		expect(ids([caseOf('a', same), caseOf('z', same)])).toEqual(['a', 'z']);
	});

	it('is empty without cases', () => {
		expect(buildSparringList([], HISTORY, { today: TODAY })).toEqual([]);
	});
});

describe('buildSparringList invariants', () => {
	it('only open cases, each once, each with at least one reason, sorted by urgency', () => {
		fc.assert(
			fc.property(arbitraryCases(TODAY, 80), (cases) => {
				const list = buildSparringList(cases, [], { today: TODAY });
				const ids = list.map((i) => i.caseId);
				expect(new Set(ids).size).toBe(ids.length);
				for (const item of list) {
					const c = cases.find((x) => x.id === item.caseId)!;
					expect(c.closedAt === null || c.closedAt > msOn(TODAY, 0)).toBe(true);
					expect(item.reasons.length).toBeGreaterThan(0);
				}
				for (let i = 1; i < list.length; i++)
					expect(list[i - 1]!.reasons.length).toBeGreaterThanOrEqual(list[i]!.reasons.length);
			})
		);
	});
});
