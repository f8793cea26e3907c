import * as Y from 'yjs';
import { isValidId, newId } from './ids';
import { compareOrdered, isValidOrderKey, keysAfter, planInsert, type Ordered } from './order';
import {
	isValidDueDate,
	isValidHoursPerWeek,
	isValidJobAreaTag,
	isValidPositions,
	OPENING_KEYS,
	readCard,
	readLane,
	readMatch,
	ROOT_KEYS
} from './schema';
import {
	CARD_KINDS,
	CLOSE_REASONS,
	JOB_TYPES,
	LANE_STAGES,
	LIMITS,
	MATCH_STATUSES,
	OPENING_OUTCOMES,
	OPENING_SOURCES,
	SCHEMA_VERSION,
	type BoardView,
	type Card,
	type CardKind,
	type CloseReason,
	type JobType,
	type Lane,
	type LaneStage,
	type LaneView,
	type Match,
	type MatchStatus,
	type OpeningCard,
	type OpeningFields,
	type OpeningOutcome,
	type OpeningSource
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
export function getMatches(doc: Y.Doc): Y.Map<Y.Map<FieldValue>> {
	return doc.getMap(ROOT_KEYS.matches);
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

/** Valid matches, by (proposedAt, id); also those whose opening is gone (see readBoard). */
export function listMatches(doc: Y.Doc): Match[] {
	const matches: Match[] = [];
	for (const [key, value] of getMatches(doc)) {
		const match = readMatch(key, value);
		if (match.ok) matches.push(match.value);
	}
	return matches.sort(compareMatches);
}

/** The valid matches of one opening, by (proposedAt, id). */
export function readMatches(doc: Y.Doc, openingId: string): Match[] {
	return listMatches(doc).filter((m) => m.openingId === openingId);
}

export function getMatch(doc: Y.Doc, matchId: string): Match | undefined {
	const value = getMatches(doc).get(matchId);
	if (value === undefined) return undefined;
	const match = readMatch(matchId, value);
	return match.ok ? match.value : undefined;
}

function compareMatches(a: Match, b: Match): number {
	if (a.proposedAt !== b.proposedAt) return a.proposedAt - b.proposedAt;
	return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function getOpening(doc: Y.Doc, cardId: string): OpeningCard | undefined {
	const card = getCard(doc, cardId);
	return card?.kind === 'opening' && card.opening ? (card as OpeningCard) : undefined;
}

/** The stage the lane stands for, or null (no such lane, or a lane without a stage). */
export function stageOfLane(doc: Y.Doc, laneId: string): LaneStage | null {
	const value = getLanes(doc).get(laneId);
	if (value === undefined) return null;
	const lane = readLane(laneId, value);
	return lane.ok ? (lane.value.stage ?? null) : null;
}

/** The stage of the lane an opening is in; null for an orphan or a lane without a stage. */
export function openingStage(doc: Y.Doc, cardId: string): LaneStage | null {
	const card = getOpening(doc, cardId);
	return card ? stageOfLane(doc, card.laneId) : null;
}

/** The first lane (in board order) that stands for `stage`, if any. */
export function laneOfStage(doc: Y.Doc, stage: LaneStage): Lane | undefined {
	return listLanes(doc).find((l) => l.stage === stage);
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

export interface CardFields {
	title: string;
	description?: string;
	ownerId?: string;
	due?: string;
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

interface NewCard {
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
function insertCard(doc: Y.Doc, input: NewCard, origin: unknown): string {
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

export function addCard(doc: Y.Doc, input: AddCardInput, origin: unknown): string {
	const fields = checkFields(input);
	const kind = input.kind ?? 'action';
	// An opening needs its own fields, which only addOpening checks and writes.
	if (!CARD_KINDS.includes(kind) || kind === 'opening')
		throw new BoardError('invalid', 'unknown card kind');
	return insertCard(doc, { ...input, kind, fields }, origin);
}

/** Writes the changed entries; null deletes an optional key. True if anything changed. */
function writeChanged(map: Y.Map<FieldValue>, fields: StoredFields): boolean {
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
	const { opening, ...common } = card;
	for (const [key, value] of Object.entries(common) as [string, FieldValue][]) map.set(key, value);
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
	return restored;
}

function applyRekey(target: Y.Map<Y.Map<FieldValue>>, changes: readonly Ordered[]): void {
	for (const change of changes) target.get(change.id)?.set('order', change.order);
}

// ---------------------------------------------------------------------------------------------
// Openings (jobåbninger)

/** What a person enters for an opening; outcome and closing go through closeOpening/reopenOpening. */
export interface OpeningInput {
	companyId: string;
	companyName: string;
	position: string;
	jobType: JobType;
	/** At most one decimal; null (or left out) when not given. */
	hoursPerWeek?: number | null;
	positions: number;
	deadline: string;
	startDate?: string;
	/** Tags are trimmed; empty ones and repeats (ignoring case) are dropped. */
	jobAreas?: readonly string[];
	requirements?: string;
	source: OpeningSource;
}

/** Stored Y.Map values; null means "delete the key" (an optional field cleared). */
type StoredFields = Partial<Record<string, FieldValue | null>>;

/** The card title the UI gives an opening: "<position>, <company name>", cut to the title limit. */
export function openingTitle(position: string, companyName: string): string {
	const title = `${position.trim()}, ${companyName.trim()}`;
	return title.length <= LIMITS.cardTitle ? title : `${title.slice(0, LIMITS.cardTitle - 1)}…`;
}

function checkOneOf<T extends string>(values: readonly T[], value: T, field: string): T {
	if (!values.includes(value))
		throw new BoardError('invalid', `${field} is not one of ${values.join(', ')}`);
	return value;
}

function checkJobAreas(tags: readonly string[]): string {
	const kept: string[] = [];
	const seen = new Set<string>();
	for (const raw of tags) {
		const tag = raw.trim();
		if (tag === '') continue;
		const folded = tag.toLocaleLowerCase('da-DK');
		if (seen.has(folded)) continue;
		if (!isValidJobAreaTag(tag))
			throw new BoardError(
				'invalid',
				`a job area is longer than ${LIMITS.jobAreaTag} or has a line break`
			);
		seen.add(folded);
		kept.push(tag);
	}
	if (kept.length > LIMITS.jobAreaTags)
		throw new BoardError('invalid', `more than ${LIMITS.jobAreaTags} job areas`);
	return kept.join('\n');
}

/** Checks the given opening fields and returns them as stored values (same keys). */
function checkOpeningInput(input: Partial<OpeningInput>): StoredFields {
	const out: StoredFields = {};
	if (input.companyId !== undefined) {
		if (!isValidId(input.companyId)) throw new BoardError('invalid', 'companyId is not a valid id');
		out.companyId = input.companyId;
	}
	if (input.companyName !== undefined)
		out.companyName = checkText(input.companyName, LIMITS.companyName, 'companyName');
	if (input.position !== undefined)
		out.position = checkText(input.position, LIMITS.position, 'position');
	if (input.jobType !== undefined) out.jobType = checkOneOf(JOB_TYPES, input.jobType, 'jobType');
	if (input.hoursPerWeek !== undefined) {
		if (input.hoursPerWeek !== null && !isValidHoursPerWeek(input.hoursPerWeek))
			throw new BoardError(
				'invalid',
				`hoursPerWeek must be 0-${LIMITS.hoursPerWeek} with at most one decimal`
			);
		out.hoursPerWeek = input.hoursPerWeek;
	}
	if (input.positions !== undefined) {
		if (!isValidPositions(input.positions))
			throw new BoardError('invalid', `positions must be a whole number 1-${LIMITS.positions}`);
		out.positions = input.positions;
	}
	if (input.deadline !== undefined) {
		if (!isValidDueDate(input.deadline))
			throw new BoardError('invalid', 'deadline must be a date as YYYY-MM-DD');
		out.deadline = input.deadline;
	}
	if (input.startDate !== undefined) {
		if (input.startDate !== '' && !isValidDueDate(input.startDate))
			throw new BoardError('invalid', 'startDate must be a date as YYYY-MM-DD');
		out.startDate = input.startDate;
	}
	if (input.jobAreas !== undefined) out.jobAreas = checkJobAreas(input.jobAreas);
	if (input.requirements !== undefined)
		out.requirements = checkText(input.requirements, LIMITS.requirements, 'requirements', false);
	if (input.source !== undefined) out.source = checkOneOf(OPENING_SOURCES, input.source, 'source');
	return out;
}

/** An opening view as stored values: for restoring a deleted opening. */
function storedOpening(opening: OpeningFields): StoredFields {
	const stored: StoredFields = {
		...checkOpeningInput(opening),
		outcome: opening.outcome,
		closeReason: opening.closeReason,
		closedAt: opening.closedAt
	};
	return Object.fromEntries(OPENING_KEYS.map((key) => [key, stored[key]]));
}

/** Full check of an opening from outside the doc (undo); returns a clean copy. */
function checkOpeningFields(opening: OpeningFields): OpeningFields {
	const checked = checkOpeningInput(opening);
	const outcome = checkOneOf(OPENING_OUTCOMES, opening.outcome, 'outcome');
	const closeReason = checkOneOf(CLOSE_REASONS, opening.closeReason, 'closeReason');
	const closedAt = opening.closedAt === null ? null : checkTimestamp(opening.closedAt, 'closedAt');
	return {
		companyId: checked.companyId as string,
		companyName: checked.companyName as string,
		position: checked.position as string,
		jobType: checked.jobType as JobType,
		hoursPerWeek: (checked.hoursPerWeek as number | null | undefined) ?? null,
		positions: checked.positions as number,
		deadline: checked.deadline as string,
		startDate: checked.startDate as string,
		jobAreas: (checked.jobAreas as string) === '' ? [] : (checked.jobAreas as string).split('\n'),
		requirements: checked.requirements as string,
		source: checked.source as OpeningSource,
		outcome,
		closeReason,
		closedAt
	};
}

export interface AddOpeningInput extends Omit<CardFields, 'due'>, OpeningInput {
	laneId: string;
	/** Position in the lane; defaults to last. */
	index?: number;
	createdBy: string;
	now: number;
	id?: string;
}

/** Adds an open opening card; every required opening field must be given. */
export function addOpening(doc: Y.Doc, input: AddOpeningInput, origin: unknown): string {
	const fields = checkFields({
		title: input.title,
		description: input.description,
		ownerId: input.ownerId
	});
	const opening = checkOpeningInput({
		companyId: input.companyId,
		companyName: input.companyName,
		position: input.position,
		jobType: input.jobType,
		hoursPerWeek: input.hoursPerWeek ?? null,
		positions: input.positions,
		deadline: input.deadline,
		startDate: input.startDate ?? '',
		jobAreas: input.jobAreas ?? [],
		requirements: input.requirements ?? '',
		source: input.source
	});
	for (const key of [
		'companyId',
		'companyName',
		'position',
		'jobType',
		'positions',
		'deadline',
		'source'
	])
		if (opening[key] === undefined) throw new BoardError('invalid', `${key} is missing`);
	return insertCard(
		doc,
		{
			laneId: input.laneId,
			index: input.index,
			id: input.id,
			kind: 'opening',
			fields,
			createdBy: input.createdBy,
			now: input.now,
			extra: { ...opening, outcome: '', closeReason: '' }
		},
		origin
	);
}

function requireOpening(doc: Y.Doc, cardId: string): Y.Map<FieldValue> {
	const map = requireCard(doc, cardId);
	if (!getOpening(doc, cardId)) throw new BoardError('invalid', `card ${cardId} is not an opening`);
	return map;
}

export type OpeningPatch = Partial<Omit<CardFields, 'due'> & OpeningInput>;

/** Sets only the fields that changed (card and opening fields alike) and bumps updatedAt. */
export function updateOpening(
	doc: Y.Doc,
	cardId: string,
	patch: OpeningPatch,
	now: number,
	origin: unknown
): void {
	const card = requireOpening(doc, cardId);
	const fields: StoredFields = {
		...checkFields({ title: patch.title, description: patch.description, ownerId: patch.ownerId }),
		...checkOpeningInput(patch)
	};
	checkTimestamp(now, 'now');
	doc.transact(() => {
		if (writeChanged(card, fields)) card.set('updatedAt', now);
	}, origin);
}

export interface CloseOpeningInput {
	cardId: string;
	outcome: Exclude<OpeningOutcome, ''>;
	/** Required for 'not-filled'; must be '' (or left out) for 'filled'. */
	closeReason?: CloseReason;
	now: number;
}

/**
 * Closes an opening as filled (besat) or not filled (ikke besat) and moves it to the end of the
 * first lane with the matching stage, if the board has one. Closing again with the same outcome
 * keeps the first closedAt, so time-to-fill is not reset.
 */
export function closeOpening(doc: Y.Doc, input: CloseOpeningInput, origin: unknown): void {
	const card = requireOpening(doc, input.cardId);
	const outcome = checkOneOf(['filled', 'not-filled'] as const, input.outcome, 'outcome');
	const closeReason = checkOneOf(CLOSE_REASONS, input.closeReason ?? '', 'closeReason');
	if (outcome === 'filled' && closeReason !== '')
		throw new BoardError('invalid', 'a filled opening has no close reason');
	if (outcome === 'not-filled' && closeReason === '')
		throw new BoardError('invalid', 'a not-filled opening needs a close reason');
	const now = checkTimestamp(input.now, 'now');
	const target = laneOfStage(doc, outcome);
	const plan =
		target && card.get('laneId') !== target.id
			? planInsert(cardsInLane(doc, target.id), Number.POSITIVE_INFINITY)
			: undefined;
	const keepClosedAt = card.get('outcome') === outcome && card.has('closedAt');
	doc.transact(() => {
		let changed = writeChanged(card, {
			outcome,
			closeReason,
			closedAt: keepClosedAt ? undefined : now
		});
		if (plan && target) {
			applyRekey(getCards(doc), plan.rekeyed);
			card.set('laneId', target.id);
			card.set('order', plan.key);
			changed = true;
		}
		if (changed) card.set('updatedAt', now);
	}, origin);
}

/** Opens a closed opening again; it stays in its lane (the person moves it where it belongs). */
export function reopenOpening(
	doc: Y.Doc,
	input: { cardId: string; now: number },
	origin: unknown
): void {
	const card = requireOpening(doc, input.cardId);
	const now = checkTimestamp(input.now, 'now');
	doc.transact(() => {
		if (writeChanged(card, { outcome: '', closeReason: '', closedAt: null }))
			card.set('updatedAt', now);
	}, origin);
}

// ---------------------------------------------------------------------------------------------
// Matches (kandidater)

function requireMatch(doc: Y.Doc, matchId: string): Y.Map<FieldValue> {
	const match = getMatches(doc).get(matchId);
	if (!match) throw new BoardError('not-found', `match ${matchId} not found`);
	return match;
}

function checkRequiredId(value: string, field: string): string {
	if (!isValidId(value)) throw new BoardError('invalid', `${field} is not a valid id`);
	return value;
}

function checkNotProposed(doc: Y.Doc, openingId: string, citizenId: string): void {
	if (readMatches(doc, openingId).some((m) => m.citizenId === citizenId))
		throw new BoardError('invalid', `citizen ${citizenId} is already proposed for ${openingId}`);
}

function writeMatch(doc: Y.Doc, match: Match): void {
	const map = new Y.Map<FieldValue>();
	for (const [key, value] of Object.entries(match) as [string, FieldValue][]) map.set(key, value);
	getMatches(doc).set(match.id, map);
}

export interface ProposeCandidateInput {
	openingId: string;
	/** The citizen's pseudonymous id; initials never go into the document. */
	citizenId: string;
	proposedBy: string;
	now: number;
	id?: string;
}

/**
 * Adds a match with status 'proposed'. Refuses a citizen already proposed for the opening; two
 * devices proposing the same citizen at once can still leave two matches, which both show.
 */
export function proposeCandidate(
	doc: Y.Doc,
	input: ProposeCandidateInput,
	origin: unknown
): string {
	const citizenId = checkRequiredId(input.citizenId, 'citizenId');
	const proposedBy = checkRequiredId(input.proposedBy, 'proposedBy');
	const now = checkTimestamp(input.now, 'now');
	requireOpening(doc, input.openingId);
	checkNotProposed(doc, input.openingId, citizenId);
	if (getMatches(doc).size >= LIMITS.matches) throw new BoardError('limit', 'too many matches');
	const id = checkNewId(getMatches(doc), input.id);
	doc.transact(
		() =>
			writeMatch(doc, {
				id,
				openingId: input.openingId,
				citizenId,
				status: 'proposed',
				proposedBy,
				proposedAt: now,
				updatedAt: now
			}),
		origin
	);
	return id;
}

export function setMatchStatus(
	doc: Y.Doc,
	input: { matchId: string; status: MatchStatus; now: number },
	origin: unknown
): void {
	const match = requireMatch(doc, input.matchId);
	const status = checkOneOf(MATCH_STATUSES, input.status, 'status');
	const now = checkTimestamp(input.now, 'now');
	if (match.get('status') === status) return;
	doc.transact(() => {
		match.set('status', status);
		match.set('updatedAt', now);
	}, origin);
}

/** Removes a match and returns it, so the caller can offer undo with restoreMatch. */
export function removeMatch(doc: Y.Doc, matchId: string, origin: unknown): Match {
	requireMatch(doc, matchId);
	const match = getMatch(doc, matchId);
	if (!match) throw new BoardError('invalid', `match ${matchId} is not valid`);
	doc.transact(() => getMatches(doc).delete(matchId), origin);
	return match;
}

/** Puts a removed match back, unless it (or another match of that citizen) is there again. */
export function restoreMatch(doc: Y.Doc, match: Match, origin: unknown): void {
	const restored: Match = {
		id: checkRequiredId(match.id, 'id'),
		openingId: checkRequiredId(match.openingId, 'openingId'),
		citizenId: checkRequiredId(match.citizenId, 'citizenId'),
		status: checkOneOf(MATCH_STATUSES, match.status, 'status'),
		proposedBy: checkRequiredId(match.proposedBy, 'proposedBy'),
		proposedAt: checkTimestamp(match.proposedAt, 'proposedAt'),
		updatedAt: checkTimestamp(match.updatedAt, 'updatedAt')
	};
	if (getMatches(doc).has(restored.id))
		throw new BoardError('invalid', `match ${restored.id} exists`);
	requireOpening(doc, restored.openingId);
	checkNotProposed(doc, restored.openingId, restored.citizenId);
	if (getMatches(doc).size >= LIMITS.matches) throw new BoardError('limit', 'too many matches');
	doc.transact(() => writeMatch(doc, restored), origin);
}
