import { describe, expect, it } from 'vitest';
import { computeOpeningFigures, median, type OpeningFiguresInput } from './figures';
import {
	DAY_MS,
	JOB_TYPES,
	type Candidate,
	type Company,
	type Match,
	type MatchStatus,
	type Opening
} from './types';

const NOW = Date.UTC(2026, 2, 10, 9, 0, 0);
const TODAY = '2026-03-10';
const daysAgo = (days: number) => NOW - days * DAY_MS;

function opening(id: string, fields: Partial<Opening> = {}): Opening {
	return {
		id,
		companyId: 'c-old',
		position: 'Lagermedarbejder',
		jobType: 'ordinary',
		hoursPerWeek: 37,
		positions: 1,
		deadline: '2026-04-01',
		startDate: '',
		jobAreas: [],
		ownerId: 'u1',
		stage: 'new',
		createdAt: daysAgo(30),
		closedAt: null,
		...fields
	};
}

let matchSeq = 0;
function match(
	openingId: string,
	citizenId: string,
	status: MatchStatus,
	fields: Partial<Match> = {}
): Match {
	matchSeq += 1;
	return {
		id: `m${matchSeq}`,
		openingId,
		citizenId,
		status,
		proposedBy: 'u1',
		proposedAt: daysAgo(3),
		updatedAt: daysAgo(2),
		...fields
	};
}

function citizen(id: string, jobReady: boolean): Candidate {
	return {
		id,
		initials: 'XY',
		targetGroup: 'jobparat',
		jobAreas: [],
		hoursWanted: null,
		jobReady,
		lastOfferedAt: null
	};
}

function figures(input: Partial<OpeningFiguresInput>) {
	return computeOpeningFigures({
		openings: [],
		matches: [],
		companies: [],
		candidates: [],
		now: NOW,
		today: TODAY,
		...input
	});
}

/** Every number anywhere in the result, to prove no figure is ever NaN or infinite. */
function numbers(value: unknown): number[] {
	if (typeof value === 'number') return [value];
	if (Array.isArray(value)) return value.flatMap(numbers);
	if (value && typeof value === 'object') return Object.values(value).flatMap(numbers);
	return [];
}

