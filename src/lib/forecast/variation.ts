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

/**
 * Counts of one population (the team, or one consultant) by goal index, risk and bucket. The
 * horizons themselves (days ahead) live in one shared Int32Array, grouped by consultant, so the
 * hot loop allocates nothing per case.
 */
interface Counts {
	open: number;
	goals: Int32Array;
	risks: Int32Array;
	buckets: Int32Array;
}

const RISK_INDEX: Record<Risk, number> = { low: 0, medium: 1, high: 2 };

function newCounts(goalSlots: number): Counts {
	return {
		open: 0,
		goals: new Int32Array(goalSlots),
		risks: new Int32Array(RISKS.length),
		buckets: new Int32Array(HORIZON_BUCKETS.length)
	};
}

/** Up to this many distinct days per value, the median counts days instead of sorting them. */
const COUNTING_SPAN_PER_VALUE = 4;

/**
 * Median of whole numbers (days ahead). For a large population whose values span few days (the
 * team: tens of thousands of horizons within a year or two) a counting pass over the span finds
 * it without sorting; otherwise a typed-array sort, which is native and numeric.
 */
function medianOf(values: Int32Array): number | null {
	const n = values.length;
	if (n === 0) return null;
	const mid = n >> 1;
	let min = values[0]!;
	let max = min;
	for (let i = 1; i < n; i++) {
		const v = values[i]!;
		if (v < min) min = v;
		else if (v > max) max = v;
	}
	if (max - min + 1 > COUNTING_SPAN_PER_VALUE * n) {
		const sorted = Int32Array.from(values).sort();
		return n % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
	}
	const counts = new Int32Array(max - min + 1);
	for (let i = 0; i < n; i++) counts[values[i]! - min]!++;
	// The value at sorted position `k`: walk the counts until more than k values are passed.
	const at = (k: number): number => {
		let seen = 0;
		for (let d = 0; d < counts.length; d++) {
			seen += counts[d]!;
			if (seen > k) return d + min;
		}
		return max;
	};
	return n % 2 === 1 ? at(mid) : (at(mid - 1) + at(mid)) / 2;
}

function profile(
	counts: Counts,
	daysAhead: Int32Array,
	goals: readonly string[],
	goalSlot: ReadonlyMap<string, number>
): CaseloadProfile {
	const n = counts.open;
	const share = <K extends string>(key: K, count: number): Share<K> => ({
		key,
		count,
		share: n === 0 ? 0 : count / n
	});
	const mid = medianOf(daysAhead);
	return {
		openCases: n,
		goals: goals.map((g) => share(g, counts.goals[goalSlot.get(g)!] ?? 0)),
		risks: RISKS.map((r) => share(r, counts.risks[RISK_INDEX[r]]!)),
		horizonBuckets: HORIZON_BUCKETS.map((b, i) => share(b, counts.buckets[i]!)),
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
	const listed = options.goals ?? GOAL_ORDER;
	// Pass 1, per open case: its consultant's slot, goal slot and days ahead, into typed arrays.
	// Distinct horizons are few, so each is parsed once (dayOf), and ids become small numbers.
	const n = cases.length;
	const caseConsultant = new Int32Array(n);
	const caseGoal = new Int32Array(n);
	const caseDays = new Int32Array(n);
	const caseRisk = new Uint8Array(n);
	const consultantSlot = new Map<string, number>();
	const goalSlot = new Map<string, number>();
	for (const g of listed) if (!goalSlot.has(g)) goalSlot.set(g, goalSlot.size);
	const horizonDay = new Map<string, number>();
	let open = 0;
	for (const c of cases) {
		if (!isOpenOn(c, today)) continue;
		let day = horizonDay.get(c.horizon);
		if (day === undefined) {
			day = requireDay(c.horizon, 'horizon', c.id);
			horizonDay.set(c.horizon, day);
		}
		let k = consultantSlot.get(c.consultantId);
		if (k === undefined) {
			k = consultantSlot.size;
			consultantSlot.set(c.consultantId, k);
		}
		let g = goalSlot.get(c.goal);
		if (g === undefined) {
			g = goalSlot.size;
			goalSlot.set(c.goal, g);
		}
		caseConsultant[open] = k;
		caseGoal[open] = g;
		caseDays[open] = day - today;
		caseRisk[open] = RISK_INDEX[c.risk];
		open++;
	}
	// Pass 2: counts for the team and per consultant, and the days ahead grouped by consultant
	// (a counting sort by slot: offsets first, then each case into its consultant's range).
	const slots = consultantSlot.size;
	const teamCounts = newCounts(goalSlot.size);
	const counts = Array.from({ length: slots }, () => newCounts(goalSlot.size));
	const start = new Int32Array(slots + 1);
	for (let i = 0; i < open; i++) start[caseConsultant[i]! + 1]!++;
	for (let k = 0; k < slots; k++) start[k + 1]! += start[k]!;
	const next = start.slice(0, slots);
	const grouped = new Int32Array(open);
	for (let i = 0; i < open; i++) {
		const k = caseConsultant[i]!;
		const bucket = bucketOf(caseDays[i]!);
		const own = counts[k]!;
		own.open++;
		own.goals[caseGoal[i]!]!++;
		own.risks[caseRisk[i]!]!++;
		own.buckets[bucket]!++;
		teamCounts.goals[caseGoal[i]!]!++;
		teamCounts.risks[caseRisk[i]!]!++;
		teamCounts.buckets[bucket]!++;
		grouped[next[k]!++] = caseDays[i]!;
	}
	teamCounts.open = open;
	// Fleksjob first, then the municipality's own order, then goals only met in open cases.
	const goals = orderCodes(goalSlot.keys(), [FLEXJOB_GOAL, ...listed]);
	const team = profile(teamCounts, caseDays.subarray(0, open), goals, goalSlot);
	const consultants = [...consultantSlot.keys()].sort().map((consultantId): ConsultantVariation => {
		const k = consultantSlot.get(consultantId)!;
		const p = profile(counts[k]!, grouped.subarray(start[k]!, start[k + 1]!), goals, goalSlot);
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
