import * as Y from 'yjs';
import {
	checkFields,
	checkOptionalId,
	checkText,
	checkTimestamp,
	insertCard,
	requireCard,
	writeChanged,
	type FieldValue,
	type StoredFields
} from './checks';
import { BoardError, getCard } from './document';
import { isValidId } from './ids';
import { getOpening } from './openings';
import { ACTION_KEYS, isValidDueDate } from './schema';
import {
	ACTION_STATUSES,
	LIMITS,
	TIME_TAGS,
	type ActionCard,
	type ActionFields,
	type ActionStatus,
	type TimeTag
} from './types';

/**
 * Action (handling) operations: an action has one owner, a due date (the card's `due`) and a
 * follow-up date, and is marked done, moved to new dates, dropped with a reason or reopened.
 * Rules that span fields (done ⇒ doneAt, dropped ⇒ reason) are kept here, never by the schema
 * check, because a completion on one device and a reopen on another merge field by field.
 */

function checkDate(value: string, field: string): string {
	if (!isValidDueDate(value))
		throw new BoardError('invalid', `${field} must be a date as YYYY-MM-DD`);
	return value;
}

function checkTimeTag(value: string): TimeTag {
	if (!(TIME_TAGS as readonly string[]).includes(value))
		throw new BoardError('invalid', `timeTag is not one of ${TIME_TAGS.join(', ')}`);
	return value as TimeTag;
}

function checkStatus(value: string): ActionStatus {
	if (!(ACTION_STATUSES as readonly string[]).includes(value))
		throw new BoardError('invalid', `status is not one of ${ACTION_STATUSES.join(', ')}`);
	return value as ActionStatus;
}

/** An opening link must name an opening this device can see; '' clears it. */
function checkOpeningLink(doc: Y.Doc, openingId: string): string {
	if (openingId === '') return '';
	if (!isValidId(openingId) || !getOpening(doc, openingId))
		throw new BoardError('invalid', `opening ${openingId.slice(0, 40)} is not on the board`);
	return openingId;
}

export interface AddActionInput {
	laneId: string;
	title: string;
	description?: string;
	/** Exactly one owner (ansvarlig): a user id, required. */
	ownerId: string;
	/** Frist, YYYY-MM-DD. */
	due: string;
	/** Opfølgningsdato, YYYY-MM-DD. */
	followUp: string;
	openingId?: string;
	/** Pseudonymous citizen id; never initials. */
	citizenId?: string;
	timeTag?: TimeTag;
	/** Position in the lane; defaults to last. */
	index?: number;
	createdBy: string;
	now: number;
	id?: string;
}

/** What a person enters for a new action; who and when are added by the session. */
export type ActionInput = Omit<AddActionInput, 'laneId' | 'index' | 'createdBy' | 'now' | 'id'>;

/** Adds an open action card; owner, due date and follow-up date are required. */
export function addAction(doc: Y.Doc, input: AddActionInput, origin: unknown): string {
	if (!isValidId(input.ownerId)) throw new BoardError('invalid', 'ownerId is missing or not valid');
	const fields = checkFields({
		title: input.title,
		description: input.description ?? '',
		ownerId: input.ownerId,
		due: checkDate(input.due, 'due')
	});
	const extra: StoredFields = {
		followUp: checkDate(input.followUp, 'followUp'),
		status: 'open',
		dropReason: '',
		openingId: checkOpeningLink(doc, input.openingId ?? ''),
		citizenId: checkOptionalId(input.citizenId ?? '', 'citizenId'),
		timeTag: checkTimeTag(input.timeTag ?? '')
	};
	return insertCard(
		doc,
		{
			laneId: input.laneId,
			index: input.index,
			id: input.id,
			kind: 'action',
			fields,
			createdBy: input.createdBy,
			now: input.now,
			extra
		},
		origin
	);
}

export function getAction(doc: Y.Doc, cardId: string): ActionCard | undefined {
	const card = getCard(doc, cardId);
	return card?.kind === 'action' && card.action ? (card as ActionCard) : undefined;
}

function requireAction(doc: Y.Doc, cardId: string): Y.Map<FieldValue> {
	const map = requireCard(doc, cardId);
	if (!getAction(doc, cardId)) throw new BoardError('invalid', `card ${cardId} is not an action`);
	return map;
}

