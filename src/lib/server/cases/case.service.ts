import type { Db } from '../db/connect';
import { writeAudit, type AuditEntry } from '../audit/audit.repository';
import {
	selectCitizen,
	selectCitizensForTeam,
	updateCitizenRow
} from '../citizens/citizen.repository';
import type { Citizen } from '../citizens/citizen.repository';
import { listTargetGroups } from '../citizens/target-group.repository';
import { findRole } from '../teams/team.repository';
import { newId } from '../../board/ids';
import {
	parseCaseForm,
	type CaseFormIssues,
	type CaseFormValues,
	type ExtraValue
} from '../../cases/case-form';
import { caseChanges as diffCase } from '../../forecast/history';
import type { CaseChange, CaseHistoryEntry } from '../../forecast/types';
import { canWorkWithCitizens } from '../../team-roles';
import { listCaseFields } from './case-field.repository';
import {
	insertCaseHistory,
	insertCaseRow,
	selectCase,
	selectCaseByCitizen,
	selectCaseHistory,
	selectTeamCases,
	updateCaseRow,
	type CaseRecord
} from './case.repository';
import { caseChanges } from './changes';
import { listCaseGoals } from './goal.repository';

/**
 * Every read and change of a case (sag) goes through here: each change is one history entry and
 * one audit row in the same transaction as the change, and the team's listeners (board summary,
 * forecast pages) hear of it only after that transaction has committed. Only the team's
 * consultants and leaders may read or change its cases; anything else is as good as missing (null).
 */

export interface CaseActor {
	userId: string;
	teamId: string;
}

export type SaveCaseResult =
	| { ok: true; case: CaseRecord; created: boolean; changes: CaseChange[] }
	| { ok: false; issues: CaseFormIssues };

async function mayWork(db: Db, actor: CaseActor): Promise<boolean> {
	return canWorkWithCitizens(await findRole(db, actor.teamId, actor.userId));
}

function extraText(value: ExtraValue | undefined): string | null {
	return value === undefined ? null : String(value);
}

/** History changes of the extra fields: one `extra:<id>` change per field whose value changed. */
export function extraChanges(
	before: Record<string, ExtraValue>,
	after: Record<string, ExtraValue>
): CaseChange[] {
	const ids = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
	return ids.flatMap((id): CaseChange[] => {
		const from = extraText(before[id]);
		const to = extraText(after[id]);
		return from === to ? [] : [{ field: `extra:${id}`, from, to }];
	});
}

/** One change of a case: its history entry and its audit row (changed field names only). */
async function recordChange(
	trx: Db,
	actor: CaseActor,
	caseId: string,
	action: 'create' | 'update',
	changes: CaseChange[],
	now: number
): Promise<void> {
	await insertCaseHistory(trx, {
		caseId,
		teamId: actor.teamId,
		at: now,
		by: actor.userId,
		changes
	});
	await writeAudit(trx, {
		at: now,
		userId: actor.userId,
		action,
		entity: 'case',
		entityId: caseId,
		detail: changes.map((c) => c.field).join(',')
	});
}

/**
 * Creates or updates the citizen's one case from form input. A new case's consultant is the
 * citizen's owner. A changed target group changes the citizen's (a case's group is its
 * citizen's). Returns null when the citizen is not in the actor's team or the actor may not work
 * with cases; a save that changes nothing writes nothing.
 */
export async function saveCase(
	db: Db,
	actor: CaseActor,
	citizenId: string,
	input: CaseFormValues,
	now: number
): Promise<SaveCaseResult | null> {
	const result = await db.transaction().execute(async (trx): Promise<SaveCaseResult | null> => {
		if (!(await mayWork(trx, actor))) return null;
		const citizen = await selectCitizen(trx, actor.teamId, citizenId);
		if (!citizen) return null;
		const before = await selectCaseByCitizen(trx, actor.teamId, citizenId);
		if (before?.closedAt != null) return { ok: false, issues: { '': 'case_closed' } };
		const [groups, goals, fields] = await Promise.all([
			listTargetGroups(trx, { includeInactive: true }),
			listCaseGoals(trx, { includeInactive: true }),
			listCaseFields(trx, { includeInactive: true })
		]);
		const parsed = parseCaseForm(input, {
			groups,
			goals,
			fields,
			current: { targetGroupId: citizen.targetGroupId, goal: before?.goal ?? null }
		});
		if (!parsed.ok) return parsed;
		const value = parsed.value;
		// Values of deactivated fields stay as they were; active fields take what the form sent.
		const activeIds = new Set(fields.filter((f) => f.active).map((f) => f.id));
		const extra: Record<string, ExtraValue> = Object.fromEntries(
			Object.entries(before?.extra ?? {}).filter(([id]) => !activeIds.has(id))
		);
		Object.assign(extra, value.extra);
		const groupCode = groups.find((g) => g.id === value.targetGroupId)!.code;
		const after: CaseRecord = {
			id: before?.id ?? newId(),
			citizenId,
			teamId: actor.teamId,
			consultantId: before?.consultantId ?? citizen.ownerId,
			targetGroup: groupCode,
			goal: value.goal,
			horizon: value.horizon,
			risk: value.risk,
			nextStep: value.nextStep,
			previousStepOutcome: value.previousStepOutcome,
			openedAt: before?.openedAt ?? now,
			closedAt: null,
			updatedAt: now,
			extra
		};
		const changes = [
			...diffCase(before ?? null, after),
			...extraChanges(before?.extra ?? {}, extra)
		];
		if (before && changes.length === 0) return { ok: true, case: before, created: false, changes };
		if (before) await updateCaseRow(trx, after);
		else await insertCaseRow(trx, after);
		if (value.targetGroupId !== citizen.targetGroupId)
			await updateCitizenRow(trx, citizenId, { targetGroupId: value.targetGroupId });
		await recordChange(trx, actor, after.id, before ? 'update' : 'create', changes, now);
		return { ok: true, case: after, created: !before, changes };
	});
	if (result?.ok && result.changes.length > 0) caseChanges().publish(actor.teamId);
	return result;
}

