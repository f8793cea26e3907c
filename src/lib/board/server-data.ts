import * as v from 'valibot';
import * as Y from 'yjs';
import type { ForecastSummary } from '../forecast/summary';
import { meetingStateSchema, type MeetingState } from '../meeting/state';

/**
 * Server-authored data on the board: figures the server computes (the team's forecast summary)
 * and the running meeting (src/lib/meeting/state.ts), which the server writes into the board document, so every screen on the board sees them change live. Lives
 * in its own root, `server`, as JSON text per key. Clients read it and never write it: the sync
 * room refuses any client update that touches this root (server/sync/room.ts), and the schema
 * check below keeps what the server writes well-formed.
 */

export const SERVER_ROOT = 'server';

export const SERVER_KEYS = { forecast: 'forecast', meeting: 'meeting' } as const;
export type ServerKey = (typeof SERVER_KEYS)[keyof typeof SERVER_KEYS];
const KNOWN_KEYS = new Set<string>(Object.values(SERVER_KEYS));

/** Far above a summary of a few dozen target groups or a meeting; keeps the root from becoming a dump. */
export const SERVER_VALUE_MAX_CHARS = 64 * 1024;

const count = v.pipe(v.number(), v.integer(), v.minValue(0));
const row = { now: count, in4Weeks: count, in13Weeks: count };
const forecastSummarySchema = v.strictObject({
	today: v.pipe(v.string(), v.isoDate()),
	groups: v.pipe(
		v.array(v.strictObject({ targetGroup: v.pipe(v.string(), v.maxLength(40)), ...row })),
		v.maxLength(200)
	),
	total: v.strictObject(row),
	stepsOverdue: count,
	sparringCount: count
});

export function getServerData(doc: Y.Doc): Y.Map<unknown> {
	return doc.getMap(SERVER_ROOT);
}

function parseJson(text: unknown): unknown {
	if (typeof text !== 'string' || text.length > SERVER_VALUE_MAX_CHARS) return undefined;
	try {
		return JSON.parse(text);
	} catch {
		return undefined;
	}
}

/** The forecast summary from a stored value, or null when there is none or it does not parse. */
export function parseForecastSummary(value: unknown): ForecastSummary | null {
	const parsed = v.safeParse(forecastSummarySchema, parseJson(value));
	return parsed.success ? parsed.output : null;
}

export function readForecastSummary(doc: Y.Doc): ForecastSummary | null {
	return parseForecastSummary(getServerData(doc).get(SERVER_KEYS.forecast));
}

/** The running meeting from a stored value, or null when none runs or it does not parse. */
export function parseMeetingState(value: unknown): MeetingState | null {
	const parsed = v.safeParse(meetingStateSchema, parseJson(value));
	return parsed.success ? parsed.output : null;
}

export function readMeetingState(doc: Y.Doc): MeetingState | null {
	return parseMeetingState(getServerData(doc).get(SERVER_KEYS.meeting));
}

/** Part of the schema check: only known keys, each holding a value its reader accepts. */
export function checkServerData(map: Y.Map<unknown>): { ok: true } | { ok: false; reason: string } {
	for (const [key, value] of map) {
		if (!KNOWN_KEYS.has(key)) return { ok: false, reason: 'server: unknown field' };
		if (key === SERVER_KEYS.forecast && parseForecastSummary(value) === null)
			return { ok: false, reason: 'server: invalid forecast summary' };
		if (key === SERVER_KEYS.meeting && parseMeetingState(value) === null)
			return { ok: false, reason: 'server: invalid meeting' };
	}
	return { ok: true };
}

/**
 * Writes the value, or removes the key for null, unless the document already holds exactly that
 * (so an unchanged summary adds nothing to the update log). Returns whether it wrote.
 * Server-side only.
 */
export function writeServerValue(
	doc: Y.Doc,
	key: ServerKey,
	value: unknown,
	origin: unknown
): boolean {
	const map = getServerData(doc);
	if (value === null) {
		if (!map.has(key)) return false;
		doc.transact(() => map.delete(key), origin);
		return true;
	}
	const text = JSON.stringify(value);
	if (map.get(key) === text) return false;
	doc.transact(() => map.set(key, text), origin);
	return true;
}
