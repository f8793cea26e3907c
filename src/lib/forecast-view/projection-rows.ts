import type { CsvValue } from '../csv/write';
import type { CaseloadProjection, CaseloadSeries } from '../forecast/projection';

/**
 * The caseload projection of one target group (or the total) as the rows of the page's table,
 * its chart and its CSV export: the history weeks first (actual counts), then this week (all three
 * figures), then the weeks ahead (plan and risk-adjusted). Pure, so the table, the chart and the
 * file cannot disagree.
 */

export interface ProjectionRow {
	/** Weeks from now: negative in the history, 0 = this week. */
	offset: number;
	isoWeek: number;
	/** The day the count is taken on, YYYY-MM-DD. */
	date: string;
	plan: number | null;
	riskAdjusted: number | null;
	history: number | null;
}

/** The value of `?gruppe=` for the total of all target groups. */
export const ALL_GROUPS = 'alle';

/** The series of one group's code, the total for ALL_GROUPS, or null for a code not in the projection. */
export function seriesFor(projection: CaseloadProjection, group: string): CaseloadSeries | null {
	if (group === ALL_GROUPS) return projection.total;
	return projection.groups.find((g) => g.targetGroup === group) ?? null;
}

export function projectionRows(
	projection: CaseloadProjection,
	series: CaseloadSeries
): ProjectionRow[] {
	const past = projection.historyPoints.slice(0, -1).map((p, j) => ({
		offset: p.offset,
		isoWeek: p.isoWeek,
		date: p.date,
		plan: null,
		riskAdjusted: null,
		history: series.history[j] ?? null
	}));
	const ahead = projection.points.map((p, k) => ({
		offset: p.offset,
		isoWeek: p.isoWeek,
		date: p.date,
		plan: series.plan[k] ?? null,
		riskAdjusted: series.riskAdjusted[k] ?? null,
		// The last history point is today, the same day as point 0.
		history: k === 0 ? (series.history.at(-1) ?? null) : null
	}));
	return [...past, ...ahead];
}

export interface ProjectionCsvLabels {
	week: string;
	date: string;
	plan: string;
	riskAdjusted: string;
	history: string;
	/** "uge 48": the word before the week number. */
	weekWord: string;
}

/** The CSV table: a header row, then one row per week; dates and decimals as Danish Excel reads them. */
export function projectionCsvRows(
	rows: readonly ProjectionRow[],
	labels: ProjectionCsvLabels,
	formatDate: (date: string) => string
): CsvValue[][] {
	return [
		[labels.week, labels.date, labels.plan, labels.riskAdjusted, labels.history],
		...rows.map((r) => [
			`${labels.weekWord} ${r.isoWeek}`,
			formatDate(r.date),
			r.plan,
			r.riskAdjusted,
			r.history
		])
	];
}