async function setClosed(
	db: Db,
	actor: CaseActor,
	caseId: string,
	closedAt: number | null,
	now: number
): Promise<CaseRecord | null> {
	const result = await db.transaction().execute(async (trx) => {
		if (!(await mayWork(trx, actor))) return null;
		const before = await selectCase(trx, actor.teamId, caseId);
		if (!before) return null;
		if ((before.closedAt === null) === (closedAt === null)) return { case: before, changed: false };
		const after: CaseRecord = { ...before, closedAt, updatedAt: now };
		const changes = diffCase(before, after);
		await updateCaseRow(trx, after);
		await recordChange(trx, actor, caseId, 'update', changes, now);
		return { case: after, changed: true };
	});
	if (result?.changed) caseChanges().publish(actor.teamId);
	return result?.case ?? null;
}

/** Afslut sag: closes the case now. Null when it is not the actor's team's case. */
export function closeCase(db: Db, actor: CaseActor, caseId: string, now: number) {
	return setClosed(db, actor, caseId, now, now);
}

/** Genåbn: opens a closed case again. */
export function reopenCase(db: Db, actor: CaseActor, caseId: string, now: number) {
	return setClosed(db, actor, caseId, null, now);
}

export interface CaseView {
	case: CaseRecord;
	citizen: Pick<Citizen, 'id' | 'initials' | 'ownerId' | 'targetGroupId'>;
	history: CaseHistoryEntry[];
}

/** One case of the actor's team with its citizen and history, or null; the read is audited. */
export async function getCase(
	db: Db,
	actor: CaseActor,
	caseId: string,
	now: number
): Promise<CaseView | null> {
	return db.transaction().execute(async (trx) => {
		if (!(await mayWork(trx, actor))) return null;
		const found = await selectCase(trx, actor.teamId, caseId);
		if (!found) return null;
		const citizen = await selectCitizen(trx, actor.teamId, found.citizenId);
		if (!citizen) return null;
		await writeAudit(trx, {
			at: now,
			userId: actor.userId,
			action: 'read',
			entity: 'case',
			entityId: found.id,
			detail: 'case'
		});
		return {
			case: found,
			citizen: {
				id: citizen.id,
				initials: citizen.initials,
				ownerId: citizen.ownerId,
				targetGroupId: citizen.targetGroupId
			},
			history: await selectCaseHistory(trx, found.id)
		};
	});
}

export interface CaseloadRow {
	citizen: Pick<Citizen, 'id' | 'initials' | 'ownerId' | 'targetGroupId'>;
	/** The citizen's case, open or closed; null when it has none yet. */
	case: CaseRecord | null;
}

/**
 * The caseload (sagsstamme): the team's open citizens the actor owns or whose case the actor has
 * ('mine'), or all of them ('team'), each with its case or none. Audited: one read row per
 * citizen and per case shown.
 */
export async function listCaseload(
	db: Db,
	actor: CaseActor,
	now: number,
	scope: 'mine' | 'team' = 'mine'
): Promise<CaseloadRow[] | null> {
	return db.transaction().execute(async (trx) => {
		if (!(await mayWork(trx, actor))) return null;
		const [citizens, cases] = await Promise.all([
			selectCitizensForTeam(trx, actor.teamId),
			selectTeamCases(trx, actor.teamId)
		]);
		const byCitizen = new Map(cases.map((c) => [c.citizenId, c]));
		const rows: CaseloadRow[] = citizens
			.map((c) => ({
				citizen: {
					id: c.id,
					initials: c.initials,
					ownerId: c.ownerId,
					targetGroupId: c.targetGroupId
				},
				case: byCitizen.get(c.id) ?? null
			}))
			.filter(
				(row) =>
					scope === 'team' ||
					row.citizen.ownerId === actor.userId ||
					row.case?.consultantId === actor.userId
			);
		const audit: AuditEntry[] = rows.flatMap((row) => [
			{
				at: now,
				userId: actor.userId,
				action: 'read' as const,
				entity: 'citizen' as const,
				entityId: row.citizen.id,
				detail: 'caseload'
			},
			...(row.case
				? [
						{
							at: now,
							userId: actor.userId,
							action: 'read' as const,
							entity: 'case' as const,
							entityId: row.case.id,
							detail: 'caseload'
						}
					]
				: [])
		]);
		await writeAudit(trx, audit);
		return rows;
	});
}
