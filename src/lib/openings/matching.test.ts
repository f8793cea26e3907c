import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { latestMatches, rankCandidates, scoreCandidate, SCORE_WEIGHTS } from './matching';
import { DAY_MS, type Candidate, type Match, type MatchStatus } from './types';

const NOW = Date.UTC(2026, 2, 10, 9, 0, 0);

function candidate(id: string, fields: Partial<Candidate> = {}): Candidate {
	return {
		id,
		initials: 'AB',
		targetGroup: 'jobparat',
		jobAreas: [],
		hoursWanted: null,
		jobReady: false,
		lastOfferedAt: null,
		...fields
	};
}

function match(
	id: string,
	citizenId: string,
	status: MatchStatus,
	fields: Partial<Match> = {}
): Match {
	return {
		id,
		openingId: 'o1',
		citizenId,
		status,
		proposedBy: 'u1',
		proposedAt: NOW - DAY_MS,
		updatedAt: NOW - DAY_MS,
		...fields
	};
}

// Three distinct areas: 'lager ' repeats 'Lager' once trimmed and lower-cased.
const opening = {
	id: 'o1',
	jobAreas: ['Lager', 'Transport', 'lager ', 'Kørsel'],
	hoursPerWeek: 30
};

const points = (r: { parts: { key: string; points: number }[] }) =>
	Object.fromEntries(r.parts.map((p) => [p.key, p.points]));

describe('SCORE_WEIGHTS', () => {
	it('adds up to 100', () => {
		expect(Object.values(SCORE_WEIGHTS).reduce((a, b) => a + b, 0)).toBe(100);
	});
});

describe('scoreCandidate', () => {
	it('scores a close fit: 2 of 3 areas, equal hours, ready, never offered', () => {
		const c = candidate('a', { jobAreas: ['lager', 'TRANSPORT'], hoursWanted: 30, jobReady: true });
		const r = scoreCandidate(opening, c, NOW);
		// 40 × 2/3 = 26.67 → 27; 25; 20; 15.
		expect(points(r)).toEqual({ 'job-areas': 27, hours: 25, readiness: 20, 'last-offer': 15 });
		expect(r.score).toBe(87);
		expect(r.outsideWishes).toBe(false);
		expect(r.parts).toEqual([
			{
				key: 'job-areas',
				points: 27,
				max: 40,
				detail: { overlap: ['Lager', 'Transport'], openingAreas: 3 }
			},
			{ key: 'hours', points: 25, max: 25, detail: { openingHours: 30, hoursWanted: 30 } },
			{ key: 'readiness', points: 20, max: 20, detail: { jobReady: true } },
			{ key: 'last-offer', points: 15, max: 15, detail: { daysSince: null } }
		]);
	});

	it('scores a citizen outside their wishes with half the hours and a recent offer', () => {
		const c = candidate('b', {
			jobAreas: ['Rengøring'],
			hoursWanted: 15,
			lastOfferedAt: NOW - 10 * DAY_MS
		});
		const r = scoreCandidate(opening, c, NOW);
		// 0; 25 × 15/30 = 12.5 → 13; 0; 15 × 10/30 = 5.
		expect(points(r)).toEqual({ 'job-areas': 0, hours: 13, readiness: 0, 'last-offer': 5 });
		expect(r.score).toBe(18);
		expect(r.outsideWishes).toBe(true);
	});

	it('gives half the hours points when hours are unknown on either side', () => {
		const c = candidate('c', {
			jobAreas: ['kørsel'],
			jobReady: true,
			lastOfferedAt: NOW - 45 * DAY_MS
		});
		const r = scoreCandidate(opening, c, NOW);
		// 40 × 1/3 = 13.3 → 13; 13; 20; 15 (capped after 30 days).
		expect(points(r)).toEqual({ 'job-areas': 13, hours: 13, readiness: 20, 'last-offer': 15 });
		expect(r.score).toBe(61);
		expect(r.parts[3]!.detail).toEqual({ daysSince: 45 });
		const noHours = scoreCandidate(
			{ ...opening, hoursPerWeek: null },
			candidate('d', { hoursWanted: 37 }),
			NOW
		);
		expect(points(noHours).hours).toBe(13);
	});

	it('uses whole days since the last offer and treats a future offer as just now', () => {
		const sixDays = scoreCandidate(
			opening,
			candidate('e', { lastOfferedAt: NOW - 6.9 * DAY_MS }),
			NOW
		);
		expect(sixDays.parts[3]).toMatchObject({ points: 3, detail: { daysSince: 6 } });
		const future = scoreCandidate(opening, candidate('f', { lastOfferedAt: NOW + DAY_MS }), NOW);
		expect(future.parts[3]).toMatchObject({ points: 0, detail: { daysSince: 0 } });
	});

	it('scores hours by the smaller share of the larger, both ways', () => {
		const hours = (o: number, w: number) =>
			points(
				scoreCandidate({ jobAreas: [], hoursPerWeek: o }, candidate('h', { hoursWanted: w }), NOW)
			).hours;
		expect(hours(37, 37)).toBe(25);
		expect(hours(10, 37)).toBe(hours(37, 10)); // 25 × 10/37 = 6.76 → 7
		expect(hours(10, 37)).toBe(7);
		expect(hours(0, 0)).toBe(25);
		expect(hours(0, 10)).toBe(0);
	});

	it('gives no area points and no "outside wishes" when the opening has no job areas', () => {
		const r = scoreCandidate(
			{ jobAreas: [' ', ''], hoursPerWeek: null },
			candidate('g', { jobAreas: ['Lager'] }),
			NOW
		);
		expect(r.parts[0]).toEqual({
			key: 'job-areas',
			points: 0,
			max: 40,
			detail: { overlap: [], openingAreas: 0 }
		});
		expect(r.outsideWishes).toBe(false);
	});

	it('marks a citizen with no wishes at all as outside their wishes', () => {
		expect(scoreCandidate(opening, candidate('g'), NOW).outsideWishes).toBe(true);
	});

	it('always has parts within their max that add up to a score in 0..100', () => {
		const hours = fc.option(fc.integer({ min: 0, max: 60 }), { nil: null });
		const areas = fc.array(fc.constantFrom('Lager', 'lager', 'Kørsel', 'Butik', 'Rengøring', ' '), {
			maxLength: 5
		});
		fc.assert(
			fc.property(
				areas,
				hours,
				areas,
				hours,
				fc.boolean(),
				fc.option(fc.integer({ min: NOW - 400 * DAY_MS, max: NOW + DAY_MS }), { nil: null }),
				(oAreas, oHours, cAreas, cHours, jobReady, lastOfferedAt) => {
					const r = scoreCandidate(
						{ jobAreas: oAreas, hoursPerWeek: oHours },
						candidate('p', { jobAreas: cAreas, hoursWanted: cHours, jobReady, lastOfferedAt }),
						NOW
					);
					for (const part of r.parts) {
						expect(Number.isInteger(part.points)).toBe(true);
						expect(part.points).toBeGreaterThanOrEqual(0);
						expect(part.points).toBeLessThanOrEqual(part.max);
					}
					expect(r.score).toBe(r.parts.reduce((s, p) => s + p.points, 0));
					expect(r.score).toBeGreaterThanOrEqual(0);
					expect(r.score).toBeLessThanOrEqual(100);
				}
			)
		);
	});
});

