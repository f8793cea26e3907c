import * as Y from 'yjs';
import { isValidId, newId } from './ids';
import { compareOrdered, isValidOrderKey, keysAfter, planInsert, type Ordered } from './order';
import { isValidDueDate, readCard, readLane, ROOT_KEYS } from './schema';
import {
	CARD_KINDS,
	LIMITS,
	SCHEMA_VERSION,
	type BoardView,
	type Card,
	type CardKind,
	type Lane,
	type LaneView
} from './types';

/**
 * The board model: the only code that knows the Y.Doc's keys. Every change is one transaction
 * with an origin, so undo managers, the sync provider and the server can tell who made it.
 */

export class BoardError extends Error {
	constructor(
		readonly code: 'not-found' | 'lane-not-empty' | 'invalid' | 'limit',
		message: string
	) {
		super(message);
		this.name = 'BoardError';
	}
}

type FieldValue = string | number;

export function getMeta(doc: Y.Doc): Y.Map<FieldValue> {
	return doc.getMap(ROOT_KEYS.meta);
}
export function getLanes(doc: Y.Doc): Y.Map<Y.Map<FieldValue>> {
	return doc.getMap(ROOT_KEYS.lanes);
}
export function getCards(doc: Y.Doc): Y.Map<Y.Map<FieldValue>> {
	return doc.getMap(ROOT_KEYS.cards);
}

/** Valid lanes and cards only; an entry that fails the schema check is skipped, never shown. */
export function listLanes(doc: Y.Doc): Lane[] {
	const lanes: Lane[] = [];
	for (const [key, value] of getLanes(doc)) {
		const lane = readLane(key, value);
		if (lane.ok) lanes.push(lane.value);
	}
	return lanes.sort(compareOrdered);
}

export function listCards(doc: Y.Doc): Card[] {
	const cards: Card[] = [];
	for (const [key, value] of getCards(doc)) {
		const card = readCard(key, value);
		if (card.ok) cards.push(card.value);
	}
	return cards;
}

export function getCard(doc: Y.Doc, cardId: string): Card | undefined {
	const value = getCards(doc).get(cardId);
	if (value === undefined) return undefined;
	const card = readCard(cardId, value);
	return card.ok ? card.value : undefined;
}

export function readBoard(doc: Y.Doc): BoardView {
	const lanes = listLanes(doc);
	const byLane = new Map<string, Card[]>(lanes.map((l) => [l.id, []]));
	const orphans: Card[] = [];
	const cards = listCards(doc);
	for (const card of cards) {
		const list = byLane.get(card.laneId);
		if (list) list.push(card);
		else orphans.push(card);
	}
	const views: LaneView[] = lanes.map((lane) => ({
		...lane,
		cards: (byLane.get(lane.id) ?? []).sort(compareOrdered)
	}));
	return { lanes: views, orphans: orphans.sort(compareOrdered), cardCount: cards.length };
}

function cardsInLane(doc: Y.Doc, laneId: string, exceptId?: string): Ordered[] {
	return listCards(doc).filter((c) => c.laneId === laneId && c.id !== exceptId);
}

function requireLane(doc: Y.Doc, laneId: string): Y.Map<FieldValue> {
	const lane = getLanes(doc).get(laneId);
	if (!lane) throw new BoardError('not-found', `lane ${laneId} not found`);
	return lane;
}

function requireCard(doc: Y.Doc, cardId: string): Y.Map<FieldValue> {
	const card = getCards(doc).get(cardId);
	if (!card) throw new BoardError('not-found', `card ${cardId} not found`);
	return card;
}

function checkText(value: string, max: number, field: string, required = true): string {
	const trimmed = value.trim();
	if (required && trimmed.length === 0) throw new BoardError('invalid', `${field} is empty`);
	if (trimmed.length > max) throw new BoardError('invalid', `${field} is longer than ${max}`);
	return trimmed;
}

// The model refuses anything the schema check would refuse: otherwise a local edit would make an
// entry invisible to every reader and get the whole update refused by the server.
function checkOptionalId(value: string, field: string): string {
	if (value !== '' && !isValidId(value))
		throw new BoardError('invalid', `${field} is not a valid id`);
	return value;
}

function checkNewId(existing: Y.Map<Y.Map<FieldValue>>, id: string | undefined): string {
	if (id === undefined) return newId();
	if (!isValidId(id)) throw new BoardError('invalid', 'id is not a valid id');
	if (existing.has(id)) throw new BoardError('invalid', `id ${id} is already in use`);
	return id;
}

function checkTimestamp(value: number, field: string): number {
	if (!Number.isInteger(value) || value < 0 || value >= 1e14)
		throw new BoardError('invalid', `${field} must be a whole number of milliseconds`);
	return value;
}

