import * as Y from 'yjs';
import { newId } from './ids';
import { compareOrdered, keysAfter, planInsert, type Ordered } from './order';
import { readCard, readLane, ROOT_KEYS } from './schema';
import { LIMITS, SCHEMA_VERSION, type BoardView, type Card, type CardKind, type Lane, type LaneView } from './types';

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

/** Writes schema version and the first lanes. Called once, by the server, when a board is created. */
export function initBoard(doc: Y.Doc, laneTitles: readonly string[], origin: unknown): string[] {
	const ids = laneTitles.map(() => newId());
	const keys = keysAfter(null, laneTitles.length);
	doc.transact(() => {
		getMeta(doc).set('schemaVersion', SCHEMA_VERSION);
		laneTitles.forEach((title, i) => {
			const lane = new Y.Map<FieldValue>();
			lane.set('id', ids[i]!);
			lane.set('title', checkText(title, LIMITS.laneTitle, 'title'));
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
	const lanes = listLanes(doc);
	if (lanes.length >= LIMITS.lanes) throw new BoardError('limit', 'too many lanes');
	const id = input.id ?? newId();
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
	if (fields.ownerId !== undefined) out.ownerId = fields.ownerId;
	if (fields.due !== undefined) {
		if (fields.due !== '' && !/^\d{4}-\d{2}-\d{2}$/.test(fields.due))
			throw new BoardError('invalid', 'due must be YYYY-MM-DD');
		out.due = fields.due;
	}
	return out;
}

export function addCard(doc: Y.Doc, input: AddCardInput, origin: unknown): string {
	requireLane(doc, input.laneId);
	if (getCards(doc).size >= LIMITS.cards) throw new BoardError('limit', 'too many cards');
	const fields = checkFields(input);
	const id = input.id ?? newId();
	const siblings = cardsInLane(doc, input.laneId);
	const plan = planInsert(siblings, input.index ?? siblings.length);
	doc.transact(() => {
		applyRekey(getCards(doc), plan.rekeyed);
		const card = new Y.Map<FieldValue>();
		card.set('id', id);
		card.set('kind', input.kind ?? 'action');
		card.set('laneId', input.laneId);
		card.set('order', plan.key);
		card.set('title', fields.title!);
		card.set('description', fields.description ?? '');
		card.set('ownerId', fields.ownerId ?? '');
		card.set('due', fields.due ?? '');
		card.set('createdAt', input.now);
		card.set('createdBy', input.createdBy);
		card.set('updatedAt', input.now);
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

/** Puts a deleted card back where it was; if its lane is gone meanwhile, into the first lane. */
export function restoreCard(doc: Y.Doc, card: Card, origin: unknown): void {
	const lanes = listLanes(doc);
	const laneId = lanes.some((l) => l.id === card.laneId) ? card.laneId : lanes[0]?.id;
	if (!laneId) throw new BoardError('not-found', 'the board has no lanes');
	doc.transact(() => {
		const map = new Y.Map<FieldValue>();
		for (const [key, value] of Object.entries({ ...card, laneId })) map.set(key, value);
		getCards(doc).set(card.id, map);
	}, origin);
}

function applyRekey(target: Y.Map<Y.Map<FieldValue>>, changes: readonly Ordered[]): void {
	for (const change of changes) target.get(change.id)?.set('order', change.order);
}
