import {
	FLEXJOB_GOAL,
	GOAL_ORDER,
	isOpenOn,
	orderCodes,
	RISKS,
	type CaseForecast,
	type Risk
} from './types';
import { requireDay } from './week';

/**
 * Variation between consultants (variation mellem konsulenter): for each consultant's open cases,
 * the share per goal (fleksjob first), the spread of horizons and of risk, next to the same figures
 * for the whole team (all cases passed in). Ids only: the page decides who may see names.
 *
 * Outlier rule (markeret til sparring), transparent on purpose so anyone can check it against the
 * numbers on the page: a consultant with at least `minCases` open cases is marked when
 * - a goal's share differs from the team's share of that goal by more than `sharePoints`
 *   percentage points (default 15), or
 * - the share of high-risk cases differs from the team's by more than `sharePoints`, or
 * - the median horizon differs from the team's median horizon by more than `horizonMonths`
 *   months (default 3).
 * The team's figures include the consultant's own cases: they are the numbers shown beside them.
 * Consultants are listed by id, never by how far they deviate: this is not a ranking.
 */

/** Horizon buckets in days from today: passed, up to 3, 3-6, 6-12 and over 12 months. */
export type HorizonBucket = 'passed' | 'within-3m' | '3-6m' | '6-12m' | 'over-12m';

export const HORIZON_BUCKETS: readonly HorizonBucket[] = [
	'passed',
	'within-3m',
	'3-6m',
	'6-12m',
	'over-12m'
];

/** A month here is an average month, 365.25 / 12 days, so "months ahead" needs no calendar. */
export const DAYS_PER_MONTH = 365.25 / 12;

export const OUTLIER_SHARE_POINTS = 15;
export const OUTLIER_HORIZON_MONTHS = 3;
export const OUTLIER_MIN_CASES = 10;

export interface Share<K extends string> {
	key: K;
	count: number;
	/** count / open cases, 0..1; 0 when there are no open cases. */
	share: number;
}

export interface CaseloadProfile {
	openCases: number;
	goals: Share<string>[];
	risks: Share<Risk>[];
	horizonBuckets: Share<HorizonBucket>[];
	/** Median of (horizon − today) in months; negative when most horizons have passed; null without cases. */
	medianHorizonMonths: number | null;
}

export type OutlierFlag =
	| { kind: 'goal'; goal: string; share: number; teamShare: number }
	| { kind: 'high-risk'; share: number; teamShare: number }
	| { kind: 'horizon'; medianMonths: number; teamMedianMonths: number };

export interface ConsultantVariation extends CaseloadProfile {
	consultantId: string;
	/** Fewer than minCases open cases: shown, but too few to compare, so never marked. */
	tooFewCases: boolean;
	flags: OutlierFlag[];
	outlier: boolean;
}

export interface VariationResult {
	team: CaseloadProfile;
	consultants: ConsultantVariation[];
}

export interface VariationOptions {
	/** YYYY-MM-DD in Europe/Copenhagen. */
	today: string;
	/** The municipality's goal list; goals met in the cases are added after these. */
	goals?: readonly string[];
	sharePoints?: number;
	horizonMonths?: number;
	minCases?: number;
}

/** Bucket bounds in days ahead: ≤ 91 within 3 months, ≤ 182 3-6 months, ≤ 365 6-12 months. */
function bucketOf(daysAhead: number): number {
	if (daysAhead < 0) return 0;
	if (daysAhead <= 91) return 1;
	if (daysAhead <= 182) return 2;
	if (daysAhead <= 365) return 3;
	return 4;
}

interface Accumulator {
	goals: Map<string, number>;
	risks: Record<Risk, number>;
	buckets: number[];
	daysAhead: number[];
}

function newAccumulator(): Accumulator {
	return {
		goals: new Map(),
		risks: { low: 0, medium: 0, high: 0 },
		buckets: [0, 0, 0, 0, 0],
		daysAhead: []
	};
}

function add(acc: Accumulator, c: CaseForecast, daysAhead: number): void {
	acc.goals.set(c.goal, (acc.goals.get(c.goal) ?? 0) + 1);
	acc.risks[c.risk]++;
	acc.buckets[bucketOf(daysAhead)]!++;
	acc.daysAhead.push(daysAhead);
}

