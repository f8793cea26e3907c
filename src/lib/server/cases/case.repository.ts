import type { Selectable } from 'kysely';
import type { Db } from '../db/connect';
import type { CaseForecastTable } from '../db/schema';
import type { CaseChange, CaseForecast, CaseHistoryEntry } from '../../forecast/types';

/**
 * Plain data access for cases (sager) and their history. Nothing here audits or publishes: go
 * through the case service for changes. A case's target group is its citizen's, read by a join,
 * so CaseForecast.targetGroup is the group's code as the forecast functions expect.
 */

export type ExtraValue = string | number | boolean;

export interface CaseRecord extends CaseForecast {
	/** Extra field id -> value; a field without a value is absent. */
	extra: Record<string, ExtraValue>;
}

export type CaseRow = Omit<Selectable<CaseForecastTable>, never>;

function parseExtra(text: string): Record<string, ExtraValue> {
	try {
		const value: unknown = JSON.parse(text);
		return value !== null && typeof value === 'object' && !Array.isArray(value)
			? (value as Record<string, ExtraValue>)
			: {};
	} catch {
		return {};
	}
}

export function mapCase(row: CaseRow & { target_group: string }): CaseRecord {
	return {
		id: row.id,
		citizenId: row.citizen_id,
		teamId: row.team_id,
		consultantId: row.consultant_id,
		targetGroup: row.target_group,
		goal: row.goal,
		horizon: row.horizon,
		risk: row.risk,
		nextStep:
			row.next_step_text !== null && row.next_step_due !== null
				? { text: row.next_step_text, due: row.next_step_due }
				: null,
		previousStepOutcome: row.previous_step_outcome,
		openedAt: row.opened_at,
		closedAt: row.closed_at,
		updatedAt: row.updated_at,
		extra: parseExtra(row.extra)
	};
}

export function toCaseRow(c: Omit<CaseRecord, 'targetGroup'>): CaseRow {
	return {
		id: c.id,
		team_id: c.teamId,
		citizen_id: c.citizenId,
		consultant_id: c.consultantId,
		goal: c.goal,
		horizon: c.horizon,
		risk: c.risk,
		next_step_text: c.nextStep?.text ?? null,
		next_step_due: c.nextStep?.due ?? null,
		previous_step_outcome: c.previousStepOutcome,
		extra: JSON.stringify(c.extra),
		opened_at: c.openedAt,
		closed_at: c.closedAt,
		updated_at: c.updatedAt
	};
}

function casesQuery(db: Db) {
	return db
		.selectFrom('case_forecast')
		.innerJoin('citizen', 'citizen.id', 'case_forecast.citizen_id')
		.innerJoin('target_group', 'target_group.id', 'citizen.target_group_id')
		.selectAll('case_forecast')
		.select('target_group.code as target_group');
}

/**
 * The team's cases. By default open and closed alike: the projection's history and inflow need
 * the closed ones too. `consultantId` narrows to one consultant's caseload.
 */
export async function selectTeamCases(
	db: Db,
	teamId: string,
	options: { openOnly?: boolean; consultantId?: string } = {}
): Promise<CaseRecord[]> {
	let query = casesQuery(db).where('case_forecast.team_id', '=', teamId);
	if (options.openOnly) query = query.where('case_forecast.closed_at', 'is', null);
	if (options.consultantId)
		query = query.where('case_forecast.consultant_id', '=', options.consultantId);
	return (await query.orderBy('case_forecast.opened_at').execute()).map(mapCase);
}

export async function selectCase(
	db: Db,
	teamId: string,
	caseId: string
): Promise<CaseRecord | undefined> {
	const row = await casesQuery(db)
		.where('case_forecast.team_id', '=', teamId)
		.where('case_forecast.id', '=', caseId)
		.executeTakeFirst();
	return row ? mapCase(row) : undefined;
}

export async function selectCaseByCitizen(
	db: Db,
	teamId: string,
	citizenId: string
): Promise<CaseRecord | undefined> {
	const row = await casesQuery(db)
		.where('case_forecast.team_id', '=', teamId)
		.where('case_forecast.citizen_id', '=', citizenId)
		.executeTakeFirst();
	return row ? mapCase(row) : undefined;
}

export async function insertCaseRow(db: Db, c: Omit<CaseRecord, 'targetGroup'>): Promise<void> {
	await db.insertInto('case_forecast').values(toCaseRow(c)).execute();
}

/** Writes every column of the case but its id, team and citizen. */
export async function updateCaseRow(db: Db, c: Omit<CaseRecord, 'targetGroup'>): Promise<void> {
	const { id, team_id, citizen_id, ...rest } = toCaseRow(c);
	void team_id;
	void citizen_id;
	await db.updateTable('case_forecast').set(rest).where('id', '=', id).execute();
}

export async function insertCaseHistory(
	db: Db,
	entry: CaseHistoryEntry & { teamId: string }
): Promise<void> {
	await db
		.insertInto('case_history')
		.values({
			case_id: entry.caseId,
			team_id: entry.teamId,
			at: entry.at,
			by: entry.by,
			changes: JSON.stringify(entry.changes)
		})
		.execute();
}

function mapHistory(row: { case_id: string; at: number; by: string; changes: string }) {
	return {
		caseId: row.case_id,
		at: row.at,
		by: row.by,
		changes: JSON.parse(row.changes) as CaseChange[]
	} satisfies CaseHistoryEntry;
}

/** The team's history since `since` (epoch ms), oldest first. */
export async function selectTeamHistory(
	db: Db,
	teamId: string,
	since = 0
): Promise<CaseHistoryEntry[]> {
	const rows = await db
		.selectFrom('case_history')
		.select(['case_id', 'at', 'by', 'changes'])
		.where('team_id', '=', teamId)
		.where('at', '>=', since)
		.orderBy('at')
		.orderBy('id')
		.execute();
	return rows.map(mapHistory);
}

/** One case's history, oldest first. */
export async function selectCaseHistory(db: Db, caseId: string): Promise<CaseHistoryEntry[]> {
	const rows = await db
		.selectFrom('case_history')
		.select(['case_id', 'at', 'by', 'changes'])
		.where('case_id', '=', caseId)
		.orderBy('at')
		.orderBy('id')
		.execute();
	return rows.map(mapHistory);
}
