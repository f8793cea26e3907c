import type { Db } from '../db/connect';
import { listTargetGroups } from '../citizens/target-group.repository';
import { summarizeForecast, type ForecastSummary } from '../../forecast/summary';
import { FLEXJOB_CHANGE_WEEKS } from '../../forecast/sparring';
import { TARGET_GROUP_ORDER, type CaseHistoryEntry } from '../../forecast/types';
import { copenhagenDate } from '../../forecast/week';
import { listCaseGoals, type CaseGoal } from './goal.repository';
import { selectTeamCases, selectTeamHistory, type CaseRecord } from './case.repository';
import { getForecastSettings, type ForecastSettings } from './settings';

/**
 * Loads what the pure forecast functions need for one team: its cases (open and closed, for
 * history and inflow), recent history (for the fleksjob rule), the municipality's active target
 * groups and goals, and the settings. No audit rows: these are the team's figures, not a read of
 * one citizen; the pages that show a case's citizen audit that read themselves.
 */

export interface TeamForecastInput {
	today: string;
	cases: CaseRecord[];
	history: CaseHistoryEntry[];
	/** Active target group codes in the municipality's order. */
	targetGroups: string[];
	/** SDP and JAF first, then the municipality's order. */
	groupOrder: string[];
	goals: CaseGoal[];
	settings: ForecastSettings;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export async function loadTeamForecastInput(
	db: Db,
	teamId: string,
	now: number
): Promise<TeamForecastInput> {
	const settings = await getForecastSettings(db);
	// The fleksjob rule looks back FLEXJOB_CHANGE_WEEKS; one extra day covers the Copenhagen offset.
	const since = now - (FLEXJOB_CHANGE_WEEKS * 7 + 1) * DAY_MS;
	const [cases, history, groups, goals] = await Promise.all([
		selectTeamCases(db, teamId),
		selectTeamHistory(db, teamId, since),
		listTargetGroups(db),
		listCaseGoals(db)
	]);
	const targetGroups = groups.map((g) => g.code);
	return {
		today: copenhagenDate(now),
		cases,
		history,
		targetGroups,
		groupOrder: [...TARGET_GROUP_ORDER, ...targetGroups],
		goals,
		settings
	};
}

/**
 * The board's live forecast summary for the team (src/lib/forecast/summary.ts), with how many
 * cases (open or closed) the team has, so callers can tell "no cases yet" from "all closed".
 */
export async function computeTeamSummary(
	db: Db,
	teamId: string,
	now: number
): Promise<{ summary: ForecastSummary; cases: number }> {
	const input = await loadTeamForecastInput(db, teamId, now);
	const summary = summarizeForecast(input.cases, input.history, {
		today: input.today,
		targetGroups: input.targetGroups,
		groupOrder: input.groupOrder,
		staleWeeks: input.settings.staleWeeks
	});
	return { summary, cases: input.cases.length };
}
