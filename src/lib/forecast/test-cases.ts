/** Test helpers for src/lib/forecast: invented cases, no real people. */
import fc from 'fast-check';
import { RISKS, type CaseForecast } from './types';
import { DAY_MS, formatDay, parseDay } from './week';

/** Noon in Copenhagen on a date (11:00 UTC in winter, 12:00 in summer: the same day either way). */
export function msOn(date: string, hourUtc = 11): number {
	const day = parseDay(date);
	if (day === null) throw new RangeError(date);
	return day * DAY_MS + hourUtc * 3_600_000;
}

export const TODAY = '2026-11-27';

export function caseOf(id: string, fields: Partial<CaseForecast> = {}): CaseForecast {
	return {
		id,
		citizenId: `b-${id}`,
		teamId: 't1',
		consultantId: 'k1',
		targetGroup: 'SDP',
		goal: 'ordinary-job',
		horizon: '2027-03-01',
		risk: 'low',
		nextStep: { text: 'Samtale om småjob', due: '2026-12-15' },
		previousStepOutcome: null,
		openedAt: msOn('2026-09-01'),
		closedAt: null,
		updatedAt: msOn(TODAY),
		...fields
	};
}

/** Random cases around `today`: some closed, some opened in the future, horizons passed and ahead. */
export function arbitraryCases(
	today: string,
	maxLength = 60,
	minLength = 0
): fc.Arbitrary<CaseForecast[]> {
	const base = parseDay(today)!;
	const one = fc
		.record({
			targetGroup: fc.constantFrom('SDP', 'JAF', 'UH', 'XYZ'),
			consultantId: fc.constantFrom('k1', 'k2', 'k3'),
			goal: fc.constantFrom('ordinary-job', 'flexjob', 'education', 'other-benefit'),
			risk: fc.constantFrom(...RISKS),
			openedOffset: fc.integer({ min: -400, max: 10 }),
			openedHour: fc.integer({ min: 0, max: 23 }),
			closedAfter: fc.option(fc.integer({ min: 0, max: 400 }), { nil: null }),
			horizonOffset: fc.integer({ min: -90, max: 400 }),
			dueOffset: fc.option(fc.integer({ min: -60, max: 60 }), { nil: null }),
			updatedOffset: fc.integer({ min: -120, max: 0 })
		})
		.map((r): Omit<CaseForecast, 'id' | 'citizenId'> => ({
			teamId: 't1',
			consultantId: r.consultantId,
			targetGroup: r.targetGroup,
			goal: r.goal,
			risk: r.risk,
			horizon: formatDay(base + r.horizonOffset),
			nextStep:
				r.dueOffset === null ? null : { text: 'Næste skridt', due: formatDay(base + r.dueOffset) },
			previousStepOutcome: null,
			openedAt: (base + r.openedOffset) * DAY_MS + r.openedHour * 3_600_000,
			closedAt:
				r.closedAfter === null
					? null
					: (base + r.openedOffset + r.closedAfter) * DAY_MS + 43_200_000,
			updatedAt: (base + r.updatedOffset) * DAY_MS + 43_200_000
		}));
	return fc
		.array(one, { minLength, maxLength })
		.map((cases) => cases.map((c, i) => ({ id: `s${i}`, citizenId: `b${i}`, ...c })));
}
