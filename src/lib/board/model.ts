import * as Y from 'yjs';
import {
	applyRekey,
	cardsInLane,
	checkFields,
	checkNewId,
	checkOptionalId,
	checkText,
	checkTimestamp,
	insertCard,
	requireCard,
	requireLane,
	writeChanged,
	type FieldValue
} from './checks';
import {
	BoardError,
	getCard,
	getCards,
	getLanes,
	getMeta,
	listCards,
	listLanes,
	listMatches,
	type CardFields
} from './document';
import { isValidId, newId } from './ids';
import { checkActionFields, storedAction } from './actions';
import { checkOpeningFields, storedOpening } from './openings';
import { compareOrdered, isValidOrderKey, keysAfter, planInsert, type Ordered } from './order';
import {
	CARD_KINDS,
	LANE_STAGES,
	LIMITS,
	SCHEMA_VERSION,
	type BoardView,
	type Card,
	type CardKind,
	type LaneStage,
	type LaneView,
	type Match
} from './types';

// Roots, readers and BoardError live in document.ts; re-exported so every import keeps working.
export {
	BoardError,
	getCard,
	getCards,
	getLanes,
	getMatch,
	getMatches,
	getMeta,
	laneOfStage,
	listCards,
	listLanes,
	listMatches,
	readMatches,
	stageOfLane,
	type CardFields
} from './document';

// Action operations live in actions.ts; re-exported like the opening ones.
export {
	addAction,
	completeAction,
	dropAction,
	getAction,
	linkActionCitizen,
	moveAction,
	reopenAction,
	type AddActionInput,
	type MoveActionInput
} from './actions';

// Opening and match operations live in openings.ts; re-exported so every import keeps working.
export {
	addOpening,
	closeOpening,
	getOpening,
	openingStage,
	openingTitle,
	proposeCandidate,
	removeMatch,
	reopenOpening,
	restoreMatch,
	setMatchStatus,
	updateOpening,
	type AddOpeningInput,
	type CloseOpeningInput,
	type OpeningInput,
	type OpeningPatch,
	type ProposeCandidateInput
} from './openings';

/**
 * The board model: operations on lanes and cards, plus readBoard. Every change is one
 * transaction with an origin, so undo managers, the sync provider and the server can tell who
 * made it. The document's keys and plain readers are in document.ts.
 */

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
	const matches: Record<string, Match[]> = {};
	const openings = new Set(cards.filter((c) => c.kind === 'opening').map((c) => c.id));
	for (const match of listMatches(doc)) {
		if (!openings.has(match.openingId)) continue;
		(matches[match.openingId] ??= []).push(match);
	}
	return {
		lanes: views,
		orphans: orphans.sort(compareOrdered),
		cardCount: cards.length,
		matches
	};
}

function checkStage(stage: LaneStage | undefined): LaneStage | undefined {
	if (stage !== undefined && !LANE_STAGES.includes(stage))
		throw new BoardError('invalid', 'unknown lane stage');
	return stage;
}

function newLaneMap(
	id: string,
	title: string,
	order: string,
	stage?: LaneStage
): Y.Map<FieldValue> {
	const lane = new Y.Map<FieldValue>();
	lane.set('id', id);
	lane.set('title', title);
	lane.set('order', order);
	if (stage !== undefined) lane.set('stage', stage);
	return lane;
}

/** Writes schema version and the first lanes. Called once, by the server, when a board is created. */
export function initBoard(doc: Y.Doc, laneTitles: readonly string[], origin: unknown): string[] {
	return initBoardWithStages(
		doc,
		laneTitles.map((title) => ({ title })),
		origin
	);
}

export interface LaneSpec {
	title: string;
	stage?: LaneStage;
}

/** initBoard for lanes that stand for pipeline stages (the default lanes of a new board). */
export function initBoardWithStages(
	doc: Y.Doc,
	lanes: readonly LaneSpec[],
	origin: unknown
): string[] {
	// Checked before the transaction: Yjs keeps whatever a throwing transaction already wrote.
	const specs = lanes.map((lane) => ({
		title: checkText(lane.title, LIMITS.laneTitle, 'title'),
		stage: checkStage(lane.stage)
	}));
	if (getLanes(doc).size + specs.length > LIMITS.lanes)
		throw new BoardError('limit', 'too many lanes');
	const ids = specs.map(() => newId());
	const keys = keysAfter(null, specs.length);
	doc.transact(() => {
		getMeta(doc).set('schemaVersion', SCHEMA_VERSION);
		specs.forEach((spec, i) => {
			getLanes(doc).set(ids[i]!, newLaneMap(ids[i]!, spec.title, keys[i]!, spec.stage));
		});
	}, origin);
	return ids;
}

