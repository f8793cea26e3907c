import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { projectCaseload } from './projection';
import { arbitraryCases, caseOf, msOn, TODAY } from './test-cases';
import { isOpenOn, type CaseForecast } from './types';
import { parseDay } from './week';

/*
 * A small team on Friday 2026-11-27 (uge 48). Point k is the day 2026-11-27 + 7k.
 * Plan closes a case at point max(1, ceil(daysToHorizon / 7)).
 *   SDP a1 horizon 12-10: 13 days → closes at k=2, low (w 0.85)
 *       a2 horizon today: 0 days → k=1, high (w 0.3)
 *       a3 horizon 11-20, passed → k=1, medium (w 0.6)
 *       a4 horizon 2027-03-05: 98 days → k=14, medium
 *       a5 closed 11-20 (not open), a6 opened 12-01 (in the future: ignored)
 *   JAF b1 horizon 2027-01-04: 38 days → k=6, high
 *       b2 horizon 12-04: 7 days → k=1, low
 *       b3 horizon 12-05: 8 days → k=2, low
 */
const FIXTURE: CaseForecast[] = [
	caseOf('a1', { horizon: '2026-12-10', risk: 'low', openedAt: msOn('2026-09-01') }),
	caseOf('a2', { horizon: '2026-11-27', risk: 'high', openedAt: msOn('2026-11-10') }),
	caseOf('a3', { horizon: '2026-11-20', risk: 'medium', openedAt: msOn('2026-11-20') }),
	caseOf('a4', { horizon: '2027-03-05', risk: 'medium', openedAt: msOn('2026-11-27') }),
	caseOf('a5', {
		horizon: '2026-12-20',
		openedAt: msOn('2026-10-01'),
		closedAt: msOn('2026-11-20')
	}),
	caseOf('a6', { horizon: '2027-01-20', openedAt: msOn('2026-12-01') }),
	caseOf('b1', {
		targetGroup: 'JAF',
		horizon: '2027-01-04',
		risk: 'high',
		openedAt: msOn('2026-08-15')
	}),
	caseOf('b2', {
		targetGroup: 'JAF',
		horizon: '2026-12-04',
		risk: 'low',
		openedAt: msOn('2026-11-06')
	}),
	caseOf('b3', {
		targetGroup: 'JAF',
		horizon: '2026-12-05',
		risk: 'low',
		openedAt: msOn('2026-10-31')
	})
];

const close = (values: number[]) => values.map((v) => Math.round(v * 1e9) / 1e9);

