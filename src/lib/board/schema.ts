import * as Y from 'yjs';
import { isValidId } from './ids';
import { isValidOrderKey } from './order';
import { checkServerData, SERVER_ROOT } from './server-data';
import {
	ACTION_STATUSES,
	CARD_KINDS,
	CLOSE_REASONS,
	JOB_TYPES,
	LANE_STAGES,
	LIMITS,
	MATCH_STATUSES,
	OPENING_OUTCOMES,
	OPENING_SOURCES,
	SCHEMA_VERSION,
	TIME_TAGS,
	type ActionFields,
	type Card,
	type Lane,
	type LaneStage,
	type Match,
	type OpeningFields
} from './types';

/**
 * The schema check: turns the Y.Maps of a board into checked plain objects or an error.
 * The server runs it on every incoming update before accepting it; the client's reader uses the
 * same functions and skips what does not pass, so an invalid entry can never reach a component.
 * Referential integrity (a card's lane exists, a match's opening exists) is deliberately not
 * checked: a lane deleted while someone moves a card into it is a legitimate race, and such cards
 * are shown as orphans. For the same reason no rule spans two fields that separate operations
 * write (an opening's outcome and closedAt, two matches of one citizen): concurrent edits merge
 * field by field, and no legitimate interleaving may produce a board the server refuses.
 */

export const ROOT_KEYS = {
	meta: 'meta',
	lanes: 'lanes',
	cards: 'cards',
	matches: 'matches',
	/** Server-authored data (server-data.ts); clients may read it, never write it. */
	server: SERVER_ROOT
} as const;
const ALLOWED_ROOTS = new Set<string>(Object.values(ROOT_KEYS));

type Result<T> = { ok: true; value: T } | { ok: false; reason: string };

const LANE_FIELDS = new Set(['id', 'title', 'order', 'stage']);
/** Keys only an opening card may carry; a card of another kind with one of them is refused. */
export const OPENING_KEYS = [
	'companyId',
	'companyName',
	'position',
	'jobType',
	'hoursPerWeek',
	'positions',
	'deadline',
	'startDate',
	'jobAreas',
	'requirements',
	'source',
	'outcome',
	'closeReason',
	'closedAt'
] as const satisfies readonly (keyof OpeningFields)[];
const OPENING_KEY_SET = new Set<string>(OPENING_KEYS);
/** Keys only an action card may carry; a card of another kind with one of them is refused. */
export const ACTION_KEYS = [
	'followUp',
	'status',
	'dropReason',
	'doneAt',
	'openingId',
	'citizenId',
	'timeTag'
] as const satisfies readonly (keyof ActionFields)[];
const ACTION_KEY_SET = new Set<string>(ACTION_KEYS);
const MATCH_FIELDS = new Set([
	'id',
	'openingId',
	'citizenId',
	'status',
	'proposedBy',
	'proposedAt',
	'updatedAt'
]);
const CARD_FIELDS = new Set([
	'id',
	'kind',
	'laneId',
	'order',
	'title',
	'description',
	'ownerId',
	'due',
	'createdAt',
	'createdBy',
	'updatedAt',
	...OPENING_KEYS,
	...ACTION_KEYS
]);
const DATE_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** A calendar date as YYYY-MM-DD; the model and the schema check share it so they never disagree. */
export function isValidDueDate(value: unknown): value is string {
	if (typeof value !== 'string') return false;
	const match = DATE_PATTERN.exec(value);
	if (!match) return false;
	const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
	// Date.UTC rolls 2026-02-31 over into March, which is how an impossible day shows.
	return new Date(Date.UTC(year, month - 1, day)).getUTCDate() === day;
}

/** Keys of a crafted update can be huge; reasons end up in logs and socket close frames. */
function short(key: string): string {
	return key.slice(0, 40);
}

function fail<T>(reason: string): Result<T> {
	return { ok: false, reason };
}

/** Map-typed Yjs values must not carry list content: a crafted update could hide data there. */
function hasListContent(type: { _start: Y.Item | null }): boolean {
	for (let item = type._start; item !== null; item = item.right) {
		if (!item.deleted) return true;
	}
	return false;
}

function unknownKey(map: Y.Map<unknown>, allowed: Set<string>): string | undefined {
	for (const key of map.keys()) if (!allowed.has(key)) return key;
	return undefined;
}

function text(value: unknown, max: number, required: boolean): value is string {
	return typeof value === 'string' && value.length <= max && (!required || value.trim().length > 0);
}

