import * as v from 'valibot';
import { agendaItemEntries, type AgendaItem } from './agenda';

/**
 * The running meeting as every screen on the board sees it: the server writes this into the board
 * document (server-data.ts, key `meeting`) whenever it changes, so the TV, the facilitator's phone
 * and every laptop follow the same item, timer, focus card and attendance. Times are the server's
 * clock in epoch ms; a device corrects for its own clock with clock.ts.
 */

export interface MeetingItemState extends AgendaItem {
	/** Time spent on earlier visits to this item. */
	spentMs: number;
	/** When the item became current; null unless it is the current item. */
	enteredAt: number | null;
}

export interface MeetingAttendeeState {
	userId: string;
	/** Staff names only: the meeting's participants, never citizens. */
	name: string;
	present: boolean;
	/** 'connected': seen on the board; 'manual': corrected by a person. */
	source: 'connected' | 'manual';
}

export interface MeetingDecisionState {
	id: string;
	text: string;
	at: number;
}

export interface MeetingFollowUpState {
	actionId: string;
	/** The action's due date when the meeting started: a different one now means "moved". */
	dueAtStart: string;
}

export interface MeetingState {
	id: string;
	startedAt: number;
	/** "New since the last meeting" starts here: the previous meeting's start, or 7 days back. */
	since: number;
	facilitatorId: string;
	facilitatorName: string;
	current: number;
	items: MeetingItemState[];
	/** The card being discussed, highlighted on every screen. */
	focusCardId: string | null;
	attendees: MeetingAttendeeState[];
	/** The actions due since the last meeting, to mark done, moved or dropped, with their due date then. */
	followUp: MeetingFollowUpState[];
	decisions: MeetingDecisionState[];
}

/** The first meeting of a board looks back this far for follow-ups and news. */
export const FIRST_MEETING_LOOKBACK_MS = 7 * 86_400_000;

export const MEETING_LIMITS = {
	decision: 300,
	decisions: 50,
	attendees: 200,
	followUp: 500
} as const;

const time = v.pipe(v.number(), v.integer(), v.minValue(0));
const id = v.pipe(v.string(), v.minLength(1), v.maxLength(60));
const name = v.pipe(v.string(), v.maxLength(120));

const clock = { spentMs: time, enteredAt: v.nullable(time) };
const itemSchema = v.variant('kind', [
	v.strictObject({ ...agendaItemEntries.standard, ...clock }),
	v.strictObject({ ...agendaItemEntries.custom, ...clock })
]);

export const meetingStateSchema = v.pipe(
	v.strictObject({
		id,
		startedAt: time,
		since: time,
		facilitatorId: id,
		facilitatorName: name,
		current: v.pipe(v.number(), v.integer(), v.minValue(0)),
		items: v.pipe(v.array(itemSchema), v.minLength(1), v.maxLength(8)),
		focusCardId: v.nullable(id),
		attendees: v.pipe(
			v.array(
				v.strictObject({
					userId: id,
					name,
					present: v.boolean(),
					source: v.picklist(['connected', 'manual'])
				})
			),
			v.maxLength(MEETING_LIMITS.attendees)
		),
		followUp: v.pipe(
			v.array(v.strictObject({ actionId: id, dueAtStart: v.pipe(v.string(), v.isoDate()) })),
			v.maxLength(MEETING_LIMITS.followUp)
		),
		decisions: v.pipe(
			v.array(
				v.strictObject({
					id,
					text: v.pipe(v.string(), v.maxLength(MEETING_LIMITS.decision)),
					at: time
				})
			),
			v.maxLength(MEETING_LIMITS.decisions)
		)
	}),
	v.check((m) => m.current < m.items.length, 'current item out of range')
);

/** Time spent on an item so far, counting the running visit. */
export function itemElapsedMs(
	item: Pick<MeetingItemState, 'spentMs' | 'enteredAt'>,
	now: number
): number {
	return item.spentMs + (item.enteredAt === null ? 0 : Math.max(0, now - item.enteredAt));
}

/** Milliseconds over the item's planned time (0 while within it). */
export function itemOverMs(item: MeetingItemState, now: number): number {
	return Math.max(0, itemElapsedMs(item, now) - item.minutes * 60_000);
}

/**
 * Makes item `to` current at `now`: the leaving item keeps the time of this visit. Going back to
 * an earlier item continues its clock. Returns the items unchanged when `to` is already current.
 */
export function moveToItem<T extends MeetingItemState>(
	items: readonly T[],
	current: number,
	to: number,
	now: number
): T[] {
	if (to < 0 || to >= items.length) throw new RangeError(`no agenda item ${to}`);
	if (to === current) return [...items];
	return items.map((item, i) => {
		if (i === current) return { ...item, spentMs: itemElapsedMs(item, now), enteredAt: null };
		if (i === to) return { ...item, enteredAt: now };
		return item;
	});
}

/** Stops the clock of the current item (the meeting ended). */
export function stopItems<T extends MeetingItemState>(items: readonly T[], now: number): T[] {
	return items.map((item) =>
		item.enteredAt === null ? item : { ...item, spentMs: itemElapsedMs(item, now), enteredAt: null }
	);
}

/** "2:05" for 125 s, "12:00" for 720 s; whole seconds, rounded down. */
export function formatClock(ms: number): string {
	const seconds = Math.floor(Math.max(0, ms) / 1000);
	return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}
