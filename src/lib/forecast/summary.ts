import { projectCaseload, type ProjectionOptions } from './projection';
import { buildSparringList, type SparringOptions } from './sparring';
import { isOpenOn, type CaseForecast, type CaseHistoryEntry } from './types';
import { requireDay } from './week';

/**
 * The board's live forecast summary (prognose på tavlen): plain JSON the server writes into the
 * team's board documents. Open cases by target group now and in 4 and 13 weeks under plan
 * (without inflow: the plan of the cases the team holds), next steps overdue, and how many cases
 * are on the sparring list. Definitions are those of projection.ts and sparring.ts.
 */

export const SUMMARY_WEEKS = [4, 13] as const;

export interface SummaryRow {
	targetGroup: string;
	now: number;
	in4Weeks: number;
	in13Weeks: number;
}

export interface ForecastSummary {
	/** YYYY-MM-DD the figures were computed for. */
	today: string;
	groups: SummaryRow[];
	total: Omit<SummaryRow, 'targetGroup'>;
	/** Open cases whose next step's due date is before today. */
	stepsOverdue: number;
	sparringCount: number;
}

export interface SummaryOptions
	extends
		Pick<ProjectionOptions, 'today' | 'targetGroups' | 'groupOrder'>,
		Omit<SparringOptions, 'today'> {}

export function summarizeForecast(
	cases: readonly CaseForecast[],
	history: readonly CaseHistoryEntry[],
	options: SummaryOptions
): ForecastSummary {
	const today = requireDay(options.today, 'today');
	const projection = projectCaseload(cases, {
		today: options.today,
		targetGroups: options.targetGroups,
		groupOrder: options.groupOrder,
		weeks: Math.max(...SUMMARY_WEEKS),
		historyWeeks: 0,
		withInflow: false
	});
	const row = (s: { plan: number[] }) => ({
		now: s.plan[0]!,
		in4Weeks: s.plan[4]!,
		in13Weeks: s.plan[13]!
	});
	let stepsOverdue = 0;
	for (const c of cases)
		if (
			c.nextStep !== null &&
			isOpenOn(c, today) &&
			requireDay(c.nextStep.due, 'next step due', c.id) < today
		)
			stepsOverdue++;
	return {
		today: options.today,
		groups: projection.groups.map((g) => ({ targetGroup: g.targetGroup, ...row(g) })),
		total: row(projection.total),
		stepsOverdue,
		sparringCount: buildSparringList(cases, history, options).length
	};
}