function oneOf<T extends string>(values: readonly T[], value: unknown): value is T {
	return typeof value === 'string' && (values as readonly string[]).includes(value);
}

/** Hours per week: 0-80 with at most one decimal (37.5), so every device shows the same number. */
export function isValidHoursPerWeek(value: unknown): value is number {
	return (
		typeof value === 'number' &&
		Number.isFinite(value) &&
		value >= 0 &&
		value <= LIMITS.hoursPerWeek &&
		Math.round(value * 10) / 10 === value
	);
}

export function isValidPositions(value: unknown): value is number {
	return (
		typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= LIMITS.positions
	);
}

/** One job-area tag: trimmed, 1-40 characters, no line break (tags are stored joined by '\n'). */
export function isValidJobAreaTag(value: unknown): value is string {
	return (
		typeof value === 'string' &&
		value.length >= 1 &&
		value.length <= LIMITS.jobAreaTag &&
		value === value.trim() &&
		!/[\r\n]/.test(value)
	);
}

/** The stored form of job-area tags: '' for none, else the tags joined by '\n'. */
export function parseJobAreas(value: unknown): string[] | undefined {
	if (typeof value !== 'string') return undefined;
	if (value === '') return [];
	const tags = value.split('\n');
	if (tags.length > LIMITS.jobAreaTags || !tags.every(isValidJobAreaTag)) return undefined;
	return tags;
}

export function readLane(key: string, value: unknown): Result<Lane> {
	if (!(value instanceof Y.Map) || hasListContent(value))
		return fail(`lane ${short(key)}: not a map`);
	const extra = unknownKey(value, LANE_FIELDS);
	if (extra !== undefined) return fail(`lane ${short(key)}: unknown field "${short(extra)}"`);
	const id = value.get('id');
	const title = value.get('title');
	const order = value.get('order');
	const stage = value.get('stage');
	if (!isValidId(key) || id !== key) return fail(`lane ${short(key)}: bad id`);
	if (!text(title, LIMITS.laneTitle, true)) return fail(`lane ${key}: bad title`);
	if (!isValidOrderKey(order)) return fail(`lane ${key}: bad order key`);
	if (value.has('stage') && !oneOf<LaneStage>(LANE_STAGES, stage))
		return fail(`lane ${key}: bad stage`);
	const lane: Lane = { id, title, order };
	if (stage !== undefined) lane.stage = stage;
	return { ok: true, value: lane };
}

export function readCard(key: string, value: unknown): Result<Card> {
	if (!(value instanceof Y.Map) || hasListContent(value))
		return fail(`card ${short(key)}: not a map`);
	const extra = unknownKey(value, CARD_FIELDS);
	if (extra !== undefined) return fail(`card ${short(key)}: unknown field "${short(extra)}"`);
	const f = (name: string): unknown => value.get(name);
	// An absent optional field reads as its default; a present one must have the right type (null too is refused).
	const optional = (name: string, fallback: unknown): unknown =>
		value.has(name) ? value.get(name) : fallback;
	const id = f('id');
	const kind = f('kind');
	const laneId = f('laneId');
	const order = f('order');
	const title = f('title');
	const description = optional('description', '');
	const ownerId = optional('ownerId', '');
	const due = optional('due', '');
	const createdAt = f('createdAt');
	const createdBy = optional('createdBy', '');
	const updatedAt = optional('updatedAt', createdAt);
	if (!isValidId(key) || id !== key) return fail(`card ${short(key)}: bad id`);
	if (!CARD_KINDS.includes(kind as Card['kind'])) return fail(`card ${key}: unknown kind`);
	if (!isValidId(laneId)) return fail(`card ${key}: bad laneId`);
	if (!isValidOrderKey(order)) return fail(`card ${key}: bad order key`);
	if (!text(title, LIMITS.cardTitle, true)) return fail(`card ${key}: bad title`);
	if (!text(description, LIMITS.cardDescription, false))
		return fail(`card ${key}: bad description`);
	if (ownerId !== '' && !isValidId(ownerId)) return fail(`card ${key}: bad ownerId`);
	if (due !== '' && !isValidDueDate(due)) return fail(`card ${key}: bad due date`);
	if (!isTimestamp(createdAt) || !isTimestamp(updatedAt)) return fail(`card ${key}: bad timestamp`);
	if (createdBy !== '' && !isValidId(createdBy)) return fail(`card ${key}: bad createdBy`);
	const card: Card = {
		id,
		kind: kind as Card['kind'],
		laneId,
		order,
		title: title as string,
		description: description as string,
		ownerId: ownerId as string,
		due: due as string,
		createdAt,
		createdBy: createdBy as string,
		updatedAt
	};
	for (const name of value.keys()) {
		if (kind !== 'opening' && OPENING_KEY_SET.has(name))
			return fail(`card ${key}: opening field "${name}" on a ${kind}`);
		if (kind !== 'action' && ACTION_KEY_SET.has(name))
			return fail(`card ${key}: action field "${name}" on a ${kind}`);
	}
	if (kind === 'action') {
		const action = readActionFields(value);
		if (!action.ok) return fail(`card ${key}: ${action.reason}`);
		card.action = action.value;
		return { ok: true, value: card };
	}
	if (kind !== 'opening') return { ok: true, value: card };
	const opening = readOpeningFields(value);
	if (!opening.ok) return fail(`card ${key}: ${opening.reason}`);
	card.opening = opening.value;
	return { ok: true, value: card };
}