function write(
	doc: Y.Doc,
	card: Y.Map<FieldValue>,
	fields: StoredFields,
	now: number,
	origin: unknown
) {
	doc.transact(() => {
		if (writeChanged(card, fields)) card.set('updatedAt', now);
	}, origin);
}

/** "Udført": done now; done again keeps the first doneAt, so the week it counts in stays put. */
export function completeAction(
	doc: Y.Doc,
	input: { cardId: string; now: number },
	origin: unknown
): void {
	const card = requireAction(doc, input.cardId);
	const now = checkTimestamp(input.now, 'now');
	const keepDoneAt = card.get('status') === 'done' && card.has('doneAt');
	write(
		doc,
		card,
		{ status: 'done', dropReason: '', doneAt: keepDoneAt ? undefined : now },
		now,
		origin
	);
}

export interface MoveActionInput {
	cardId: string;
	/** The new frist, YYYY-MM-DD. */
	due: string;
	/** The new follow-up date; left as it is when not given. */
	followUp?: string;
	now: number;
}

/** "Flyt": new dates for an open action. */
export function moveAction(doc: Y.Doc, input: MoveActionInput, origin: unknown): void {
	const card = requireAction(doc, input.cardId);
	if (getAction(doc, input.cardId)?.action.status !== 'open')
		throw new BoardError('invalid', 'only an open action can be moved');
	const due = checkDate(input.due, 'due');
	const followUp = input.followUp === undefined ? undefined : checkDate(input.followUp, 'followUp');
	const now = checkTimestamp(input.now, 'now');
	write(doc, card, { due, followUp }, now, origin);
}

/** "Drop": the action will not be done, and why (required, at most 200 characters). */
export function dropAction(
	doc: Y.Doc,
	input: { cardId: string; reason: string; now: number },
	origin: unknown
): void {
	const card = requireAction(doc, input.cardId);
	const reason = checkText(input.reason, LIMITS.dropReason, 'reason');
	const now = checkTimestamp(input.now, 'now');
	write(doc, card, { status: 'dropped', dropReason: reason, doneAt: null }, now, origin);
}

/** "Genåbn": open again; the dates stay, the reason and doneAt go. */
export function reopenAction(
	doc: Y.Doc,
	input: { cardId: string; now: number },
	origin: unknown
): void {
	const card = requireAction(doc, input.cardId);
	const now = checkTimestamp(input.now, 'now');
	write(doc, card, { status: 'open', dropReason: '', doneAt: null }, now, origin);
}

/**
 * Links a citizen to the action by pseudonymous id, or clears the link with ''. Initials never
 * enter the document: devices that may show them look them up in the audited candidates list.
 */
export function linkActionCitizen(
	doc: Y.Doc,
	input: { cardId: string; citizenId: string; now: number },
	origin: unknown
): void {
	const card = requireAction(doc, input.cardId);
	const citizenId = checkOptionalId(input.citizenId, 'citizenId');
	const now = checkTimestamp(input.now, 'now');
	write(doc, card, { citizenId }, now, origin);
}

/** An action view as stored values: for restoring a deleted action card. */
export function storedAction(action: ActionFields): StoredFields {
	const checked = checkActionFields(action);
	const stored: StoredFields = { ...checked, doneAt: checked.doneAt };
	return Object.fromEntries(ACTION_KEYS.map((key) => [key, stored[key]]));
}

/** Full check of an action from outside the doc (undo); returns a clean copy. */
export function checkActionFields(action: ActionFields): ActionFields {
	if (action.followUp !== '') checkDate(action.followUp, 'followUp');
	return {
		followUp: action.followUp,
		status: checkStatus(action.status),
		dropReason: checkText(action.dropReason, LIMITS.dropReason, 'dropReason', false),
		doneAt: action.doneAt === null ? null : checkTimestamp(action.doneAt, 'doneAt'),
		openingId: checkOptionalId(action.openingId, 'openingId'),
		citizenId: checkOptionalId(action.citizenId, 'citizenId'),
		timeTag: checkTimeTag(action.timeTag)
	};
}
