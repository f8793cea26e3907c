import type { Db } from '../db/connect';
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
	return rows.map((r) => ({
		id: r.id,
		code: r.code,
		name: r.name,
		active: r.active === 1,
		sortOrder: r.sort_order
	}));
}

export async function findTargetGroup(db: Db, idOrCode: string): Promise<TargetGroup | undefined> {
	const row = await db
		.selectFrom('target_group')
		.selectAll()
		.where((eb) => eb.or([eb('id', '=', idOrCode), eb('code', '=', idOrCode)]))
		.executeTakeFirst();
	return row
		? {
				id: row.id,
				code: row.code,
				name: row.name,
				active: row.active === 1,
				sortOrder: row.sort_order
			}
		: undefined;
}