function readOpeningFields(value: Y.Map<unknown>): Result<OpeningFields> {
	const f = (name: string): unknown => value.get(name);
	const optional = (name: string, fallback: unknown): unknown =>
		value.has(name) ? value.get(name) : fallback;
	const companyId = f('companyId');
	const companyName = f('companyName');
	const position = f('position');
	const jobType = f('jobType');
	// Absent means "not given"; a present value must be valid (null too is refused).
	const hoursPerWeek = optional('hoursPerWeek', undefined);
	const positions = f('positions');
	const deadline = f('deadline');
	const startDate = optional('startDate', '');
	const jobAreas = parseJobAreas(optional('jobAreas', ''));
	const requirements = optional('requirements', '');
	const source = f('source');
	const outcome = optional('outcome', '');
	const closeReason = optional('closeReason', '');
	const closedAt = optional('closedAt', undefined);
	if (!isValidId(companyId)) return fail('bad companyId');
	if (!text(companyName, LIMITS.companyName, true)) return fail('bad companyName');
	if (!text(position, LIMITS.position, true)) return fail('bad position');
	if (!oneOf(JOB_TYPES, jobType)) return fail('unknown jobType');
	if (value.has('hoursPerWeek') && !isValidHoursPerWeek(hoursPerWeek))
		return fail('bad hoursPerWeek');
	if (!isValidPositions(positions)) return fail('bad positions');
	if (!isValidDueDate(deadline)) return fail('bad deadline');
	if (startDate !== '' && !isValidDueDate(startDate)) return fail('bad startDate');
	if (jobAreas === undefined) return fail('bad jobAreas');
	if (!text(requirements, LIMITS.requirements, false)) return fail('bad requirements');
	if (!oneOf(OPENING_SOURCES, source)) return fail('unknown source');
	if (!oneOf(OPENING_OUTCOMES, outcome)) return fail('unknown outcome');
	if (!oneOf(CLOSE_REASONS, closeReason)) return fail('unknown closeReason');
	if (value.has('closedAt') && !isTimestamp(closedAt)) return fail('bad closedAt');
	return {
		ok: true,
		value: {
			companyId,
			companyName,
			position,
			jobType,
			hoursPerWeek: isValidHoursPerWeek(hoursPerWeek) ? hoursPerWeek : null,
			positions,
			deadline,
			startDate: startDate as string,
			jobAreas,
			requirements,
			source,
			outcome,
			closeReason,
			closedAt: isTimestamp(closedAt) ? closedAt : null
		}
	};
}

/**
 * An action's own fields, each checked on its own: "a done action has doneAt" and "only a dropped
 * action has a reason" span fields that separate operations write, so the model keeps them.
 */
function readActionFields(value: Y.Map<unknown>): Result<ActionFields> {
	const optional = (name: string, fallback: unknown): unknown =>
		value.has(name) ? value.get(name) : fallback;
	const followUp = optional('followUp', '');
	const status = optional('status', 'open');
	const dropReason = optional('dropReason', '');
	const doneAt = optional('doneAt', undefined);
	const openingId = optional('openingId', '');
	const citizenId = optional('citizenId', '');
	const timeTag = optional('timeTag', '');
	if (followUp !== '' && !isValidDueDate(followUp)) return fail('bad followUp');
	if (!oneOf(ACTION_STATUSES, status)) return fail('unknown status');
	if (!text(dropReason, LIMITS.dropReason, false)) return fail('bad dropReason');
	if (value.has('doneAt') && !isTimestamp(doneAt)) return fail('bad doneAt');
	if (openingId !== '' && !isValidId(openingId)) return fail('bad openingId');
	if (citizenId !== '' && !isValidId(citizenId)) return fail('bad citizenId');
	if (!oneOf(TIME_TAGS, timeTag)) return fail('unknown timeTag');
	return {
		ok: true,
		value: {
			followUp: followUp as string,
			status,
			dropReason,
			doneAt: isTimestamp(doneAt) ? doneAt : null,
			openingId: openingId as string,
			citizenId: citizenId as string,
			timeTag
		}
	};
}

