import type { Selectable } from 'kysely';
import type { Db } from '../db/connect';
import { nextSortOrder, updateCodedRow } from '../db/coded-list';
import type { CaseGoalTable } from '../db/schema';
import { newId } from '../../board/ids';

export interface CaseGoal {
	id: string;
	/** What cases store; never changes (src/lib/forecast/types.ts DEFAULT_GOALS). */
	code: string;
	name: string;
	active: boolean;
	sortOrder: number;
}

/** The goal list a municipality starts with (DESIGN.md "Case forecast"); an admin may change it. */
export const DEFAULT_CASE_GOALS: readonly { code: string; name: string }[] = [
	{ code: 'ordinary-job', name: 'Ordinært job' },
	{ code: 'small-job', name: 'Småjob' },
	{ code: 'education', name: 'Uddannelse' },
	{ code: 'flexjob', name: 'Fleksjob' },
	{ code: 'sick-leave-ended', name: 'Raskmelding' },
	{ code: 'disability-pension', name: 'Førtidspension' },
	{ code: 'other-benefit', name: 'Anden ydelse' }
];

/** Adds the default goals that are missing (by code); never overwrites an admin's change. */
export async function ensureDefaultCaseGoals(db: Db): Promise<void> {
	await db
		.insertInto('case_goal')
		.values(
			DEFAULT_CASE_GOALS.map((g, i) => ({
				id: newId(),
				code: g.code,
				name: g.name,
				active: 1,
				sort_order: (i + 1) * 10
			}))
		)
		.onConflict((oc) => oc.column('code').doNothing())
		.execute();
}

export async function listCaseGoals(
	db: Db,
	options: { includeInactive?: boolean } = {}
): Promise<CaseGoal[]> {
	let query = db.selectFrom('case_goal').selectAll().orderBy('sort_order').orderBy('code');
	if (!options.includeInactive) query = query.where('active', '=', 1);
	return (await query.execute()).map(mapGoal);
}

export async function findCaseGoal(db: Db, idOrCode: string): Promise<CaseGoal | undefined> {
	const row = await db
		.selectFrom('case_goal')
		.selectAll()
		.where((eb) => eb.or([eb('id', '=', idOrCode), eb('code', '=', idOrCode)]))
		.executeTakeFirst();
	return row ? mapGoal(row) : undefined;
}

function mapGoal(row: Selectable<CaseGoalTable>): CaseGoal {
	return {
		id: row.id,
		code: row.code,
		name: row.name,
		active: row.active === 1,
		sortOrder: row.sort_order
	};
}

/** Adds a goal after the last one; the caller has checked that the code is free. */
export async function insertCaseGoal(
	db: Db,
	input: { code: string; name: string }
): Promise<CaseGoal> {
	const row: Selectable<CaseGoalTable> = {
		id: newId(),
		code: input.code,
		name: input.name,
		active: 1,
		sort_order: await nextSortOrder(db, 'case_goal')
	};
	await db.insertInto('case_goal').values(row).execute();
	return mapGoal(row);
}

export async function updateCaseGoalRow(
	db: Db,
	id: string,
	changes: { name?: string; active?: boolean }
): Promise<void> {
	await updateCodedRow(db, 'case_goal', id, changes);
}

/** How many open cases have each goal, by goal code (goals without any are absent). */
export async function countOpenCasesByGoal(db: Db): Promise<Map<string, number>> {
	const rows = await db
		.selectFrom('case_forecast')
		.select(['goal', (eb) => eb.fn.countAll<number>().as('count')])
		.where('closed_at', 'is', null)
		.groupBy('goal')
		.execute();
	return new Map(rows.map((r) => [r.goal, Number(r.count)]));
}
