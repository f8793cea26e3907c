import type { Db } from '../db/connect';
import { newId } from '../../board/ids';
import type { TaskScore } from '../../forecast/readiness';

/**
 * Plain data access for readiness tasks (work_task) and their scores (task_score). Nothing here
 * writes the audit log or checks the team: go through readiness.service.ts.
 */

export interface WorkTaskRecord {
	id: string;
	citizenId: string;
	text: string;
	createdAt: number;
	/** Null while the task is open; a closed (retired) task keeps its scores for the history. */
	closedAt: number | null;
}

/** The citizen's tasks, open and closed, oldest first (the order they were listed in). */
export async function selectTasks(db: Db, citizenId: string): Promise<WorkTaskRecord[]> {
	const rows = await db
		.selectFrom('work_task')
		.select(['id', 'citizen_id', 'text', 'created_at', 'closed_at'])
		.where('citizen_id', '=', citizenId)
		.orderBy('created_at')
		.orderBy('id')
		.execute();
	return rows.map((r) => ({
		id: r.id,
		citizenId: r.citizen_id,
		text: r.text,
		createdAt: r.created_at,
		closedAt: r.closed_at
	}));
}

/** Every score of the citizen's tasks, in the order they were saved (time, then row id). */
export async function selectScores(db: Db, citizenId: string): Promise<TaskScore[]> {
	const rows = await db
		.selectFrom('task_score')
		.innerJoin('work_task', 'work_task.id', 'task_score.task_id')
		.select(['task_score.task_id', 'task_score.score', 'task_score.at'])
		.where('work_task.citizen_id', '=', citizenId)
		.orderBy('task_score.at')
		.orderBy('task_score.id')
		.execute();
	return rows.map((r) => ({ taskId: r.task_id, score: r.score, at: r.at }));
}

export async function insertTask(
	db: Db,
	input: { citizenId: string; text: string; by: string; now: number }
): Promise<string> {
	const id = newId();
	await db
		.insertInto('work_task')
		.values({
			id,
			citizen_id: input.citizenId,
			text: input.text,
			created_at: input.now,
			created_by: input.by,
			closed_at: null
		})
		.execute();
	return id;
}

export async function updateTaskText(db: Db, taskId: string, text: string): Promise<void> {
	await db.updateTable('work_task').set({ text }).where('id', '=', taskId).execute();
}

export async function closeTaskRow(db: Db, taskId: string, now: number): Promise<void> {
	await db.updateTable('work_task').set({ closed_at: now }).where('id', '=', taskId).execute();
}

export async function insertScores(
	db: Db,
	scores: readonly { taskId: string; score: number }[],
	by: string,
	at: number
): Promise<void> {
	if (scores.length === 0) return;
	await db
		.insertInto('task_score')
		.values(scores.map((s) => ({ task_id: s.taskId, score: s.score, at, by })))
		.execute();
}
