import {
	checkRiskWeights,
	DEFAULT_RISK_WEIGHTS,
	orderCodes,
	RISKS,
	TARGET_GROUP_ORDER,
	type CaseForecast,
	type Risk,
	type RiskWeights
} from './types';
import { copenhagenDay, formatDay, isoWeekOf, requireDay } from './week';

/**
 * Caseload projection (prognose for sagsstammen), per target group, week by week.
 *
 * Point k (k = 0..weeks) is the count on the day D_k = today + 7k: the same weekday as today, in
 * the k-th ISO week from now, so consecutive points are consecutive "uge" labels.
 *
 * - A case is open on day d when it was opened on or before d and not closed on or before d
 *   (Copenhagen calendar days of openedAt / closedAt). Cases opened after today are ignored.
 * - Point 0 is the actual number of cases open today, whatever their horizons.
 * - "plan": a case open today closes on its horizon day, so it counts at point k ≥ 1 only while
 *   D_k is before its horizon. A horizon today or already passed counts at point 0 and not from
 *   point 1 on (a passed horizon is assumed to be acted on this week: the sparring list shows it).
 * - "risikojusteret": the plan holds for a case with probability w = the weight of its risk; if it
 *   does not, the case stays open through the whole projection. So after its horizon a case
 *   still counts 1 − w. Hence plan ≤ risk-adjusted at every point, with equality at point 0.
 * - Inflow (tilgang): the cases opened in the last `inflowWeeks` weeks (the days
 *   today − 7·inflowWeeks + 1 … today, closed or not) divided by `inflowWeeks`. With `withInflow`,
 *   point k adds k × that weekly rate to both series: new cases are assumed to stay open within
 *   the projection, as they have no horizon yet.
 * - History (faktisk): the actual open count on today − 7j for j = historyWeeks … 0; the last
 *   history point equals point 0.
 * Per target group and in total; the groups' series add up to the total.
 */

export interface ProjectionOptions {
	/** YYYY-MM-DD in Europe/Copenhagen. */
	today: string;
	weights?: RiskWeights;
	/** Future weeks after the current one; 26 by default. */
	weeks?: number;
	historyWeeks?: number;
	inflowWeeks?: number;
	withInflow?: boolean;
	/** Groups to show even without cases (e.g. the municipality's active target groups). */
	targetGroups?: readonly string[];
	/** Preferred order of the groups; SDP and JAF first by default. */
	groupOrder?: readonly string[];
}

export interface WeekPoint {
	/** Weeks from now: 0 = this week, negative in the history. */
	offset: number;
	/** The day the count is taken on, YYYY-MM-DD. */
	date: string;
	isoYear: number;
	isoWeek: number;
}

export interface CaseloadSeries {
	/** Plan, one value per future point (index = offset). */
	plan: number[];
	/** Risk-adjusted expected open count, one value per future point. */
	riskAdjusted: number[];
	/** Actual open count, one value per history point (oldest first, last = today). */
	history: number[];
	/** Average cases opened per week over the inflow window. */
	inflowPerWeek: number;
	/** Cases open today. */
	openNow: number;
}

export interface GroupProjection extends CaseloadSeries {
	targetGroup: string;
}

export interface CaseloadProjection {
	today: string;
	weights: RiskWeights;
	withInflow: boolean;
	points: WeekPoint[];
	historyPoints: WeekPoint[];
	groups: GroupProjection[];
	total: CaseloadSeries;
}

export const PROJECTION_WEEKS = 26;
export const HISTORY_WEEKS = 12;
export const INFLOW_WEEKS = 8;

/** Integer tallies for one group; turned into series at the end. */
interface Tally {
	openNow: number;
	/** closes[r][k]: open cases of risk r that the plan closes at point k (k = 1..weeks). */
	closes: Record<Risk, Int32Array>;
	/** Difference array over history points: +1 where a case starts counting, −1 where it stops. */
	historyDelta: Int32Array;
	inflow: number;
}

function newTally(weeks: number, historyWeeks: number): Tally {
	return {
		openNow: 0,
		closes: {
			low: new Int32Array(weeks + 1),
			medium: new Int32Array(weeks + 1),
			high: new Int32Array(weeks + 1)
		},
		historyDelta: new Int32Array(historyWeeks + 2),
		inflow: 0
	};
}

function point(offset: number, day: number): WeekPoint {
	const { year, week } = isoWeekOf(day);
	return { offset, date: formatDay(day), isoYear: year, isoWeek: week };
}

function checkCount(name: string, value: number): number {
	if (!Number.isInteger(value) || value < 0 || value > 520)
		throw new RangeError(`${name} must be a whole number of weeks within 0..520, got ${value}`);
	return value;
}