describe('computeOpeningFigures on a small team', () => {
	const companies: Company[] = [
		{ id: 'c-new', name: 'Ny ApS', firstOpeningAt: daysAgo(5) },
		{ id: 'c-old', name: 'Gammel A/S', firstOpeningAt: daysAgo(400) },
		{ id: 'c-edge', name: 'Kant I/S', firstOpeningAt: daysAgo(90) }
	];
	const openings: Opening[] = [
		// Open: deadline today (soon), 2 positions, nobody hired.
		opening('o1', {
			companyId: 'c-new',
			jobType: 'smalljob',
			positions: 2,
			deadline: '2026-03-10',
			createdAt: daysAgo(5)
		}),
		// Open: deadline yesterday (overdue), its one position already hired.
		opening('o2', { stage: 'interview', deadline: '2026-03-09' }),
		// Open: 3 days left (soon), 3 positions, one hired.
		opening('o3', {
			stage: 'candidates',
			jobType: 'flexjob',
			positions: 3,
			deadline: '2026-03-13'
		}),
		// Open: 4 days left (ok).
		opening('o4', {
			companyId: 'c-edge',
			stage: 'needs',
			jobType: 'smalljob',
			deadline: '2026-03-14',
			createdAt: daysAgo(90)
		}),
		// Closed ones; f1's deadline passed but a closed opening is never overdue.
		opening('f1', {
			stage: 'filled',
			deadline: '2026-01-01',
			createdAt: daysAgo(20),
			closedAt: daysAgo(10)
		}),
		opening('f2', { stage: 'filled', createdAt: daysAgo(64), closedAt: daysAgo(60) }),
		opening('n1', { stage: 'not-filled', createdAt: daysAgo(40), closedAt: daysAgo(20) }),
		opening('n2', { stage: 'not-filled', createdAt: daysAgo(120), closedAt: daysAgo(100) }),
		opening('f3', {
			stage: 'filled',
			jobType: 'smalljob',
			createdAt: daysAgo(230),
			closedAt: daysAgo(200)
		})
	];
	const matches: Match[] = [
		match('o2', 'ready', 'hired'),
		match('o3', 'not-ready', 'hired'),
		match('o3', 'other-not-ready', 'proposed'),
		match('o3', 'ghost', 'not-chosen'),
		match('f1', 'ready', 'hired'),
		match('no-such-opening', 'ready', 'proposed')
	];
	const candidates = [
		citizen('ready', true),
		citizen('not-ready', false),
		citizen('other-not-ready', false)
	];
	const result = figures({ openings, matches, companies, candidates });

	it('counts open openings: every stage but Besat and Ikke besat', () => {
		expect(result.open).toEqual({ value: 4, ids: ['o1', 'o2', 'o3', 'o4'] });
	});

	it('counts open positions as positions minus hired, per open opening', () => {
		// o1: 2 − 0, o2: 1 − 1, o3: 3 − 1, o4: 1 − 0.
		expect(result.openPositions).toEqual({ value: 5, ids: ['o1', 'o3', 'o4'] });
	});

	it('counts due within 3 days (today included) and overdue separately', () => {
		expect(result.dueSoon).toEqual({ value: 2, ids: ['o1', 'o3'] });
		expect(result.overdueUnfilled).toEqual({ value: 1, ids: ['o2'] });
	});

	it('computes the fill rate over openings closed in the last 30 and 90 days', () => {
		// 30 days: f1 filled, n1 not filled → 1/2.
		expect(result.fillRate30).toEqual({
			value: 0.5,
			ids: ['f1', 'n1'],
			filled: 1,
			notFilled: 1,
			filledIds: ['f1']
		});
		// 90 days: f1, f2 filled, n1 not filled → 2/3; n2 (100 days) and f3 (200 days) are outside.
		expect(result.fillRate90).toEqual({
			value: 2 / 3,
			ids: ['f1', 'f2', 'n1'],
			filled: 2,
			notFilled: 1,
			filledIds: ['f1', 'f2']
		});
	});

	it('counts open småjob and open openings by type, every type present', () => {
		expect(result.smallJobs).toEqual({ value: 2, ids: ['o1', 'o4'] });
		expect(Object.keys(result.byType)).toEqual([...JOB_TYPES]);
		expect(result.byType.ordinary).toEqual({ value: 1, ids: ['o2'] });
		expect(result.byType.smalljob).toEqual({ value: 2, ids: ['o1', 'o4'] });
		expect(result.byType.flexjob).toEqual({ value: 1, ids: ['o3'] });
		expect(result.byType.hybrid).toEqual({ value: 0, ids: [] });
	});

	it('splits companies with open openings into new (< 90 days) and known (exactly 90 is known)', () => {
		expect(result.newCompanies).toEqual({ value: 1, ids: ['o1'], companyIds: ['c-new'] });
		expect(result.knownCompanies).toEqual({
			value: 2,
			ids: ['o2', 'o3', 'o4'],
			companyIds: ['c-old', 'c-edge']
		});
	});

	it('averages matches over open openings, whatever their status', () => {
		// o2: 1, o3: 3 (ghost included), o1 and o4: 0 → 4 / 4.
		expect(result.matchesPerOpening).toEqual({
			value: 1,
			matches: 4,
			ids: ['o1', 'o2', 'o3', 'o4']
		});
	});

	it('takes the median days from created to closed over filled openings (odd count)', () => {
		// f1: 10, f2: 4, f3: 30 → 10.
		expect(result.medianDaysToFill).toEqual({ value: 10, ids: ['f1', 'f2', 'f3'] });
	});

	it('counts openings, open or closed, offered to at least one job-ready citizen', () => {
		// o3's citizens are not job-ready, or unknown ('ghost'); the match to a missing opening is ignored.
		expect(result.offeredToJobReady).toEqual({ value: 2, ids: ['o2', 'f1'] });
	});

	it('is a pure function of its input', () => {
		expect(figures({ openings, matches, companies, candidates })).toEqual(result);
	});
});

