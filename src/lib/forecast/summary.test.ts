import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { projectCaseload } from './projection';
import { buildSparringList } from './sparring';
import { summarizeForecast } from './summary';
import { arbitraryCases, caseOf, msOn, TODAY } from './test-cases';

/*
 * Plan: a case closes at point max(1, ceil(daysToHorizon / 7)).
 * SDP: a1 (13 days → k2), a2 (passed 11-20 → k1), a3 (98 days → k14): now 3, in 4 weeks 1, in 13 weeks 1
 * JAF: b1 (38 days → k6), b2 (closed): now 1, in 4 weeks 1, in 13 weeks 0
 */
const CASES = [
	caseOf('a1', { horizon: '2026-12-10', nextStep: { text: 'Opfølgning', due: '2026-11-25' } }),
	caseOf('a2', { horizon: '2026-11-20' }),
	caseOf('a3', { horizon: '2027-03-05' }),
	caseOf('b1', { targetGroup: 'JAF', horizon: '2027-01-04' }),
	caseOf('b2', {
		targetGroup: 'JAF',
		horizon: '2027-01-04',
		nextStep: { text: 'Opfølgning', due: '2026-11-01' },
		closedAt: msOn('2026-11-26')
	})
];

describe('summarizeForecast', () => {
	it('gives open cases now and in 4 and 13 weeks under plan, overdue steps and the sparring count', () => {
		expect(summarizeForecast(CASES, [], { today: TODAY, targetGroups: ['UH'] })).toEqual({
			today: TODAY,
			groups: [
				{ targetGroup: 'SDP', now: 3, in4Weeks: 1, in13Weeks: 1 },
				{ targetGroup: 'JAF', now: 1, in4Weeks: 1, in13Weeks: 0 },
				{ targetGroup: 'UH', now: 0, in4Weeks: 0, in13Weeks: 0 }
			],
			total: { now: 4, in4Weeks: 2, in13Weeks: 1 },
			// a1's step is overdue; b2's too, but b2 is closed
			stepsOverdue: 1,
			// a1 (step overdue), a2 (horizon passed)
			sparringCount: 2
		});
	});

	it('is empty without cases', () => {
		expect(summarizeForecast([], [], { today: TODAY })).toEqual({
			today: TODAY,
			groups: [],
			total: { now: 0, in4Weeks: 0, in13Weeks: 0 },
			stepsOverdue: 0,
			sparringCount: 0
		});
	});

	it('agrees with the projection and the sparring list for any caseload', () => {
		fc.assert(
			fc.property(arbitraryCases(TODAY), (cases) => {
				const s = summarizeForecast(cases, [], { today: TODAY, staleWeeks: 3 });
				const p = projectCaseload(cases, { today: TODAY });
				const list = buildSparringList(cases, [], { today: TODAY, staleWeeks: 3 });
				expect(s.total).toEqual({
					now: p.total.plan[0],
					in4Weeks: p.total.plan[4],
					in13Weeks: p.total.plan[13]
				});
				expect(s.groups.map((g) => g.targetGroup)).toEqual(p.groups.map((g) => g.targetGroup));
				expect(s.sparringCount).toBe(list.length);
				expect(s.stepsOverdue).toBe(
					list.filter((i) => i.reasons.some((r) => r.kind === 'step-overdue')).length
				);
				expect(JSON.parse(JSON.stringify(s))).toEqual(s);
			})
		);
	});
});
