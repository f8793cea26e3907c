import type { Db } from '../db/connect';
import { writeAudit, type AuditEntry } from '../audit/audit.repository';
import { selectCitizen, updateCitizenRow } from '../citizens/citizen.repository';
import type { CitizenActor } from '../citizens/citizen.service';
import { getForecastSettings } from '../cases/settings';
import { assessReadiness, type Readiness, type TaskScore } from '../../forecast/readiness';
import {
	parseFollowUp,
	parseTaskText,
	scoreField,
	type FollowUpIssue,
	type ScoreIssue,
	type TaskTextIssue
} from '../../readiness/readiness-form';
import {
	closeTaskRow,
	insertScores,
	insertTask,
	selectScores,
	selectTasks,
	updateTaskText,
	type WorkTaskRecord
} from './readiness.repository';

/**
 * Readiness for paid hours (parathed til løntimer) of one citizen: the work tasks, the follow-ups'
 * scores and the verdict against the municipality's threshold. Every read and change is written
 * to the audit log in the same transaction (entity 'citizen' for reads and job_ready, 'work_task'
 * for tasks and scores; the detail names fields, never texts or scores).
 *
 * Only the actor's team's citizens: another team's citizen, or a task that is not the citizen's,
 * is as good as missing (null). The caller has authorised the actor for the team.
 *
 * job_ready rule: each follow-up sets citizen.job_ready to the verdict it leads to, so matching's
 * "jobparat" follows the scores. The citizen form can still set job_ready by hand; the next
 * follow-up decides again. Adding or closing a task changes the verdict shown, not job_ready.
 */

export interface ReadinessView {
	citizen: { id: string; initials: string; jobReady: boolean };
	/** Open and closed tasks, oldest first. */
	tasks: WorkTaskRecord[];
	/** Scores of every task (closed ones too), oldest first. */
	scores: TaskScore[];
	/** The verdict over the open tasks. */
	readiness: Readiness;
}

export type TaskChangeResult = { ok: true; taskId: string } | { ok: false; issue: TaskTextIssue };

export type FollowUpResult =
	| { ok: true; readiness: Readiness; jobReady: boolean }
	| { ok: false; issues: Record<string, ScoreIssue>; formIssue?: FollowUpIssue };

async function loadView(
	db: Db,
	citizen: { id: string; initials: string; jobReady: boolean }
): Promise<ReadinessView> {
	const [tasks, scores, settings] = await Promise.all([
		selectTasks(db, citizen.id),
		selectScores(db, citizen.id),
		getForecastSettings(db)
	]);
	const open = tasks.filter((t) => t.closedAt === null);
	return {
		citizen,
		tasks,
		scores,
		readiness: assessReadiness(open, scores, settings.readinessThreshold)
	};
}

function audit(
	actor: CitizenActor,
	now: number,
	entry: Omit<AuditEntry, 'at' | 'userId'>
): AuditEntry {
	return { at: now, userId: actor.userId, ...entry };
}

/** A task's audit row; the detail names what changed (text, closedAt, score), never its value. */
function taskAudit(
	actor: CitizenActor,
	now: number,
	action: 'create' | 'update',
	taskId: string,
	detail: 'text' | 'closedAt' | 'score'
): AuditEntry {
	return audit(actor, now, { action, entity: 'work_task', entityId: taskId, detail });
}

/** The citizen's tasks, scores and verdict; null for a citizen outside the team. Audited. */
export async function getReadiness(
	db: Db,
	actor: CitizenActor,
	citizenId: string,
	now: number
): Promise<ReadinessView | null> {
	return db.transaction().execute(async (trx) => {
		const citizen = await selectCitizen(trx, actor.teamId, citizenId);
		if (!citizen) return null;
		const view = await loadView(trx, citizen);
		await writeAudit(
			trx,
			audit(actor, now, {
				action: 'read',
				entity: 'citizen',
				entityId: citizen.id,
				detail: 'readiness'
			})
		);
		return view;
	});
}