describe('projectCaseload on a hand-computed team', () => {
	const p = projectCaseload(FIXTURE, { today: TODAY, historyWeeks: 4, inflowWeeks: 4 });
	const sdp = p.groups.find((g) => g.targetGroup === 'SDP')!;
	const jaf = p.groups.find((g) => g.targetGroup === 'JAF')!;

	it('plan: SDP 4 → 2 (a2, a3) → 1 (a1) → 0 at k=14 (a4); JAF 3 → 2 (b2) → 1 (b3) → 0 at k=6 (b1)', () => {
		expect(sdp.plan.slice(0, 4)).toEqual([4, 2, 1, 1]);
		expect(sdp.plan[13]).toBe(1);
		expect(sdp.plan[14]).toBe(0);
		expect(sdp.plan).toHaveLength(27);
		expect(jaf.plan.slice(0, 7)).toEqual([3, 2, 1, 1, 1, 1, 0]);
		expect(p.total.plan.slice(0, 7)).toEqual([7, 4, 2, 2, 2, 2, 1]);
		expect(p.total.plan[14]).toBe(0);
	});

	it('risk-adjusted: a closed-by-plan case still counts 1 − w', () => {
		// SDP k1: 2 + a2 0.7 + a3 0.4 = 3.1; k2: 1 + 0.7 + 0.4 + a1 0.15 = 2.25; k14: 0 + 1.25 + a4 0.4 = 1.65
		expect(close(sdp.riskAdjusted.slice(0, 3))).toEqual([4, 3.1, 2.25]);
		expect(close([sdp.riskAdjusted[13]!, sdp.riskAdjusted[14]!])).toEqual([2.25, 1.65]);
		// JAF k1: 2 + b2 0.15 = 2.15; k2: 1 + 0.15 + b3 0.15 = 1.3; k6: 0 + 0.3 + b1 0.7 = 1
		expect(close([jaf.riskAdjusted[1]!, jaf.riskAdjusted[2]!, jaf.riskAdjusted[6]!])).toEqual([
			2.15, 1.3, 1
		]);
		// Total k1: 3.1 + 2.15; k14: 1.65 + 1
		expect(close([p.total.riskAdjusted[1]!, p.total.riskAdjusted[14]!])).toEqual([5.25, 2.65]);
	});

	it('history: open counts on 10-30, 11-06, 11-13, 11-20 and today', () => {
		// SDP: a1+a5, a1+a5, +a2, a5 closed on 11-20 but a3 opened, then a1..a4
		expect(sdp.history).toEqual([2, 2, 3, 3, 4]);
		// JAF: b1; b2 (opened 11-06) and b3 (10-31) from 11-06 on
		expect(jaf.history).toEqual([1, 3, 3, 3, 3]);
		expect(p.total.history).toEqual([3, 5, 6, 6, 7]);
		expect(p.historyPoints.map((w) => w.date)).toEqual([
			'2026-10-30',
			'2026-11-06',
			'2026-11-13',
			'2026-11-20',
			'2026-11-27'
		]);
	});

	it('inflow: cases opened 10-31..11-27 over 4 weeks, closed ones included, future ones not', () => {
		// SDP: a2, a3, a4 = 3 / 4; JAF: b2, b3 (10-31 is the window's first day) = 2 / 4
		expect([sdp.inflowPerWeek, jaf.inflowPerWeek, p.total.inflowPerWeek]).toEqual([
			0.75, 0.5, 1.25
		]);
		const withInflow = projectCaseload(FIXTURE, {
			today: TODAY,
			inflowWeeks: 4,
			withInflow: true
		});
		const g = withInflow.groups.find((x) => x.targetGroup === 'SDP')!;
		// k1: 2 + 1 × 0.75; k2: 1 + 2 × 0.75; risk k1: 3.1 + 0.75
		expect(close(g.plan.slice(0, 3))).toEqual([4, 2.75, 2.5]);
		expect(close([g.riskAdjusted[1]!])).toEqual([3.85]);
	});

	it('labels the points by ISO week across the new year (2026 has a week 53)', () => {
		expect(p.points[0]).toEqual({ offset: 0, date: '2026-11-27', isoYear: 2026, isoWeek: 48 });
		expect(p.points[5]).toMatchObject({ date: '2027-01-01', isoYear: 2026, isoWeek: 53 });
		expect(p.points[6]).toMatchObject({ date: '2027-01-08', isoYear: 2027, isoWeek: 1 });
		expect(p.points).toHaveLength(27);
		expect(p.historyPoints[0]).toMatchObject({ offset: -4, isoWeek: 44 });
	});

	it('orders groups SDP and JAF first, then other known groups, then unknown ones', () => {
		const q = projectCaseload([...FIXTURE, caseOf('x1', { targetGroup: 'ZZ' })], {
			today: TODAY,
			targetGroups: ['UH', 'DP']
		});
		expect(q.groups.map((g) => g.targetGroup)).toEqual(['SDP', 'JAF', 'DP', 'UH', 'ZZ']);
		expect(q.groups[2]!.plan.every((v) => v === 0)).toBe(true);
	});

	it('uses the municipality’s own risk weights', () => {
		const q = projectCaseload(FIXTURE, {
			today: TODAY,
			weights: { low: 1, medium: 1, high: 1 }
		});
		expect(q.total.riskAdjusted).toEqual(q.total.plan);
		expect(() =>
			projectCaseload(FIXTURE, { today: TODAY, weights: { low: 1.2, medium: 0.5, high: 0.1 } })
		).toThrow(RangeError);
	});
});

describe('projectCaseload edge cases', () => {
	it('no cases: zeros everywhere, no groups unless asked for', () => {
		const p = projectCaseload([], { today: TODAY });
		expect(p.groups).toEqual([]);
		expect(p.total.plan).toEqual(Array(27).fill(0));
		expect(p.total.history).toEqual(Array(13).fill(0));
		expect(p.total.inflowPerWeek).toBe(0);
	});

	it('a case closed today is not open today; a case opened today is', () => {
		const p = projectCaseload(
			[
				caseOf('c', { openedAt: msOn('2026-11-01'), closedAt: msOn(TODAY) }),
				caseOf('o', { openedAt: msOn(TODAY) })
			],
			{ today: TODAY }
		);
		expect(p.total.openNow).toBe(1);
		expect(p.total.plan[0]).toBe(1);
	});

	it('refuses a malformed horizon or today', () => {
		expect(() =>
			projectCaseload([caseOf('x', { horizon: '2026-02-30' })], { today: TODAY })
		).toThrow(/horizon of case x/);
		expect(() => projectCaseload([], { today: '27.11.2026' })).toThrow(RangeError);
	});
});

