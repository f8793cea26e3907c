import type { Selectable } from 'kysely';
import type { Db } from '../db/connect';
import type { CaseFieldTable } from '../db/schema';
import { newId } from '../../board/ids';
import type { ExtraFieldDef, ExtraFieldKind } from '../../cases/case-form';

/** Plain data access for the municipality's extra case fields (case_field). */

export interface CaseFieldRecord extends ExtraFieldDef {
	sortOrder: number;
}

function parseChoices(text: string): string[] {
	try {
		const value: unknown = JSON.parse(text);
		return Array.isArray(value) ? value.filter((c): c is string => typeof c === 'string') : [];
	} catch {
		return [];
	}
}

function mapField(row: Selectable<CaseFieldTable>): CaseFieldRecord {
	return {
		id: row.id,
		label: row.label,
		kind: row.kind,
		required: row.required === 1,
		choices: parseChoices(row.choices),
		active: row.active === 1,
		sortOrder: row.sort_order
	};
}

export async function listCaseFields(
	db: Db,
	options: { includeInactive?: boolean } = {}
): Promise<CaseFieldRecord[]> {
	let query = db.selectFrom('case_field').selectAll().orderBy('sort_order').orderBy('created_at');
	if (!options.includeInactive) query = query.where('active', '=', 1);
	return (await query.execute()).map(mapField);
}

export async function findCaseField(db: Db, id: string): Promise<CaseFieldRecord | undefined> {
	const row = await db.selectFrom('case_field').selectAll().where('id', '=', id).executeTakeFirst();
	return row ? mapField(row) : undefined;
}

/** Adds a field after the last one. */
export async function insertCaseField(
	db: Db,
	input: { label: string; kind: ExtraFieldKind; required: boolean; choices: string[] },
	now: number
): Promise<CaseFieldRecord> {
	const last = await db
		.selectFrom('case_field')
		.select((eb) => eb.fn.max('sort_order').as('max'))
		.executeTakeFirst();
	const row: Selectable<CaseFieldTable> = {
		id: newId(),
		label: input.label,
		kind: input.kind,
		required: input.required ? 1 : 0,
		choices: JSON.stringify(input.kind === 'choice' ? input.choices : []),
		active: 1,
		sort_order: (last?.max ?? 0) + 10,
		created_at: now
	};
	await db.insertInto('case_field').values(row).execute();
	return mapField(row);
}

export async function updateCaseFieldRow(
	db: Db,
	id: string,
	changes: { label?: string; required?: boolean; choices?: string[]; active?: boolean }
): Promise<void> {
	const set: { label?: string; required?: number; choices?: string; active?: number } = {};
	if (changes.label !== undefined) set.label = changes.label;
	if (changes.required !== undefined) set.required = changes.required ? 1 : 0;
	if (changes.choices !== undefined) set.choices = JSON.stringify(changes.choices);
	if (changes.active !== undefined) set.active = changes.active ? 1 : 0;
	if (Object.keys(set).length === 0) return;
	await db.updateTable('case_field').set(set).where('id', '=', id).execute();
}
