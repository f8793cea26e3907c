/**
 * Candidate ranking for "Foreslå kandidater". The score is 0..100 and is the sum of four parts,
 * each rounded to whole points, so the explanation the UI shows always adds up to the score:
 *
 *   job-areas  max 40  40 × (opening's job areas the citizen wants ÷ opening's job areas).
 *                      Tags are compared trimmed and case-insensitively, duplicates counted once.
 *                      An opening without job areas gives 0 to everyone (nothing to compare).
 *   hours      max 25  25 × (smaller ÷ larger) of the opening's hours per week and the citizen's
 *                      hours wanted (both 0 counts as a full fit). If either is unknown: half, 13.
 *   readiness  max 20  20 if the citizen is job-ready, else 0.
 *   last-offer max 15  15 × (days since the last offer ÷ 30), capped at 15; never offered: 15.
 *                      Spreads offers over the caseload instead of offering the same person twice.
 *
 * outsideWishes is set when the opening has job areas and the citizen wants none of them: the UI
 * shows such candidates as "brede jobsøgningen ud" rather than hiding them.
 *
 * Order: candidates already matched to this opening (in any status) last; then by score, highest
 * first; ties by candidate id, so every device shows the same list. The result is data only: the
 * UI renders each part through the message catalogue with `detail` as its parameters.
 */
import { DAY_MS, type Candidate, type Match, type MatchStatus, type Opening } from './types';

export const SCORE_WEIGHTS = {
	'job-areas': 40,
	hours: 25,
	readiness: 20,
	'last-offer': 15
} as const;

/** Days since the last offer after which a citizen gets the full last-offer points. */
export const LAST_OFFER_FULL_DAYS = 30;

export type ScorePart =
	| {
			key: 'job-areas';
			points: number;
			max: number;
			/** The opening's job areas (as the opening spells them) that the citizen wants. */
			detail: { overlap: string[]; openingAreas: number };
	  }
	| {
			key: 'hours';
			points: number;
			max: number;
			detail: { openingHours: number | null; hoursWanted: number | null };
	  }
	| { key: 'readiness'; points: number; max: number; detail: { jobReady: boolean } }
	| {
			key: 'last-offer';
			points: number;
			max: number;
			/** Whole days since the last offer, or null if the citizen was never offered anything. */
			detail: { daysSince: number | null };
	  };

export interface RankedCandidate {
	candidate: Candidate;
	score: number;
	parts: ScorePart[];
	outsideWishes: boolean;
	alreadyMatched: boolean;
	/** Status of the existing match to this opening, or null when there is none. */
	matchStatus: MatchStatus | null;
}

function normaliseTag(tag: string): string {
	return tag.trim().toLocaleLowerCase('da');
}

/** Distinct non-empty tags, first spelling kept. */
function distinctTags(tags: readonly string[]): Map<string, string> {
	const out = new Map<string, string>();
	for (const tag of tags) {
		const key = normaliseTag(tag);
		if (key !== '' && !out.has(key)) out.set(key, tag.trim());
	}
	return out;
}

/**
 * One match per (opening, citizen): the one changed last (ties: the larger id). A match is
 * "opening × citizen", so duplicates from concurrent proposals or a repeated id count once.
 */
export function latestMatches(matches: readonly Match[]): Match[] {
	const byPair = new Map<string, Match>();
	for (const match of matches) {
		const pair = `${match.openingId}\u0000${match.citizenId}`;
		const seen = byPair.get(pair);
		if (
			!seen ||
			match.updatedAt > seen.updatedAt ||
			(match.updatedAt === seen.updatedAt && match.id > seen.id)
		) {
			byPair.set(pair, match);
		}
	}
	return [...byPair.values()];
}

function fraction(part: number, whole: number): number {
	return Math.min(1, Math.max(0, part / whole));
}

export function scoreCandidate(
	opening: Pick<Opening, 'jobAreas' | 'hoursPerWeek'>,
	candidate: Candidate,
	now: number
): { score: number; parts: ScorePart[]; outsideWishes: boolean } {
	const openingAreas = distinctTags(opening.jobAreas);
	const wanted = distinctTags(candidate.jobAreas);
	const overlap = [...openingAreas].filter(([key]) => wanted.has(key)).map(([, tag]) => tag);
	const areaShare = openingAreas.size === 0 ? 0 : overlap.length / openingAreas.size;

	const openingHours = opening.hoursPerWeek;
	const hoursWanted = candidate.hoursWanted;
	let hoursFit: number;
	if (openingHours === null || hoursWanted === null) hoursFit = 0.5;
	else {
		const larger = Math.max(openingHours, hoursWanted);
		hoursFit = larger <= 0 ? 1 : fraction(Math.min(openingHours, hoursWanted), larger);
	}

	// An offer stamped in the future (clock skew between devices) counts as just now.
	const daysSince =
		candidate.lastOfferedAt === null
			? null
			: Math.max(0, Math.floor((now - candidate.lastOfferedAt) / DAY_MS));
	const offerShare = daysSince === null ? 1 : fraction(daysSince, LAST_OFFER_FULL_DAYS);

	const w = SCORE_WEIGHTS;
	const parts: ScorePart[] = [
		{
			key: 'job-areas',
			points: Math.round(w['job-areas'] * areaShare),
			max: w['job-areas'],
			detail: { overlap, openingAreas: openingAreas.size }
		},
		{
			key: 'hours',
			points: Math.round(w.hours * hoursFit),
			max: w.hours,
			detail: { openingHours, hoursWanted }
		},
		{
			key: 'readiness',
			points: candidate.jobReady ? w.readiness : 0,
			max: w.readiness,
			detail: { jobReady: candidate.jobReady }
		},
		{
			key: 'last-offer',
			points: Math.round(w['last-offer'] * offerShare),
			max: w['last-offer'],
			detail: { daysSince }
		}
	];
	return {
		score: parts.reduce((sum, part) => sum + part.points, 0),
		parts,
		outsideWishes: openingAreas.size > 0 && overlap.length === 0
	};
}

export function compareRanked(a: RankedCandidate, b: RankedCandidate): number {
	if (a.alreadyMatched !== b.alreadyMatched) return a.alreadyMatched ? 1 : -1;
	if (a.score !== b.score) return b.score - a.score;
	const x = a.candidate.id;
	const y = b.candidate.id;
	return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * Ranks the candidates for one opening. `matches` may hold matches of any opening; only this
 * opening's count. A candidate listed twice (same id) is ranked once, first entry wins.
 */
export function rankCandidates(
	opening: Pick<Opening, 'id' | 'jobAreas' | 'hoursPerWeek'>,
	candidates: readonly Candidate[],
	matches: readonly Match[],
	now: number
): RankedCandidate[] {
	const statusByCitizen = new Map<string, MatchStatus>();
	for (const match of latestMatches(matches)) {
		if (match.openingId === opening.id) statusByCitizen.set(match.citizenId, match.status);
	}
	const seen = new Set<string>();
	const ranked: RankedCandidate[] = [];
	for (const candidate of candidates) {
		if (seen.has(candidate.id)) continue;
		seen.add(candidate.id);
		const matchStatus = statusByCitizen.get(candidate.id) ?? null;
		ranked.push({
			candidate,
			...scoreCandidate(opening, candidate, now),
			alreadyMatched: matchStatus !== null,
			matchStatus
		});
	}
	return ranked.sort(compareRanked);
}