/** Median of whole numbers; a typed-array sort is native and numeric, several times faster. */
function medianOf(values: readonly number[]): number | null {
	const n = values.length;
	if (n === 0) return null;
	const sorted = Int32Array.from(values).sort();
	const mid = n >> 1;
	return n % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function profile(acc: Accumulator, goals: readonly string[]): CaseloadProfile {
	const n = acc.daysAhead.length;
	const share = <K extends string>(key: K, count: number): Share<K> => ({
		key,
		count,
		share: n === 0 ? 0 : count / n
	});
	const mid = medianOf(acc.daysAhead);
	return {
		openCases: n,
		goals: goals.map((g) => share(g, acc.goals.get(g) ?? 0)),
		risks: RISKS.map((r) => share(r, acc.risks[r])),
		horizonBuckets: HORIZON_BUCKETS.map((b, i) => share(b, acc.buckets[i]!)),
		medianHorizonMonths: mid === null ? null : mid / DAYS_PER_MONTH
	};
}

function shareOf<K extends string>(shares: readonly Share<K>[], key: K): number {
	return shares.find((s) => s.key === key)?.share ?? 0;
}

function flagsFor(
	p: CaseloadProfile,
	team: CaseloadProfile,
	sharePoints: number,
	horizonMonths: number
): OutlierFlag[] {
	// Shares are count / n fractions: a difference of exactly the limit must not tip over in floating point.
	const beyond = (a: number, b: number) => Math.abs(a - b) * 100 > sharePoints + 1e-9;
	const flags: OutlierFlag[] = [];
	for (const g of p.goals) {
		const teamShare = shareOf(team.goals, g.key);
		if (beyond(g.share, teamShare))
			flags.push({ kind: 'goal', goal: g.key, share: g.share, teamShare });
	}
	const high = shareOf(p.risks, 'high');
	const teamHigh = shareOf(team.risks, 'high');
	if (beyond(high, teamHigh)) flags.push({ kind: 'high-risk', share: high, teamShare: teamHigh });
	if (
		p.medianHorizonMonths !== null &&
		team.medianHorizonMonths !== null &&
		Math.abs(p.medianHorizonMonths - team.medianHorizonMonths) > horizonMonths
	)
		flags.push({
			kind: 'horizon',
			medianMonths: p.medianHorizonMonths,
			teamMedianMonths: team.medianHorizonMonths
		});
	return flags;
}

/** Open cases (opened on or before today, not closed on or before today) only. */
export function computeVariation(
	cases: readonly CaseForecast[],
	options: VariationOptions
): VariationResult {
	const today = requireDay(options.today, 'today');
	const sharePoints = options.sharePoints ?? OUTLIER_SHARE_POINTS;
	const horizonMonths = options.horizonMonths ?? OUTLIER_HORIZON_MONTHS;
	const minCases = options.minCases ?? OUTLIER_MIN_CASES;
	const teamAcc = newAccumulator();
	const byConsultant = new Map<string, Accumulator>();
	for (const c of cases) {
		if (!isOpenOn(c, today)) continue;
		const daysAhead = requireDay(c.horizon, 'horizon', c.id) - today;
		let acc = byConsultant.get(c.consultantId);
		if (acc === undefined) {
			acc = newAccumulator();
			byConsultant.set(c.consultantId, acc);
		}
		add(acc, c, daysAhead);
		add(teamAcc, c, daysAhead);
	}
	// Fleksjob first, then the municipality's own order, then goals only met in the data.
	const listed = options.goals ?? GOAL_ORDER;
	const goals = orderCodes([...listed, ...teamAcc.goals.keys()], [FLEXJOB_GOAL, ...listed]);
	const team = profile(teamAcc, goals);
	const consultants = [...byConsultant.keys()].sort().map((consultantId): ConsultantVariation => {
		const p = profile(byConsultant.get(consultantId)!, goals);
		const tooFewCases = p.openCases < minCases;
		const flags = tooFewCases ? [] : flagsFor(p, team, sharePoints, horizonMonths);
		return { consultantId, ...p, tooFewCases, flags, outlier: flags.length > 0 };
	});
	return { team, consultants };
}

/**
 * What one person may see of the variation (issue 4): the leader sees every consultant; anyone
 * else sees the team and their own row only, so no consultant can compare themselves with a
 * named or guessable colleague. Names are added by the page, for the leader only.
 */
export function variationForViewer(
	result: VariationResult,
	viewer: { userId: string; isLeader: boolean }
): VariationResult {
	if (viewer.isLeader) return result;
	return {
		team: result.team,
		consultants: result.consultants.filter((k) => k.consultantId === viewer.userId)
	};
}