/** Writes schema version and the first lanes. Called once, by the server, when a board is created. */
export function initBoard(doc: Y.Doc, laneTitles: readonly string[], origin: unknown): string[] {
	// Checked before the transaction: Yjs keeps whatever a throwing transaction already wrote.
	const titles = laneTitles.map((title) => checkText(title, LIMITS.laneTitle, 'title'));
	if (getLanes(doc).size + titles.length > LIMITS.lanes)
		throw new BoardError('limit', 'too many lanes');
	const ids = titles.map(() => newId());
	const keys = keysAfter(null, titles.length);
	doc.transact(() => {
		getMeta(doc).set('schemaVersion', SCHEMA_VERSION);
		titles.forEach((title, i) => {
			const lane = new Y.Map<FieldValue>();
			lane.set('id', ids[i]!);
			lane.set('title', title);
			lane.set('order', keys[i]!);
			getLanes(doc).set(ids[i]!, lane);
		});
	}, origin);
	return ids;
}

export interface AddLaneInput {
	title: string;
	/** Position among the lanes; defaults to last. */
	index?: number;
	id?: string;
}

export function addLane(doc: Y.Doc, input: AddLaneInput, origin: unknown): string {
	const title = checkText(input.title, LIMITS.laneTitle, 'title');
	// Counted like the schema check counts: every entry, valid or not.
	if (getLanes(doc).size >= LIMITS.lanes) throw new BoardError('limit', 'too many lanes');
	const id = checkNewId(getLanes(doc), input.id);
	const lanes = listLanes(doc);
	const plan = planInsert(lanes, input.index ?? lanes.length);
	doc.transact(() => {
		applyRekey(getLanes(doc), plan.rekeyed);
		const lane = new Y.Map<FieldValue>();
		lane.set('id', id);
		lane.set('title', title);
		lane.set('order', plan.key);
		getLanes(doc).set(id, lane);
	}, origin);
	return id;
}

export function renameLane(doc: Y.Doc, laneId: string, title: string, origin: unknown): void {
	const checked = checkText(title, LIMITS.laneTitle, 'title');
	const lane = requireLane(doc, laneId);
	doc.transact(() => lane.set('title', checked), origin);
}

export function moveLane(doc: Y.Doc, laneId: string, index: number, origin: unknown): void {
	const lane = requireLane(doc, laneId);
	const plan = planInsert(
		listLanes(doc).filter((l) => l.id !== laneId),
		index
	);
	doc.transact(() => {
		applyRekey(getLanes(doc), plan.rekeyed);
		lane.set('order', plan.key);
	}, origin);
}

/** Only an empty lane can be deleted, so no card ever disappears with its lane. */
export function deleteLane(doc: Y.Doc, laneId: string, origin: unknown): void {
	requireLane(doc, laneId);
	if (cardsInLane(doc, laneId).length > 0)
		throw new BoardError('lane-not-empty', `lane ${laneId} still has cards`);
	doc.transact(() => getLanes(doc).delete(laneId), origin);
}

export interface CardFields {
	title: string;
	description?: string;
	ownerId?: string;
	due?: string;
}

export interface AddCardInput extends CardFields {
	laneId: string;
	kind?: CardKind;
	/** Position in the lane; defaults to last. */
	index?: number;
	createdBy: string;
	now: number;
	id?: string;
}

