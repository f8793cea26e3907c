import type { Db } from '../db/connect';
import { writeAudit } from '../audit/audit.repository';
import { citizenPatchSchema, citizenSchema, parseInput, type FieldIssues } from '../validation';
import {
	insertCitizen,
	selectCitizen,
	selectCitizensForTeam,
	updateCitizenRow,
	type Citizen,
	type CitizenChanges
} from './citizen.repository';
import { findTargetGroup } from './target-group.repository';

/**
 * Every read and change of citizen data goes through here and is written to the audit log (who,
 * what, when) in the same transaction, so there is no change without its log row.
 *
 * The caller has already authorised the actor for the team (access.ts); the service only keeps
 * each team's citizens to that team.
 */

export interface CitizenActor {
	userId: string;
	teamId: string;
}

export type CitizenResult = { ok: true; citizen: Citizen } | { ok: false; issues: FieldIssues };

/**
 * The group's id if it may be given to the citizen: an active group, or the group the citizen
 * already has (a deactivated group stays with the citizens who have it).
 */
async function checkTargetGroup(
	db: Db,
	targetGroupId: string,
	currentId?: string
): Promise<string | null> {
	const group = await findTargetGroup(db, targetGroupId);
	if (!group) return null;
	return group.active || group.id === currentId ? group.id : null;
}

/** Registers a citizen owned by the actor. Input is form-shaped; see citizenSchema. */
export async function createCitizen(
	db: Db,
	actor: CitizenActor,
	input: unknown,
	now: number
): Promise<CitizenResult> {
	const parsed = parseInput(citizenSchema, input);
	if (!parsed.ok) return parsed;
	return db.transaction().execute(async (trx) => {
		const targetGroupId = await checkTargetGroup(trx, parsed.value.targetGroupId);
		if (!targetGroupId) return { ok: false, issues: { targetGroupId: 'unknown_target_group' } };
		const citizen = await insertCitizen(trx, {
			...parsed.value,
			targetGroupId,
			teamId: actor.teamId,
			ownerId: actor.userId,
			now
		});
		await writeAudit(trx, {
			at: now,
			userId: actor.userId,
			action: 'create',
			entity: 'citizen',
			entityId: citizen.id
		});
		return { ok: true, citizen };
	});
}

/**
 * Changes the fields present in input. Returns null when the citizen is not in the actor's
 * team. The audit row names the changed fields, never their values.
 */
export async function updateCitizen(
	db: Db,
	actor: CitizenActor,
	citizenId: string,
	input: unknown,
	now: number
): Promise<CitizenResult | null> {
	const parsed = parseInput(citizenPatchSchema, input);
	if (!parsed.ok) return parsed;
	return db.transaction().execute(async (trx): Promise<CitizenResult | null> => {
		const current = await selectCitizen(trx, actor.teamId, citizenId);
		if (!current) return null;
		const changes: CitizenChanges = {};
		const { initials, targetGroupId, jobAreas, hoursWanted, jobReady } = parsed.value;
		if (initials !== undefined && initials !== current.initials) changes.initials = initials;
		if (targetGroupId !== undefined) {
			const id = await checkTargetGroup(trx, targetGroupId, current.targetGroupId);
			if (!id) return { ok: false, issues: { targetGroupId: 'unknown_target_group' } };
			if (id !== current.targetGroupId) changes.targetGroupId = id;
		}
		if (jobAreas !== undefined && jobAreas.join('\n') !== current.jobAreas.join('\n')) {
			changes.jobAreas = jobAreas;
		}
		if (hoursWanted !== undefined && hoursWanted !== current.hoursWanted) {
			changes.hoursWanted = hoursWanted;
		}
		if (jobReady !== undefined && jobReady !== current.jobReady) changes.jobReady = jobReady;
		const fields = Object.keys(changes);
		if (fields.length === 0) return { ok: true, citizen: current };
		await updateCitizenRow(trx, citizenId, changes);
		await writeAudit(trx, {
			at: now,
			userId: actor.userId,
			action: 'update',
			entity: 'citizen',
			entityId: citizenId,
			detail: fields.join(',')
		});
		return { ok: true, citizen: { ...current, ...changes } };
	});
}

/** One citizen of the actor's team, or null; the read is audited. */
export async function getCitizen(
	db: Db,
	actor: CitizenActor,
	citizenId: string,
	now: number
): Promise<Citizen | null> {
	return db.transaction().execute(async (trx) => {
		const citizen = await selectCitizen(trx, actor.teamId, citizenId);
		if (!citizen) return null;
		await writeAudit(trx, {
			at: now,
			userId: actor.userId,
			action: 'read',
			entity: 'citizen',
			entityId: citizen.id
		});
		return citizen;
	});
}

/**
 * The team's open citizens; one audit row per citizen shown, so each citizen's log is whole.
 * `purpose` goes into the rows' detail (e.g. 'candidates'), so log control sees why they were read.
 */
export async function listCitizensForTeam(
	db: Db,
	actor: CitizenActor,
	now: number,
	options: { includeClosed?: boolean; purpose?: string } = {}
): Promise<Citizen[]> {
	return db.transaction().execute(async (trx) => {
		const citizens = await selectCitizensForTeam(trx, actor.teamId, options);
		await writeAudit(
			trx,
			citizens.map((c) => ({
				at: now,
				userId: actor.userId,
				action: 'read' as const,
				entity: 'citizen' as const,
				entityId: c.id,
				detail: options.purpose ?? 'list'
			}))
		);
		return citizens;
	});
}
