import type { Db } from '../db/connect';
import {
	ensureCodedDefaults,
	findCoded,
	insertCoded,
	listCoded,
	updateCodedRow,
	type CodedItem
} from '../db/coded-list';

/** A goal (mål); its code is what cases store and never changes (DEFAULT_GOALS in forecast/types.ts). */
export type CaseGoal = CodedItem;

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
	await ensureCodedDefaults(db, 'case_goal', DEFAULT_CASE_GOALS);
}

export function listCaseGoals(
	db: Db,
	options: { includeInactive?: boolean } = {}
): Promise<CaseGoal[]> {
	return listCoded(db, 'case_goal', options);
}

export function findCaseGoal(db: Db, idOrCode: string): Promise<CaseGoal | undefined> {
	return findCoded(db, 'case_goal', idOrCode);
}

/** Adds a goal after the last one; the caller has checked that the code is free. */
export function insertCaseGoal(db: Db, input: { code: string; name: string }): Promise<CaseGoal> {
	return insertCoded(db, 'case_goal', input);
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