describe('computeOpeningFigures edge cases', () => {
	it('gives zeros and nulls, never NaN, with no openings', () => {
		const result = figures({});
		expect(result.open).toEqual({ value: 0, ids: [] });
		expect(result.openPositions).toEqual({ value: 0, ids: [] });
		expect(result.dueSoon.value).toBe(0);
		expect(result.overdueUnfilled.value).toBe(0);
		expect(result.fillRate30).toEqual({
			value: null,
			ids: [],
			filled: 0,
			notFilled: 0,
			filledIds: []
		});
		expect(result.fillRate90.value).toBeNull();
		expect(result.smallJobs.value).toBe(0);
		expect(Object.values(result.byType).every((f) => f.value === 0)).toBe(true);
		expect(result.newCompanies.value + result.knownCompanies.value).toBe(0);
		expect(result.matchesPerOpening).toEqual({ value: 0, matches: 0, ids: [] });
		expect(result.medianDaysToFill).toEqual({ value: null, ids: [] });
		expect(result.offeredToJobReady.value).toBe(0);
		expect(numbers(result).every(Number.isFinite)).toBe(true);
	});

	it('gives a null fill rate when only open openings exist', () => {
		const result = figures({ openings: [opening('o1'), opening('o2', { stage: 'interview' })] });
		expect(result.fillRate30.value).toBeNull();
		expect(result.fillRate90.value).toBeNull();
		expect(result.medianDaysToFill.value).toBeNull();
		expect(numbers(result).every(Number.isFinite)).toBe(true);
	});

	it('gives a fill rate of 0 when everything closed was not filled', () => {
		const result = figures({
			openings: [opening('n1', { stage: 'not-filled', closedAt: daysAgo(1) })]
		});
		expect(result.fillRate30).toMatchObject({ value: 0, filled: 0, notFilled: 1 });
	});

	it('includes an opening closed exactly 30 days ago and leaves out one closed after now', () => {
		const result = figures({
			openings: [
				opening('edge', { stage: 'filled', closedAt: daysAgo(30) }),
				opening('old', { stage: 'filled', closedAt: daysAgo(30) - 1 }),
				opening('future', { stage: 'not-filled', closedAt: NOW + 1 })
			]
		});
		expect(result.fillRate30).toMatchObject({ value: 1, ids: ['edge'] });
		expect(result.fillRate90).toMatchObject({ value: 1, ids: ['edge', 'old'] });
	});

	it('never counts open positions below 0 and counts a citizen hired twice once', () => {
		const result = figures({
			openings: [
				opening('full', { positions: 2, stage: 'interview' }),
				opening('over', { positions: 1, stage: 'interview' }),
				opening('twice', { positions: 2, stage: 'interview' })
			],
			matches: [
				match('full', 'a', 'hired'),
				match('full', 'b', 'hired'),
				match('over', 'a', 'hired'),
				match('over', 'b', 'hired'),
				match('twice', 'a', 'hired'),
				match('twice', 'a', 'hired')
			]
		});
		// full: 2 − 2 = 0; over: max(0, 1 − 2) = 0; twice: 2 − 1 = 1.
		expect(result.openPositions).toEqual({ value: 1, ids: ['twice'] });
		// Fully filled but not yet moved to Besat: still open.
		expect(result.open.value).toBe(3);
	});

	it('lets the latest status of a match decide, so a hire that was undone frees the position', () => {
		const result = figures({
			openings: [opening('o1')],
			matches: [
				match('o1', 'a', 'hired', { updatedAt: daysAgo(2) }),
				match('o1', 'a', 'not-chosen', { updatedAt: daysAgo(1) })
			]
		});
		expect(result.openPositions.value).toBe(1);
		expect(result.matchesPerOpening).toMatchObject({ value: 1, matches: 1 });
	});

	it('counts duplicated openings and matches once', () => {
		const o1 = opening('o1', { positions: 2 });
		const m = match('o1', 'a', 'hired');
		const result = figures({
			openings: [o1, o1, { ...o1, jobType: 'smalljob' }],
			matches: [m, m],
			candidates: [citizen('a', true)]
		});
		expect(result.open).toEqual({ value: 1, ids: ['o1'] });
		expect(result.openPositions.value).toBe(1);
		expect(result.smallJobs.value).toBe(0);
		expect(result.matchesPerOpening).toMatchObject({ value: 1, matches: 1 });
		expect(result.offeredToJobReady).toEqual({ value: 1, ids: ['o1'] });
	});

	it('takes the mean of the two middle values for an even count, and clamps negative durations', () => {
		const filled = (id: string, days: number) =>
			opening(id, { stage: 'filled', createdAt: daysAgo(days + 1), closedAt: daysAgo(1) });
		expect(figures({ openings: [filled('a', 4), filled('b', 10)] }).medianDaysToFill.value).toBe(7);
		expect(
			figures({ openings: [filled('a', 1), filled('b', 2), filled('c', 4), filled('d', 30)] })
				.medianDaysToFill.value
		).toBe(3);
		expect(figures({ openings: [filled('a', 0.5)] }).medianDaysToFill.value).toBe(0.5);
		const skewed = opening('s', { stage: 'filled', createdAt: daysAgo(1), closedAt: daysAgo(2) });
		expect(figures({ openings: [skewed] }).medianDaysToFill.value).toBe(0);
		// Filled without a closing time says nothing about time to fill.
		const noClose = opening('x', { stage: 'filled', closedAt: null });
		expect(figures({ openings: [noClose] }).medianDaysToFill).toEqual({ value: null, ids: [] });
	});

	it('keeps a company new until exactly 90 days after its first opening', () => {
		const companies: Company[] = [
			{ id: 'edge', name: 'Kant', firstOpeningAt: daysAgo(90) },
			{ id: 'almost', name: 'Næsten', firstOpeningAt: daysAgo(90) + 1 }
		];
		const result = figures({
			companies,
			openings: [
				opening('e', { companyId: 'edge', createdAt: daysAgo(1) }),
				opening('a', { companyId: 'almost', createdAt: daysAgo(1) })
			]
		});
		expect(result.newCompanies).toEqual({ value: 1, ids: ['a'], companyIds: ['almost'] });
		expect(result.knownCompanies).toEqual({ value: 1, ids: ['e'], companyIds: ['edge'] });
	});

	it('dates a company by its earliest opening when the company row is missing, empty or later', () => {
		const result = figures({
			companies: [
				{ id: 'stale', name: 'Forældet', firstOpeningAt: daysAgo(10) },
				{ id: 'empty', name: 'Tom', firstOpeningAt: null }
			],
			openings: [
				opening('s-old', {
					companyId: 'stale',
					stage: 'filled',
					createdAt: daysAgo(200),
					closedAt: daysAgo(150)
				}),
				opening('s-new', { companyId: 'stale', createdAt: daysAgo(2) }),
				opening('empty-1', { companyId: 'empty', createdAt: daysAgo(10) }),
				opening('unknown-1', { companyId: 'not-in-list', createdAt: daysAgo(100) })
			]
		});
		expect(result.knownCompanies).toEqual({
			value: 2,
			ids: ['s-new', 'unknown-1'],
			companyIds: ['stale', 'not-in-list']
		});
		expect(result.newCompanies).toEqual({ value: 1, ids: ['empty-1'], companyIds: ['empty'] });
	});

	it('counts a company with two open openings once', () => {
		const result = figures({
			companies: [{ id: 'c', name: 'C', firstOpeningAt: daysAgo(1) }],
			openings: [opening('x', { companyId: 'c' }), opening('y', { companyId: 'c' })]
		});
		expect(result.newCompanies).toEqual({ value: 1, ids: ['x', 'y'], companyIds: ['c'] });
	});
});

describe('median', () => {
	it('handles empty, odd, even and unsorted input without changing it', () => {
		const input = [9, 1, 5, 3];
		expect(median([])).toBeNull();
		expect(median([7])).toBe(7);
		expect(median([3, 1, 2])).toBe(2);
		expect(median(input)).toBe(4);
		expect(input).toEqual([9, 1, 5, 3]);
	});
});
