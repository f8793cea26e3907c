import type { Db } from '../db/connect';
import {
	CASE_ADMIN_LIMITS,
	goalCodeFromName,
	type CaseAdminIssues,
	type CaseAdminResult
} from '../../cases/case-admin-rules';
import { checkName, formFlag, formText } from './admin-input';
import {
	countOpenCasesByGoal,
	findCaseGoal,
	insertCaseGoal,
	listCaseGoals,
	updateCaseGoalRow,
	type CaseGoal
} from './goal.repository';

/**
 * The municipality's goal list (mål), managed by an admin. A goal is never deleted and its code
 * never changes: cases and their history store the code. A goal no longer wanted is deactivated,
 * so it cannot be chosen any more, while the cases that have it keep it. Authorisation is the
 * caller's job. Input is form-shaped (strings).
 */

export interface GoalOverview extends CaseGoal {
	/** Open cases with the goal. */
	caseCount: number;
}

export async function listGoalsOverview(db: Db): Promise<GoalOverview[]> {
	const [goals, counts] = await Promise.all([
		listCaseGoals(db, { includeInactive: true }),
		countOpenCasesByGoal(db)
	]);
	return goals.map((g) => ({ ...g, caseCount: counts.get(g.code) ?? 0 }));
}

function checkGoalName(typed: string, issues: CaseAdminIssues): string {
	return checkName(typed, CASE_ADMIN_LIMITS.goalName, 'name', issues);
}

async function sameName(db: Db, name: string, exceptId?: string): Promise<boolean> {
	const folded = name.toLocaleLowerCase('da-DK');
	return (await listCaseGoals(db, { includeInactive: true })).some(
		(g) => g.id !== exceptId && g.name.toLocaleLowerCase('da-DK') === folded
	);
}

/** Adds a goal; its code comes from the name, with -2, -3 … when that code is taken. */
export async function createGoal(
	db: Db,
	input: Record<string, unknown>
): Promise<CaseAdminResult<CaseGoal>> {
	const issues: CaseAdminIssues = {};
	const name = checkGoalName(formText(input, 'name'), issues);
	if (Object.keys(issues).length > 0) return { ok: false, issues };
	return db.transaction().execute(async (trx): Promise<CaseAdminResult<CaseGoal>> => {
		if (await sameName(trx, name)) return { ok: false, issues: { name: 'name_taken' } };
		const base = goalCodeFromName(name);
		let code = base;
		for (let n = 2; await findCaseGoal(trx, code); n++) code = `${base}-${n}`;
		return { ok: true, value: await insertCaseGoal(trx, { code, name }) };
	});
}

async function byId(db: Db, id: string): Promise<CaseGoal | undefined> {
	const goal = id === '' ? undefined : await findCaseGoal(db, id);
	// Only by id: a code typed into a hidden field is not how the page names a row.
	return goal?.id === id ? goal : undefined;
}

export async function renameGoal(
	db: Db,
	input: Record<string, unknown>
): Promise<CaseAdminResult<CaseGoal>> {
	const goal = await byId(db, formText(input, 'id'));
	if (!goal) return { ok: false, issues: { id: 'not_found' } };
	const issues: CaseAdminIssues = {};
	const name = checkGoalName(formText(input, 'name'), issues);
	if (Object.keys(issues).length > 0) return { ok: false, issues };
	if (await sameName(db, name, goal.id)) return { ok: false, issues: { name: 'name_taken' } };
	await updateCaseGoalRow(db, goal.id, { name });
	return { ok: true, value: { ...goal, name } };
}

/** Deactivates (active 'false') or reactivates a goal. */
export async function setGoalActive(
	db: Db,
	input: Record<string, unknown>
): Promise<CaseAdminResult<CaseGoal>> {
	const goal = await byId(db, formText(input, 'id'));
	if (!goal) return { ok: false, issues: { id: 'not_found' } };
	const active = formFlag(input, 'active');
	await updateCaseGoalRow(db, goal.id, { active });
	return { ok: true, value: { ...goal, active } };
}
