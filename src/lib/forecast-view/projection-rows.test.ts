import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { csvDate, writeCsv } from '$lib/csv/write';
import { projectCaseload } from '$lib/forecast/projection';
import { arbitraryCases, caseOf, msOn, TODAY } from '$lib/forecast/test-cases';
import { ALL_GROUPS, projectionCsvRows, projectionRows, seriesFor } from './projection-rows';

const LABELS = {
	week: 'Uge',
	date: 'Dato',
	plan: 'Plan',
	riskAdjusted: 'Risikojusteret',
	history: 'Faktisk',
	weekWord: 'uge'
};

// Friday 27.11.2026 (uge 48). SDP: one case closing under plan at point 2 (uge 50), one
// closed a month ago; JAF: one case opened last week (inflow 1/8 per week).
const cases = [
	caseOf('a', { horizon: '2026-12-10', risk: 'low' }),
	caseOf('b', { closedAt: msOn('2026-10-27') }),
	caseOf('c', { targetGroup: 'JAF', openedAt: msOn('2026-11-20'), horizon: '2027-06-01' })
];
const projection = projectCaseload(cases, { today: TODAY, withInflow: true });

describe('the forecast table', () => {
	it('has the history weeks, then this week, then 26 weeks ahead, each value where it belongs', () => {
		const rows = projectionRows(projection, seriesFor(projection, 'SDP')!);
		expect(rows).toHaveLength(12 + 1 + 26);
		expect(rows[0]).toEqual({
			offset: -12,
			isoWeek: 36,
			date: '2026-09-04',
			plan: null,
			riskAdjusted: null,
			history: 2
		});
		// The case closed on 27.10: counted on 23.10, not on 30.10.
		expect(rows.find((r) => r.date === '2026-10-23')?.history).toBe(2);
		expect(rows.find((r) => r.date === '2026-10-30')?.history).toBe(1);
		expect(rows[12]).toEqual({
			offset: 0,
			isoWeek: 48,
			date: TODAY,
			plan: 1,
			riskAdjusted: 1,
			history: 1
		});
		expect(rows[13]).toMatchObject({
			offset: 1,
			isoWeek: 49,
			plan: 1,
			riskAdjusted: 1,
			history: null
		});
		expect(rows[14]).toMatchObject({ offset: 2, isoWeek: 50, plan: 0, history: null });
		expect(rows[14]!.riskAdjusted).toBeCloseTo(0.15);
		expect(rows.at(-1)).toMatchObject({ offset: 26, date: '2027-05-28' });
	});

	it('adds the inflow to the group that had it, and the total is the sum', () => {
		const jaf = projectionRows(projection, seriesFor(projection, 'JAF')!);
		expect(jaf[13]!.plan).toBeCloseTo(1 + 1 / 8);
		const total = projectionRows(projection, seriesFor(projection, ALL_GROUPS)!);
		expect(total[13]!.plan).toBeCloseTo(2 + 1 / 8);
	});

	it('knows no group that is not in the projection', () => {
		expect(seriesFor(projection, 'NOPE')).toBeNull();
	});

	it('has as many rows as the projection has points, for any cases', () => {
		fc.assert(
			fc.property(arbitraryCases(TODAY), (some) => {
				const p = projectCaseload(some, { today: TODAY });
				const rows = projectionRows(p, p.total);
				expect(rows.map((r) => r.offset)).toEqual(Array.from({ length: 39 }, (_, i) => i - 12));
				expect(rows.filter((r) => r.plan !== null)).toHaveLength(27);
				expect(rows[12]!.history).toBe(rows[12]!.plan);
			})
		);
	});
});

describe('the forecast CSV', () => {
	it('writes a header and one row per week with Danish dates and decimal commas', () => {
		const rows = projectionRows(projection, seriesFor(projection, 'SDP')!);
		const csv = writeCsv(projectionCsvRows(rows, LABELS, csvDate));
		const lines = csv.slice(1).split('\r\n');
		expect(csv.startsWith('\uFEFF')).toBe(true);
		expect(lines[0]).toBe('Uge;Dato;Plan;Risikojusteret;Faktisk');
		expect(lines[1]).toBe('uge 36;04-09-2026;;;2');
		expect(lines[13]).toBe('uge 48;27-11-2026;1;1;1');
		expect(lines[15]).toBe('uge 50;11-12-2026;0;0,15;');
		expect(lines).toHaveLength(1 + 39 + 1);
	});
});