describe('projectCaseload invariants', () => {
	const weights = fc.record({
		low: fc.double({ min: 0, max: 1, noNaN: true }),
		medium: fc.double({ min: 0, max: 1, noNaN: true }),
		high: fc.double({ min: 0, max: 1, noNaN: true })
	});
	const today = fc.constantFrom(TODAY, '2026-12-31', '2027-01-04', '2026-03-29', '2026-10-25');

	it('never below zero, never rising without inflow, plan ≤ risk-adjusted, week 0 = open now, groups add up', () => {
		fc.assert(
			fc.property(
				today.chain((t) => fc.tuple(fc.constant(t), arbitraryCases(t), weights)),
				fc.integer({ min: 0, max: 16 }),
				([t, cases, w], historyWeeks) => {
					const p = projectCaseload(cases, { today: t, weights: w, historyWeeks });
					const openNow = cases.filter((c) => isOpenOn(c, parseDay(t)!)).length;
					for (const s of [...p.groups, p.total]) {
						expect(s.plan[0]).toBe(s.openNow);
						expect(s.riskAdjusted[0]).toBe(s.openNow);
						expect(s.history.at(-1)).toBe(s.openNow);
						for (let k = 0; k < s.plan.length; k++) {
							expect(s.plan[k]).toBeGreaterThanOrEqual(0);
							expect(Number.isInteger(s.plan[k])).toBe(true);
							expect(s.plan[k]).toBeLessThanOrEqual(s.riskAdjusted[k]! + 1e-9);
							if (k > 0) {
								expect(s.plan[k]).toBeLessThanOrEqual(s.plan[k - 1]!);
								expect(s.riskAdjusted[k]).toBeLessThanOrEqual(s.riskAdjusted[k - 1]! + 1e-9);
							}
						}
						for (const h of s.history) expect(h).toBeGreaterThanOrEqual(0);
					}
					expect(p.total.openNow).toBe(openNow);
					const sum = (pick: (s: (typeof p.groups)[number]) => number) =>
						p.groups.reduce((a, g) => a + pick(g), 0);
					for (let k = 0; k < p.total.plan.length; k++) {
						expect(sum((g) => g.plan[k]!)).toBe(p.total.plan[k]);
						expect(sum((g) => g.riskAdjusted[k]!)).toBeCloseTo(p.total.riskAdjusted[k]!, 9);
					}
					for (let j = 0; j < p.total.history.length; j++)
						expect(sum((g) => g.history[j]!)).toBe(p.total.history[j]);
					expect(sum((g) => g.inflowPerWeek)).toBeCloseTo(p.total.inflowPerWeek, 9);
				}
			),
			{ numRuns: 300 }
		);
	});

	it('history matches a direct count of open cases on each sample day', () => {
		fc.assert(
			fc.property(arbitraryCases(TODAY), (cases) => {
				const p = projectCaseload(cases, { today: TODAY, historyWeeks: 10 });
				const counts = p.historyPoints.map(
					(w) => cases.filter((c) => isOpenOn(c, parseDay(w.date)!)).length
				);
				expect(p.total.history).toEqual(counts);
			})
		);
	});

	it('inflow adds k × the weekly rate to both series and nothing at week 0', () => {
		fc.assert(
			fc.property(arbitraryCases(TODAY), (cases) => {
				const without = projectCaseload(cases, { today: TODAY });
				const withInflow = projectCaseload(cases, { today: TODAY, withInflow: true });
				const rate = without.total.inflowPerWeek;
				withInflow.total.plan.forEach((v, k) => {
					expect(v).toBeCloseTo(without.total.plan[k]! + k * rate, 9);
					expect(withInflow.total.riskAdjusted[k]).toBeCloseTo(
						without.total.riskAdjusted[k]! + k * rate,
						9
					);
				});
				expect(withInflow.total.plan[0]).toBe(without.total.openNow);
			})
		);
	});
});
