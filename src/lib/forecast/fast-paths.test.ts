import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildSparringList } from './sparring';
import { arbitraryCases } from './test-cases';
import type { CaseForecast, CaseHistoryEntry } from './types';
import { computeVariation } from './variation';
import { DAY_MS, parseDay } from './week';

/**
 * sparring.ts and variation.ts were restructured for speed (cached day numbers, counting passes,
 * exact-size arrays). The results must not change: these fingerprints were taken from the
 * straightforward versions (git history before the speed-up) on seeded random caseloads, around
 * summer-time changes and the turn of the year, with default and non-default options. A change
 * in any number, order or field of the output changes the fingerprint.
 */

const TODAYS = ['2026-11-27', '2026-03-29', '2026-10-25', '2027-01-04'] as const;

/** Goal changes (some toward fleksjob, some from null) on the days around `today`. */
function historyFor(
	cases: readonly CaseForecast[],
	today: string,
	seed: number
): CaseHistoryEntry[] {
	const base = parseDay(today)!;
	const goals = ['ordinary-job', 'flexjob', 'education', null] as const;
	const history: CaseHistoryEntry[] = [];
	cases.forEach((c, i) => {
		const k = (i * 7 + seed) % 11;
		if (k > 6) return;
		history.push({
			caseId: c.id,
			at: (base - k * 6) * DAY_MS + ((i + seed) % 24) * 3_600_000,
			by: c.consultantId,
			changes: [{ field: 'goal', from: goals[(i + k) % 4]!, to: k % 2 === 0 ? 'flexjob' : c.goal }]
		});
	});
	return history;
}

function fingerprint(value: unknown): string {
	return createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16);
}

function caseloads(today: string, seed: number): CaseForecast[][] {
	return fc.sample(arbitraryCases(today, 500, 300), { seed, numRuns: 3 });
}

describe('the fast sparring list and variation give the results of the plain versions', () => {
	const results = TODAYS.map((today, t) =>
		caseloads(today, 40 + t).map((cases, s) => {
			const history = historyFor(cases, today, s);
			return {
				size: cases.length,
				sparring: fingerprint([
					buildSparringList(cases, history, { today }),
					buildSparringList(cases, history, { today, staleWeeks: 2, flexjobWeeks: 8 })
				]),
				variation: fingerprint([
					computeVariation(cases, { today }),
					computeVariation(cases, {
						today,
						goals: ['education', 'ordinary-job'],
						minCases: 3,
						sharePoints: 5,
						horizonMonths: 1
					})
				])
			};
		})
	);

	it('matches the recorded fingerprints', () => {
		expect(results.flat().map((r) => r.size)).not.toContain(0);
		expect(results).toMatchInlineSnapshot(`
			[
			  [
			    {
			      "size": 496,
			      "sparring": "ab7b2b83ecdc33a3",
			      "variation": "1e650c29b5ba9448",
			    },
			    {
			      "size": 393,
			      "sparring": "b9db4d6cc02d01ac",
			      "variation": "17426fe824714096",
			    },
			    {
			      "size": 301,
			      "sparring": "2d2eda67d3f738b6",
			      "variation": "5d011e994da8e34f",
			    },
			  ],
			  [
			    {
			      "size": 472,
			      "sparring": "2d2d7f92b2424296",
			      "variation": "47a59c10a4585079",
			    },
			    {
			      "size": 384,
			      "sparring": "f4253c4c53fcc597",
			      "variation": "ac196abf90fd7149",
			    },
			    {
			      "size": 300,
			      "sparring": "073263e7c7704ccd",
			      "variation": "caffa943c9ca6afe",
			    },
			  ],
			  [
			    {
			      "size": 300,
			      "sparring": "ece7e86879be639a",
			      "variation": "ae7c012f31991108",
			    },
			    {
			      "size": 412,
			      "sparring": "3d9896f0cb7df581",
			      "variation": "a7a88596fee71d80",
			    },
			    {
			      "size": 427,
			      "sparring": "65f975bba9b91367",
			      "variation": "a2c71cef5b330a36",
			    },
			  ],
			  [
			    {
			      "size": 320,
			      "sparring": "f59ed088da15533e",
			      "variation": "59ba740c029e0dd6",
			    },
			    {
			      "size": 305,
			      "sparring": "363688431585a270",
			      "variation": "5d555dcbd3930986",
			    },
			    {
			      "size": 387,
			      "sparring": "02fd92d87aa72a80",
			      "variation": "ae257cc963d19449",
			    },
			  ],
			]
		`);
	});
});