/** A new open task; null for a citizen outside the team. */
export async function addTask(
	db: Db,
	actor: CitizenActor,
	citizenId: string,
	input: { text: string },
	now: number
): Promise<TaskChangeResult | null> {
	const parsed = parseTaskText(input.text);
	return db.transaction().execute(async (trx): Promise<TaskChangeResult | null> => {
		const citizen = await selectCitizen(trx, actor.teamId, citizenId);
		if (!citizen) return null;
		if (!parsed.ok) return parsed;
		const taskId = await insertTask(trx, {
			citizenId,
			text: parsed.text,
			by: actor.userId,
			now
		});
		await writeAudit(trx, taskAudit(actor, now, 'create', taskId, 'text'));
		return { ok: true, taskId };
	});
}

/** The open task of a citizen in the actor's team, or undefined. */
async function findOpenTask(
	db: Db,
	actor: CitizenActor,
	citizenId: string,
	taskId: string
): Promise<WorkTaskRecord | undefined> {
	const citizen = await selectCitizen(db, actor.teamId, citizenId);
	if (!citizen) return undefined;
	const tasks = await selectTasks(db, citizenId);
	return tasks.find((t) => t.id === taskId && t.closedAt === null);
}

/** New text for an open task; null when the citizen or the open task is not found. */
export async function editTask(
	db: Db,
	actor: CitizenActor,
	citizenId: string,
	taskId: string,
	input: { text: string },
	now: number
): Promise<TaskChangeResult | null> {
	const parsed = parseTaskText(input.text);
	return db.transaction().execute(async (trx): Promise<TaskChangeResult | null> => {
		const task = await findOpenTask(trx, actor, citizenId, taskId);
		if (!task) return null;
		if (!parsed.ok) return parsed;
		if (parsed.text !== task.text) {
			await updateTaskText(trx, taskId, parsed.text);
			await writeAudit(trx, taskAudit(actor, now, 'update', taskId, 'text'));
		}
		return { ok: true, taskId };
	});
}

/**
 * Closes (retires) an open task: it leaves the follow-up form and the verdict, and keeps its
 * scores in the history. Null when the citizen or the open task is not found.
 */
export async function closeTask(
	db: Db,
	actor: CitizenActor,
	citizenId: string,
	taskId: string,
	now: number
): Promise<{ ok: true } | null> {
	return db.transaction().execute(async (trx) => {
		const task = await findOpenTask(trx, actor, citizenId, taskId);
		if (!task) return null;
		await closeTaskRow(trx, taskId, now);
		await writeAudit(trx, taskAudit(actor, now, 'update', taskId, 'closedAt'));
		return { ok: true as const };
	});
}

/**
 * One follow-up (opfølgning): a score 1-10 for some or all open tasks at `now`. Form-shaped
 * input (`score-<taskId>`: text). A wrong score refuses the whole follow-up and stores nothing;
 * so does a score for a task that is not open (closed meanwhile, or not the citizen's). Then
 * job_ready is set to the new verdict (audited as a citizen update of 'jobReady' when it
 * changes). Null for a citizen outside the team.
 */
export async function recordFollowUp(
	db: Db,
	actor: CitizenActor,
	citizenId: string,
	input: Readonly<Record<string, string | undefined>>,
	now: number
): Promise<FollowUpResult | null> {
	return db.transaction().execute(async (trx): Promise<FollowUpResult | null> => {
		const citizen = await selectCitizen(trx, actor.teamId, citizenId);
		if (!citizen) return null;
		const tasks = await selectTasks(trx, citizenId);
		const openIds = tasks.filter((t) => t.closedAt === null).map((t) => t.id);
		const openFields = new Set(openIds.map(scoreField));
		const stray = Object.entries(input).some(
			([field, value]) =>
				field.startsWith(scoreField('')) && !openFields.has(field) && (value ?? '').trim() !== ''
		);
		if (stray) return { ok: false, issues: {}, formIssue: 'unknown_task' };
		const parsed = parseFollowUp(input, openIds);
		if (!parsed.ok) return parsed;
		await insertScores(trx, parsed.scores, actor.userId, now);
		await writeAudit(
			trx,
			parsed.scores.map((s) => taskAudit(actor, now, 'create', s.taskId, 'score'))
		);
		const view = await loadView(trx, citizen);
		const jobReady = view.readiness.ready;
		if (jobReady !== citizen.jobReady) {
			await updateCitizenRow(trx, citizen.id, { jobReady });
			await writeAudit(
				trx,
				audit(actor, now, {
					action: 'update',
					entity: 'citizen',
					entityId: citizen.id,
					detail: 'jobReady'
				})
			);
		}
		return { ok: true, readiness: view.readiness, jobReady };
	});
}
