import * as Y from 'yjs';
import { isValidId, newId } from './ids';
import {
	BoardError,
	getCards,
	getLanes,
	listCards,
	type CardFields,
	type FieldValue
} from './document';
import { planInsert, type Ordered } from './order';
import { isValidDueDate } from './schema';
import { LIMITS, type CardKind } from './types';

/**
 * Helpers shared by model.ts and openings.ts; internal to src/lib/board, not re-exported. The
 * imports from model.ts are used only when a function runs, so the import cycle is harmless.
 */

export type { FieldValue };

/** Stored Y.Map values; null means "delete the key" (an optional field cleared). */
export type StoredFields = Partial<Record<string, FieldValue | null>>;

export function cardsInLane(doc: Y.Doc, laneId: string, exceptId?: string): Ordered[] {
	return listCards(doc).filter((c) => c.laneId === laneId && c.id !== exceptId);
}

export function requireLane(doc: Y.Doc, laneId: string): Y.Map<FieldValue> {
	const lane = getLanes(doc).get(laneId);
	if (!lane) throw new BoardError('not-found', `lane ${laneId} not found`);
	return lane;
}

export function requireCard(doc: Y.Doc, cardId: string): Y.Map<FieldValue> {
	const card = getCards(doc).get(cardId);
	if (!card) throw new BoardError('not-found', `card ${cardId} not found`);
	return card;
}

export function checkText(value: string, max: number, field: string, required = true): string {
	const trimmed = value.trim();
	if (required && trimmed.length === 0) throw new BoardError('invalid', `${field} is empty`);
	if (trimmed.length > max) throw new BoardError('invalid', `${field} is longer than ${max}`);
	return trimmed;
}

// The model refuses anything the schema check would refuse: otherwise a local edit would make an
// entry invisible to every reader and get the whole update refused by the server.
export function checkOptionalId(value: string, field: string): string {
	if (value !== '' && !isValidId(value))
		throw new BoardError('invalid', `${field} is not a valid id`);
	return value;
}

export function checkNewId(existing: Y.Map<Y.Map<FieldValue>>, id: string | undefined): string {
	if (id === undefined) return newId();
	if (!isValidId(id)) throw new BoardError('invalid', 'id is not a valid id');
	if (existing.has(id)) throw new BoardError('invalid', `id ${id} is already in use`);
	return id;
}

export function checkTimestamp(value: number, field: string): number {
	if (!Number.isInteger(value) || value < 0 || value >= 1e14)
		throw new BoardError('invalid', `${field} must be a whole number of milliseconds`);
	return value;
}

export function checkFields(fields: Partial<CardFields>): Partial<CardFields> {
	const out: Partial<CardFields> = {};
	if (fields.title !== undefined) out.title = checkText(fields.title, LIMITS.cardTitle, 'title');
	if (fields.description !== undefined)
		out.description = checkText(fields.description, LIMITS.cardDescription, 'description', false);
	if (fields.ownerId !== undefined) out.ownerId = checkOptionalId(fields.ownerId, 'ownerId');
	if (fields.due !== undefined) {
		if (fields.due !== '' && !isValidDueDate(fields.due))
			throw new BoardError('invalid', 'due must be a date as YYYY-MM-DD');
		out.due = fields.due;
	}
	return out;
}

export interface NewCard {
	laneId: string;
	index?: number;
	id?: string;
	kind: CardKind;
	fields: Partial<CardFields>;
	createdBy: string;
	now: number;
	/** Extra stored fields (an opening's), already checked. */
	extra?: StoredFields;
}

/** Checks what every new card needs, then writes it in one transaction. */
export function insertCard(doc: Y.Doc, input: NewCard, origin: unknown): string {
	requireLane(doc, input.laneId);
	if (getCards(doc).size >= LIMITS.cards) throw new BoardError('limit', 'too many cards');
	const title = input.fields.title;
	if (title === undefined) throw new BoardError('invalid', 'title is empty');
	const createdBy = checkOptionalId(input.createdBy, 'createdBy');
	const now = checkTimestamp(input.now, 'now');
	const id = checkNewId(getCards(doc), input.id);
	const siblings = cardsInLane(doc, input.laneId);
	const plan = planInsert(siblings, input.index ?? siblings.length);
	doc.transact(() => {
		applyRekey(getCards(doc), plan.rekeyed);
		const card = new Y.Map<FieldValue>();
		card.set('id', id);
		card.set('kind', input.kind);
		card.set('laneId', input.laneId);
		card.set('order', plan.key);
		card.set('title', title);
		card.set('description', input.fields.description ?? '');
		card.set('ownerId', input.fields.ownerId ?? '');
		card.set('due', input.fields.due ?? '');
		card.set('createdAt', now);
		card.set('createdBy', createdBy);
		card.set('updatedAt', now);
		for (const [key, value] of Object.entries(input.extra ?? {}))
			if (value !== null && value !== undefined) card.set(key, value);
		getCards(doc).set(id, card);
	}, origin);
	return id;
}

/** Writes the changed entries; null deletes an optional key. True if anything changed. */
export function writeChanged(map: Y.Map<FieldValue>, fields: StoredFields): boolean {
	let changed = false;
	for (const [key, value] of Object.entries(fields)) {
		if (value === undefined) continue;
		if (value === null) {
			if (map.has(key)) {
				map.delete(key);
				changed = true;
			}
		} else if (map.get(key) !== value) {
			map.set(key, value);
			changed = true;
		}
	}
	return changed;
}

export function applyRekey(target: Y.Map<Y.Map<FieldValue>>, changes: readonly Ordered[]): void {
	for (const change of changes) target.get(change.id)?.set('order', change.order);
}