function checkFields(fields: Partial<CardFields>): Partial<CardFields> {
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

export function addCard(doc: Y.Doc, input: AddCardInput, origin: unknown): string {
	requireLane(doc, input.laneId);
	if (getCards(doc).size >= LIMITS.cards) throw new BoardError('limit', 'too many cards');
	const fields = checkFields(input);
	const title = fields.title;
	if (title === undefined) throw new BoardError('invalid', 'title is empty');
	const kind = input.kind ?? 'action';
	if (!CARD_KINDS.includes(kind)) throw new BoardError('invalid', 'unknown card kind');
	const createdBy = checkOptionalId(input.createdBy, 'createdBy');
	const now = checkTimestamp(input.now, 'now');
	const id = checkNewId(getCards(doc), input.id);
	const siblings = cardsInLane(doc, input.laneId);
	const plan = planInsert(siblings, input.index ?? siblings.length);
	doc.transact(() => {
		applyRekey(getCards(doc), plan.rekeyed);
		const card = new Y.Map<FieldValue>();
		card.set('id', id);
		card.set('kind', kind);
		card.set('laneId', input.laneId);
		card.set('order', plan.key);
		card.set('title', title);
		card.set('description', fields.description ?? '');
		card.set('ownerId', fields.ownerId ?? '');
		card.set('due', fields.due ?? '');
		card.set('createdAt', now);
		card.set('createdBy', createdBy);
		card.set('updatedAt', now);
		getCards(doc).set(id, card);
	}, origin);
	return id;
}

/** Sets only the fields that changed, so concurrent edits of different fields both survive. */
export function updateCard(
	doc: Y.Doc,
	cardId: string,
	patch: Partial<CardFields>,
	now: number,
	origin: unknown
): void {
	const card = requireCard(doc, cardId);
	const fields = checkFields(patch);
	checkTimestamp(now, 'now');
	doc.transact(() => {
		let changed = false;
		for (const [key, value] of Object.entries(fields)) {
			if (value !== undefined && card.get(key) !== value) {
				card.set(key, value);
				changed = true;
			}
		}
		if (changed) card.set('updatedAt', now);
	}, origin);
}

export interface MoveCardInput {
	cardId: string;
	toLaneId: string;
	/** Position in the target lane, counted without the card itself. */
	index: number;
}

export function moveCard(doc: Y.Doc, input: MoveCardInput, origin: unknown): void {
	const card = requireCard(doc, input.cardId);
	requireLane(doc, input.toLaneId);
	const plan = planInsert(cardsInLane(doc, input.toLaneId, input.cardId), input.index);
	doc.transact(() => {
		applyRekey(getCards(doc), plan.rekeyed);
		if (card.get('laneId') !== input.toLaneId) card.set('laneId', input.toLaneId);
		card.set('order', plan.key);
	}, origin);
}

/** Removes a card and returns it, so the caller can offer undo with restoreCard. */
export function deleteCard(doc: Y.Doc, cardId: string, origin: unknown): Card {
	requireCard(doc, cardId);
	const card = getCard(doc, cardId);
	if (!card) throw new BoardError('invalid', `card ${cardId} is not valid`);
	doc.transact(() => getCards(doc).delete(cardId), origin);
	return card;
}

/**
 * Puts a deleted card back where it was; if its lane is gone meanwhile, at the end of the first
 * lane. Refuses a card that exists (restored elsewhere already): writing it again would throw
 * away the edits made since.
 */
export function restoreCard(doc: Y.Doc, card: Card, origin: unknown): void {
	const restored = checkRestorable(card);
	if (getCards(doc).has(restored.id)) throw new BoardError('invalid', `card ${restored.id} exists`);
	if (getCards(doc).size >= LIMITS.cards) throw new BoardError('limit', 'too many cards');
	const lanes = listLanes(doc);
	let placed = restored;
	let rekeyed: Ordered[] = [];
	if (!lanes.some((l) => l.id === restored.laneId)) {
		const first = lanes[0];
		if (!first) throw new BoardError('not-found', 'the board has no lanes');
		const siblings = cardsInLane(doc, first.id);
		const plan = planInsert(siblings, siblings.length);
		placed = { ...restored, laneId: first.id, order: plan.key };
		rekeyed = plan.rekeyed;
	}
	doc.transact(() => {
		applyRekey(getCards(doc), rekeyed);
		writeCard(doc, placed);
	}, origin);
}

function writeCard(doc: Y.Doc, card: Card): void {
	const map = new Y.Map<FieldValue>();
	for (const [key, value] of Object.entries(card) as [string, FieldValue][]) map.set(key, value);
	getCards(doc).set(card.id, map);
}

/** A card handed back for undo is data from outside the doc: it passes the same checks as a new one. */
function checkRestorable(card: Card): Card {
	if (!isValidId(card.id)) throw new BoardError('invalid', 'id is not a valid id');
	if (!CARD_KINDS.includes(card.kind)) throw new BoardError('invalid', 'unknown card kind');
	if (!isValidId(card.laneId)) throw new BoardError('invalid', 'laneId is not a valid id');
	if (!isValidOrderKey(card.order)) throw new BoardError('invalid', 'order is not a valid key');
	const fields = checkFields(card);
	return {
		id: card.id,
		kind: card.kind,
		laneId: card.laneId,
		order: card.order,
		title: checkText(card.title, LIMITS.cardTitle, 'title'),
		description: fields.description ?? '',
		ownerId: fields.ownerId ?? '',
		due: fields.due ?? '',
		createdAt: checkTimestamp(card.createdAt, 'createdAt'),
		createdBy: checkOptionalId(card.createdBy, 'createdBy'),
		updatedAt: checkTimestamp(card.updatedAt, 'updatedAt')
	};
}

function applyRekey(target: Y.Map<Y.Map<FieldValue>>, changes: readonly Ordered[]): void {
	for (const change of changes) target.get(change.id)?.set('order', change.order);
}