describe('latestMatches', () => {
	it('keeps one match per opening and citizen: the one changed last, then the larger id', () => {
		const older = match('m1', 'a', 'proposed', { updatedAt: NOW - 2 * DAY_MS });
		const newer = match('m2', 'a', 'referred', { updatedAt: NOW - DAY_MS });
		const sameTime = match('m3', 'a', 'interview', { updatedAt: NOW - DAY_MS });
		const other = match('m4', 'a', 'hired', { openingId: 'o2' });
		expect(latestMatches([newer, older])).toEqual([newer]);
		expect(latestMatches([sameTime, older, newer])).toEqual([sameTime]);
		expect(latestMatches([older, other, older])).toEqual([older, other]);
	});
});

describe('rankCandidates', () => {
	const a = candidate('a', { jobAreas: ['lager', 'TRANSPORT'], hoursWanted: 30, jobReady: true }); // 87
	const b = candidate('b', {
		jobAreas: ['Rengøring'],
		hoursWanted: 15,
		lastOfferedAt: NOW - 10 * DAY_MS
	}); // 18
	const c = candidate('c', {
		jobAreas: ['kørsel'],
		jobReady: true,
		lastOfferedAt: NOW - 45 * DAY_MS
	}); // 61
	const a2 = { ...a, id: 'a2' }; // 87, same as a

	it('sorts by score, highest first, ties by id', () => {
		const ranked = rankCandidates(opening, [b, a2, c, a], [], NOW);
		expect(ranked.map((r) => [r.candidate.id, r.score])).toEqual([
			['a', 87],
			['a2', 87],
			['c', 61],
			['b', 18]
		]);
		expect(ranked.every((r) => !r.alreadyMatched && r.matchStatus === null)).toBe(true);
	});

	it('gives the same order whatever the input order', () => {
		const ids = (list: Candidate[]) =>
			rankCandidates(opening, list, [], NOW).map((r) => r.candidate.id);
		expect(ids([a, a2, b, c])).toEqual(ids([c, b, a2, a]));
	});

	it('puts candidates already matched to this opening last, in any status, with their status', () => {
		const matches = [
			match('m1', 'a', 'not-chosen'),
			match('m2', 'c', 'proposed', { updatedAt: NOW - 3 * DAY_MS }),
			match('m3', 'c', 'interview', { updatedAt: NOW - 2 * DAY_MS }),
			match('m4', 'b', 'hired', { openingId: 'another-opening' })
		];
		const ranked = rankCandidates(opening, [a, b, c, a2], matches, NOW);
		expect(ranked.map((r) => [r.candidate.id, r.alreadyMatched, r.matchStatus])).toEqual([
			['a2', false, null],
			['b', false, null],
			['a', true, 'not-chosen'],
			['c', true, 'interview']
		]);
	});

	it('ranks a candidate listed twice once, and returns nothing for no candidates', () => {
		expect(rankCandidates(opening, [c, { ...c, jobReady: false }, c], [], NOW)).toHaveLength(1);
		expect(rankCandidates(opening, [c, { ...c, jobReady: false }], [], NOW)[0]!.score).toBe(61);
		expect(rankCandidates(opening, [], [match('m1', 'a', 'proposed')], NOW)).toEqual([]);
	});
});
