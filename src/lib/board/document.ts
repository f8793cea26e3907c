import * as Y from 'yjs';
import { compareOrdered } from './order';
import { readCard, readLane, readMatch, ROOT_KEYS } from './schema';
import type { Card, Lane, LaneStage, Match } from './types';

/**
 * The board document's roots and plain readers: the only code that knows the Y.Doc's keys.
 * Operations build on these (model.ts for lanes and cards, openings.ts for openings and
 * matches); nothing here writes.
 */

export type FieldValue = string | number;

export class BoardError extends Error {
	constructor(
		readonly code: 'not-found' | 'lane-not-empty' | 'invalid' | 'limit',
		message: string
	) {
		super(message);
		this.name = 'BoardError';
	}
}

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

/** The stage the lane stands for, or null (no such lane, or a lane without a stage). */
export function stageOfLane(doc: Y.Doc, laneId: string): LaneStage | null {
	const value = getLanes(doc).get(laneId);
	if (value === undefined) return null;
	const lane = readLane(laneId, value);
	return lane.ok ? (lane.value.stage ?? null) : null;
}

/** The first lane (in board order) that stands for `stage`, if any. */
export function laneOfStage(doc: Y.Doc, stage: LaneStage): Lane | undefined {
	return listLanes(doc).find((l) => l.stage === stage);
}

export interface CardFields {
	title: string;
	description?: string;
	ownerId?: string;
	due?: string;
}
