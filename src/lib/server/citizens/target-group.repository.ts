import type { Db } from '../db/connect';
import {
	ensureCodedDefaults,
	findCoded,
	insertCoded,
	listCoded,
	updateCodedRow,
	type CodedItem
} from '../db/coded-list';

/** A target group (målgruppe), e.g. code 'DP', name 'A-dagpenge'. */
export type TargetGroup = CodedItem;

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
	await ensureCodedDefaults(db, 'target_group', DEFAULT_TARGET_GROUPS);
}

export function listTargetGroups(
	db: Db,
	options: { includeInactive?: boolean } = {}
): Promise<TargetGroup[]> {
	return listCoded(db, 'target_group', options);
}

export function findTargetGroup(db: Db, idOrCode: string): Promise<TargetGroup | undefined> {
	return findCoded(db, 'target_group', idOrCode);
}

/** Adds a group after the last one; the caller has checked that the code is free. */
export function insertTargetGroup(
	db: Db,
	input: { code: string; name: string }
): Promise<TargetGroup> {
	return insertCoded(db, 'target_group', input);
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
