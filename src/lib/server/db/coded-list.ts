import { newId } from '../../board/ids';
import type { Db } from './connect';

/**
 * The municipality's coded lists (target groups, case goals) share one shape: id, code, name,
 * active, sort_order. Their order and their name/active changes are written here once.
 */
export type CodedListTable = 'target_group' | 'case_goal';

/** The sort order for a row added after the last one. */
export async function nextSortOrder(db: Db, table: CodedListTable): Promise<number> {
	const last = await db
		.selectFrom(table)
		.select((eb) => eb.fn.max('sort_order').as('max'))
		.executeTakeFirst();
	return (last?.max ?? 0) + 10;
}

export async function updateCodedRow(
	db: Db,
	table: CodedListTable,
	id: string,
	changes: { name?: string; active?: boolean }
): Promise<void> {
	const set: { name?: string; active?: number } = {};
	if (changes.name !== undefined) set.name = changes.name;
	if (changes.active !== undefined) set.active = changes.active ? 1 : 0;
	if (Object.keys(set).length === 0) return;
	await db.updateTable(table).set(set).where('id', '=', id).execute();
}

/** One entry of a coded list, as the services use it. */
export interface CodedItem {
	id: string;
	code: string;
	name: string;
	active: boolean;
	sortOrder: number;
}

interface CodedRow {
	id: string;
	code: string;
	name: string;
	active: number;
	sort_order: number;
}

function mapCoded(row: CodedRow): CodedItem {
	return {
		id: row.id,
		code: row.code,
		name: row.name,
		active: row.active === 1,
		sortOrder: row.sort_order
	};
}

/**
 * Adds the defaults that are missing (by code), in the given order. Idempotent and never
 * overwrites a name or order an admin has changed, so it may run at every start.
 */
export async function ensureCodedDefaults(
	db: Db,
	table: CodedListTable,
	defaults: readonly { code: string; name: string }[]
): Promise<void> {
	await db
		.insertInto(table)
		.values(
			defaults.map((d, i) => ({
				id: newId(),
				code: d.code,
				name: d.name,
				active: 1,
				sort_order: (i + 1) * 10
			}))
		)
		.onConflict((oc) => oc.column('code').doNothing())
		.execute();
}

export async function listCoded(
	db: Db,
	table: CodedListTable,
	options: { includeInactive?: boolean } = {}
): Promise<CodedItem[]> {
	let query = db.selectFrom(table).selectAll().orderBy('sort_order').orderBy('code');
	if (!options.includeInactive) query = query.where('active', '=', 1);
	return (await query.execute()).map(mapCoded);
}

export async function findCoded(
	db: Db,
	table: CodedListTable,
	idOrCode: string
): Promise<CodedItem | undefined> {
	const row = await db
		.selectFrom(table)
		.selectAll()
		.where((eb) => eb.or([eb('id', '=', idOrCode), eb('code', '=', idOrCode)]))
		.executeTakeFirst();
	return row ? mapCoded(row) : undefined;
}

/** Adds an entry after the last one; the caller has checked that the code is free. */
export async function insertCoded(
	db: Db,
	table: CodedListTable,
	input: { code: string; name: string }
): Promise<CodedItem> {
	const row: CodedRow = {
		id: newId(),
		code: input.code,
		name: input.name,
		active: 1,
		sort_order: await nextSortOrder(db, table)
	};
	await db.insertInto(table).values(row).execute();
	return mapCoded(row);
}