/** First index i ≥ 0 with base + 7i ≥ day, clamped to 0..limit. */
function firstSampleOnOrAfter(day: number, base: number, limit: number): number {
	const i = Math.ceil((day - base) / 7);
	return i < 0 ? 0 : i > limit ? limit : i;
}

function series(
	t: Tally,
	weeks: number,
	historyWeeks: number,
	inflowWeeks: number,
	weights: RiskWeights,
	withInflow: boolean
): CaseloadSeries {
	const inflowPerWeek = inflowWeeks === 0 ? 0 : t.inflow / inflowWeeks;
	const plan: number[] = [];
	const riskAdjusted: number[] = [];
	let planOpen = t.openNow;
	const closedSoFar: Record<Risk, number> = { low: 0, medium: 0, high: 0 };
	for (let k = 0; k <= weeks; k++) {
		let slipped = 0;
		for (const r of RISKS) {
			const c = k === 0 ? 0 : t.closes[r][k]!;
			planOpen -= c;
			closedSoFar[r] += c;
			slipped += closedSoFar[r] * (1 - weights[r]);
		}
		const added = withInflow ? k * inflowPerWeek : 0;
		plan.push(planOpen + added);
		riskAdjusted.push(planOpen + slipped + added);
	}
	const history: number[] = [];
	let running = 0;
	for (let j = 0; j <= historyWeeks; j++) {
		running += t.historyDelta[j]!;
		history.push(running);
	}
	return { plan, riskAdjusted, history, inflowPerWeek, openNow: t.openNow };
}

export function projectCaseload(
	cases: readonly CaseForecast[],
	options: ProjectionOptions
): CaseloadProjection {
	const today = requireDay(options.today, 'today');
	const weights = checkRiskWeights(options.weights ?? DEFAULT_RISK_WEIGHTS);
	const weeks = checkCount('weeks', options.weeks ?? PROJECTION_WEEKS);
	const historyWeeks = checkCount('historyWeeks', options.historyWeeks ?? HISTORY_WEEKS);
	const inflowWeeks = checkCount('inflowWeeks', options.inflowWeeks ?? INFLOW_WEEKS);
	const withInflow = options.withInflow ?? false;
	const historyBase = today - 7 * historyWeeks;
	const inflowFrom = today - 7 * inflowWeeks + 1;

	const tallies = new Map<string, Tally>();
	for (const g of options.targetGroups ?? []) tallies.set(g, newTally(weeks, historyWeeks));
	const total = newTally(weeks, historyWeeks);

	for (const c of cases) {
		const opened = copenhagenDay(c.openedAt);
		if (opened > today) continue;
		const closed = c.closedAt === null ? Number.POSITIVE_INFINITY : copenhagenDay(c.closedAt);
		let tally = tallies.get(c.targetGroup);
		if (tally === undefined) {
			tally = newTally(weeks, historyWeeks);
			tallies.set(c.targetGroup, tally);
		}
		if (opened >= inflowFrom) {
			tally.inflow++;
			total.inflow++;
		}
		// History: counted at the samples base + 7j with opened ≤ sample < closed.
		const from = firstSampleOnOrAfter(opened, historyBase, historyWeeks + 1);
		const to = firstSampleOnOrAfter(closed, historyBase, historyWeeks + 1);
		if (from < to) {
			tally.historyDelta[from]!++;
			tally.historyDelta[to]!--;
			total.historyDelta[from]!++;
			total.historyDelta[to]!--;
		}
		if (closed <= today) continue;
		tally.openNow++;
		total.openNow++;
		// Plan: open at point k ≥ 1 while today + 7k < horizon, so it closes at k = ceil(Δ / 7), at least 1.
		const daysLeft = requireDay(c.horizon, 'horizon', c.id) - today;
		const closesAt = daysLeft <= 7 ? 1 : Math.ceil(daysLeft / 7);
		if (closesAt <= weeks) {
			tally.closes[c.risk][closesAt]!++;
			total.closes[c.risk][closesAt]!++;
		}
	}

	const order = orderCodes(tallies.keys(), options.groupOrder ?? TARGET_GROUP_ORDER);
	return {
		today: options.today,
		weights,
		withInflow,
		points: Array.from({ length: weeks + 1 }, (_, k) => point(k, today + 7 * k)),
		historyPoints: Array.from({ length: historyWeeks + 1 }, (_, j) =>
			point(j - historyWeeks, historyBase + 7 * j)
		),
		groups: order.map((targetGroup) => ({
			targetGroup,
			...series(tallies.get(targetGroup)!, weeks, historyWeeks, inflowWeeks, weights, withInflow)
		})),
		total: series(total, weeks, historyWeeks, inflowWeeks, weights, withInflow)
	};
}