export interface AddLaneInput {
	title: string;
	/** Position among the lanes; defaults to last. */
	index?: number;
	id?: string;
	stage?: LaneStage;
}

export function addLane(doc: Y.Doc, input: AddLaneInput, origin: unknown): string {
	const title = checkText(input.title, LIMITS.laneTitle, 'title');
	const stage = checkStage(input.stage);
	// Counted like the schema check counts: every entry, valid or not.
	if (getLanes(doc).size >= LIMITS.lanes) throw new BoardError('limit', 'too many lanes');
	const id = checkNewId(getLanes(doc), input.id);
	const lanes = listLanes(doc);
	const plan = planInsert(lanes, input.index ?? lanes.length);
	doc.transact(() => {
		applyRekey(getLanes(doc), plan.rekeyed);
		getLanes(doc).set(id, newLaneMap(id, title, plan.key, stage));
	}, origin);
	return id;
}

/** Lets a lane stand for a stage (or for none, with null); renaming a lane keeps its stage. */
export function setLaneStage(
	doc: Y.Doc,
	laneId: string,
	stage: LaneStage | null,
	origin: unknown
): void {
	const checked = checkStage(stage ?? undefined);
	const lane = requireLane(doc, laneId);
	if ((lane.get('stage') ?? null) === (checked ?? null)) return;
	doc.transact(() => {
		if (checked === undefined) lane.delete('stage');
		else lane.set('stage', checked);
	}, origin);
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

export interface AddCardInput extends CardFields {
	laneId: string;
	/** 'action' or 'note'; openings are added with addOpening. */
	kind?: CardKind;
	/** Position in the lane; defaults to last. */
	index?: number;
	createdBy: string;
	now: number;
	id?: string;
}

export function addCard(doc: Y.Doc, input: AddCardInput, origin: unknown): string {
	const fields = checkFields(input);
	const kind = input.kind ?? 'action';
	// An opening needs its own fields, which only addOpening checks and writes.
	if (!CARD_KINDS.includes(kind) || kind === 'opening')
		throw new BoardError('invalid', 'unknown card kind');
	return insertCard(doc, { ...input, kind, fields }, origin);
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
		if (writeChanged(card, fields)) card.set('updatedAt', now);
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

/**
 * Removes a card and returns it, so the caller can offer undo with restoreCard. An opening's
 * matches stay in the document (hidden by readBoard), so undo brings them back with it.
 */
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
	const { opening, action, ...common } = card;
	for (const [key, value] of Object.entries(common) as [string, FieldValue][]) map.set(key, value);
	if (action) {
		for (const [key, value] of Object.entries(storedAction(action)))
			if (value !== null && value !== undefined) map.set(key, value);
	}
	if (opening) {
		for (const [key, value] of Object.entries(storedOpening(opening)))
			if (value !== null && value !== undefined) map.set(key, value);
	}
	getCards(doc).set(card.id, map);
}

/** A card handed back for undo is data from outside the doc: it passes the same checks as a new one. */
function checkRestorable(card: Card): Card {
	if (!isValidId(card.id)) throw new BoardError('invalid', 'id is not a valid id');
	if (!CARD_KINDS.includes(card.kind)) throw new BoardError('invalid', 'unknown card kind');
	if (!isValidId(card.laneId)) throw new BoardError('invalid', 'laneId is not a valid id');
	if (!isValidOrderKey(card.order)) throw new BoardError('invalid', 'order is not a valid key');
	if ((card.kind === 'opening') !== (card.opening !== undefined))
		throw new BoardError('invalid', 'opening fields must come with an opening, and only with one');
	if (card.action !== undefined && card.kind !== 'action')
		throw new BoardError('invalid', 'action fields come only with an action');
	const fields = checkFields(card);
	const restored: Card = {
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
	if (card.opening) restored.opening = checkOpeningFields(card.opening);
	if (card.action) restored.action = checkActionFields(card.action);
	return restored;
}
