import * as Y from 'yjs';
import {
	applyRekey,
	cardsInLane,
	checkFields,
	checkNewId,
	checkText,
	checkTimestamp,
	insertCard,
	requireCard,
	writeChanged,
	type FieldValue,
	type StoredFields
} from './checks';
import { isValidId } from './ids';
import {
	BoardError,
	getCard,
	getCards,
	getMatch,
	getMatches,
	laneOfStage,
	readMatches,
	stageOfLane,
	type CardFields
} from './document';
import { planInsert } from './order';
import {
	isValidDueDate,
	isValidHoursPerWeek,
	isValidJobAreaTag,
	isValidPositions,
	OPENING_KEYS
} from './schema';
import {
	CLOSE_REASONS,
	JOB_TYPES,
	LIMITS,
	MATCH_STATUSES,
	OPENING_OUTCOMES,
	OPENING_SOURCES,
	type CloseReason,
	type JobType,
	type LaneStage,
	type Match,
	type MatchStatus,
	type OpeningCard,
	type OpeningFields,
	type OpeningOutcome,
	type OpeningSource
} from './types';

/**
 * Opening (jobåbning) and match (kandidat) operations. model.ts re-exports the public ones, and
 * its restoreCard uses storedOpening/checkOpeningFields; all cross-module uses happen at call
 * time, so the import cycle with model.ts is harmless.
 */

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
export function storedOpening(opening: OpeningFields): StoredFields {
	const stored: StoredFields = {
		...checkOpeningInput(opening),
		outcome: opening.outcome,
		closeReason: opening.closeReason,
		closedAt: opening.closedAt
	};
	return Object.fromEntries(OPENING_KEYS.map((key) => [key, stored[key]]));
}

/** Full check of an opening from outside the doc (undo); returns a clean copy. */
export function checkOpeningFields(opening: OpeningFields): OpeningFields {
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

export function getOpening(doc: Y.Doc, cardId: string): OpeningCard | undefined {
	const card = getCard(doc, cardId);
	return card?.kind === 'opening' && card.opening ? (card as OpeningCard) : undefined;
}

/** The stage of the lane an opening is in; null for an orphan or a lane without a stage. */
export function openingStage(doc: Y.Doc, cardId: string): LaneStage | null {
	const card = getOpening(doc, cardId);
	return card ? stageOfLane(doc, card.laneId) : null;
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
