import type { Selectable } from 'kysely';
import type { Db } from '../db/connect';
import { nextSortOrder, updateCodedRow } from '../db/coded-list';
import type { TargetGroupTable } from '../db/schema';
import { newId } from '../../board/ids';

export interface TargetGroup {
	id: string;
	code: string;
	name: string;
	active: boolean;
	sortOrder: number;
}

/** The Danish target groups (målgrupper) as listed in DESIGN.md; an admin may change them later. */
export const DEFAULT_TARGET_GROUPS: readonly { code: string; name: string }[] = [
	{ code: 'DP', name: 'A-dagpenge' },
	{ code: 'KH-JP', name: 'Kontanthjælp, jobparat' },
	{ code: 'KH-AP', name: 'Kontanthjælp, aktivitetsparat' },
	{ code: 'UH', name: 'Uddannelseshjælp' },
	{ code: 'SDP', name: 'Sygedagpenge' },
	{ code: 'JAF', name: 'Jobafklaringsforløb' },
	{ code: 'RF', name: 'Ressourceforløb' },
	{ code: 'FJ/LY', name: 'Fleksjob / ledighedsydelse' },
	{ code: 'SHP', name: 'Selvforsørgelses- og hjemrejseprogram' }
];

/**
 * Adds the default target groups that are missing (by code). Idempotent and never overwrites a
 * name or order an admin has changed, so it may run at every start.
 */
export async function ensureDefaultTargetGroups(db: Db): Promise<void> {
	await db
		.insertInto('target_group')
		.values(
			DEFAULT_TARGET_GROUPS.map((g, i) => ({
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

export async function listTargetGroups(
	db: Db,
	options: { includeInactive?: boolean } = {}
): Promise<TargetGroup[]> {
	let query = db.selectFrom('target_group').selectAll().orderBy('sort_order').orderBy('code');
	if (!options.includeInactive) query = query.where('active', '=', 1);
	const rows = await query.execute();
	return rows.map(mapTargetGroup);
}

export async function findTargetGroup(db: Db, idOrCode: string): Promise<TargetGroup | undefined> {
	const row = await db
		.selectFrom('target_group')
		.selectAll()
		.where((eb) => eb.or([eb('id', '=', idOrCode), eb('code', '=', idOrCode)]))
		.executeTakeFirst();
	return row ? mapTargetGroup(row) : undefined;
}

function mapTargetGroup(row: Selectable<TargetGroupTable>): TargetGroup {
	return {
		id: row.id,
		code: row.code,
		name: row.name,
		active: row.active === 1,
		sortOrder: row.sort_order
	};
}

/** Adds a group after the last one; the caller has checked that the code is free. */
export async function insertTargetGroup(
	db: Db,
	input: { code: string; name: string }
): Promise<TargetGroup> {
	const row: Selectable<TargetGroupTable> = {
		id: newId(),
		code: input.code,
		name: input.name,
		active: 1,
		sort_order: await nextSortOrder(db, 'target_group')
	};
	await db.insertInto('target_group').values(row).execute();
	return mapTargetGroup(row);
}

export async function updateTargetGroupRow(
	db: Db,
	id: string,
	changes: { name?: string; active?: boolean }
): Promise<void> {
	await updateCodedRow(db, 'target_group', id, changes);
}

/** How many open citizens have each group, by group id (groups without any are absent). */
export async function countOpenCitizensByTargetGroup(db: Db): Promise<Map<string, number>> {
	const rows = await db
		.selectFrom('citizen')
		.select(['target_group_id', (eb) => eb.fn.countAll<number>().as('count')])
		.where('closed_at', 'is', null)
		.groupBy('target_group_id')
		.execute();
	return new Map(rows.map((r) => [r.target_group_id, Number(r.count)]));
}