export function readMatch(key: string, value: unknown): Result<Match> {
	if (!(value instanceof Y.Map) || hasListContent(value))
		return fail(`match ${short(key)}: not a map`);
	const extra = unknownKey(value, MATCH_FIELDS);
	if (extra !== undefined) return fail(`match ${short(key)}: unknown field "${short(extra)}"`);
	const id = value.get('id');
	const openingId = value.get('openingId');
	const citizenId = value.get('citizenId');
	const status = value.get('status');
	const proposedBy = value.get('proposedBy');
	const proposedAt = value.get('proposedAt');
	const updatedAt = value.has('updatedAt') ? value.get('updatedAt') : proposedAt;
	if (!isValidId(key) || id !== key) return fail(`match ${short(key)}: bad id`);
	if (!isValidId(openingId)) return fail(`match ${key}: bad openingId`);
	if (!isValidId(citizenId)) return fail(`match ${key}: bad citizenId`);
	if (!oneOf(MATCH_STATUSES, status)) return fail(`match ${key}: unknown status`);
	if (!isValidId(proposedBy)) return fail(`match ${key}: bad proposedBy`);
	if (!isTimestamp(proposedAt) || !isTimestamp(updatedAt))
		return fail(`match ${key}: bad timestamp`);
	return {
		ok: true,
		value: { id, openingId, citizenId, status, proposedBy, proposedAt, updatedAt }
	};
}

function isTimestamp(value: unknown): value is number {
	return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < 1e14;
}

/** Checks the whole document. Returns the first problem found, phrased for a log or a close reason. */
export function checkBoard(doc: Y.Doc): { ok: true } | { ok: false; reason: string } {
	for (const [key, type] of doc.share) {
		if (!ALLOWED_ROOTS.has(key)) return { ok: false, reason: `unknown root "${short(key)}"` };
		if (type instanceof Y.Array || type instanceof Y.Text || type instanceof Y.XmlFragment)
			return { ok: false, reason: `root ${key} has the wrong type` };
		if (hasListContent(type)) return { ok: false, reason: `root ${key} has list content` };
	}
	let meta: Y.Map<unknown>,
		lanes: Y.Map<unknown>,
		cards: Y.Map<unknown>,
		matches: Y.Map<unknown>,
		server: Y.Map<unknown>;
	try {
		meta = doc.getMap(ROOT_KEYS.meta);
		lanes = doc.getMap(ROOT_KEYS.lanes);
		cards = doc.getMap(ROOT_KEYS.cards);
		matches = doc.getMap(ROOT_KEYS.matches);
		server = doc.getMap(ROOT_KEYS.server);
	} catch {
		return { ok: false, reason: 'a root has the wrong type' };
	}
	for (const key of meta.keys()) {
		if (key !== 'schemaVersion')
			return { ok: false, reason: `meta: unknown field "${short(key)}"` };
	}
	const version = meta.get('schemaVersion');
	if (version !== undefined && version !== SCHEMA_VERSION)
		return { ok: false, reason: 'meta: unsupported schemaVersion' };
	if (lanes.size > LIMITS.lanes) return { ok: false, reason: `more than ${LIMITS.lanes} lanes` };
	if (cards.size > LIMITS.cards) return { ok: false, reason: `more than ${LIMITS.cards} cards` };
	if (matches.size > LIMITS.matches)
		return { ok: false, reason: `more than ${LIMITS.matches} matches` };
	for (const [key, value] of lanes) {
		const lane = readLane(key, value);
		if (!lane.ok) return lane;
	}
	for (const [key, value] of cards) {
		const card = readCard(key, value);
		if (!card.ok) return card;
	}
	for (const [key, value] of matches) {
		const match = readMatch(key, value);
		if (!match.ok) return match;
	}
	return checkServerData(server);
}
