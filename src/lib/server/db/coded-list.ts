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
