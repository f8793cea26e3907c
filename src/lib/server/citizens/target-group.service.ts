import type { Db } from '../db/connect';
import type { ServiceFailure, ServiceResult } from '../admin/admin.service';
import {
	createTargetGroupSchema,
	parseInput,
	renameTargetGroupSchema,
	targetGroupActiveSchema,
	type FieldIssues
} from '../validation';
import {
	countOpenCitizensByTargetGroup,
	findTargetGroup,
	insertTargetGroup,
	listTargetGroups,
	updateTargetGroupRow,
	type TargetGroup
} from './target-group.repository';

/**
 * The municipality's own list of target groups (målgrupper), managed by an admin. A group is
 * never deleted: citizens keep the group they have, so a group the reform retires is deactivated,
 * which only stops it from being chosen for new citizens. Authorisation is the caller's job.
 */

function failure(kind: ServiceFailure['kind'], issues: FieldIssues): ServiceFailure {
	return { ok: false, kind, issues };
}

export interface TargetGroupOverview extends TargetGroup {
	/** Open citizens who have the group. */
	citizenCount: number;
}

export async function listTargetGroupsOverview(db: Db): Promise<TargetGroupOverview[]> {
	const [groups, counts] = await Promise.all([
		listTargetGroups(db, { includeInactive: true }),
		countOpenCitizensByTargetGroup(db)
	]);
	return groups.map((g) => ({ ...g, citizenCount: counts.get(g.id) ?? 0 }));
}

export async function createTargetGroup(
	db: Db,
	input: unknown
): Promise<ServiceResult<TargetGroup>> {
	const parsed = parseInput(createTargetGroupSchema, input);
	if (!parsed.ok) return failure('invalid', parsed.issues);
	return db.transaction().execute(async (trx): Promise<ServiceResult<TargetGroup>> => {
		if (await findTargetGroup(trx, parsed.value.code)) {
			return failure('conflict', { code: 'target_group_code_taken' });
		}
		return { ok: true, value: await insertTargetGroup(trx, parsed.value) };
	});
}

async function findById(db: Db, id: string): Promise<TargetGroup | ServiceFailure> {
	const group = await findTargetGroup(db, id);
	// Only by id: a code typed into a hidden field is not how the page names a row.
	if (!group || group.id !== id) return failure('not_found', { id: 'target_group_not_found' });
	return group;
}

export async function renameTargetGroup(
	db: Db,
	input: unknown
): Promise<ServiceResult<TargetGroup>> {
	const parsed = parseInput(renameTargetGroupSchema, input);
	if (!parsed.ok) return failure('invalid', parsed.issues);
	const group = await findById(db, parsed.value.id);
	if ('ok' in group) return group;
	await updateTargetGroupRow(db, group.id, { name: parsed.value.name });
	return { ok: true, value: { ...group, name: parsed.value.name } };
}

/** Deactivates (active false) or reactivates a group. */
export async function setTargetGroupActive(
	db: Db,
	input: unknown
): Promise<ServiceResult<TargetGroup>> {
	const parsed = parseInput(targetGroupActiveSchema, input);
	if (!parsed.ok) return failure('invalid', parsed.issues);
	const group = await findById(db, parsed.value.id);
	if ('ok' in group) return group;
	await updateTargetGroupRow(db, group.id, { active: parsed.value.active });
	return { ok: true, value: { ...group, active: parsed.value.active } };
}
