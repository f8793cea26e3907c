import type { Db } from '../db/connect';
import type { MeetingMinutes } from '../../meeting/minutes';
import { selectActiveMeeting, selectEndedMeetings, type MeetingRow } from './meeting.repository';

/**
 * Reads a board's past meetings for their minutes (issue 5 point 5). An ended meeting is read
 * from the minutes stored when it ended, never recomposed: the record says what the meeting saw,
 * whatever happened on the board since.
 */

/** One row of the board's meeting list. */
export interface MeetingListEntry {
	id: string;
	/** Calendar date in Copenhagen, YYYY-MM-DD. */
	date: string;
	startedAt: number;
	endedAt: number;
	facilitatorName: string;
	present: number;
	newActions: number;
	decisions: number;
	endedAutomatically: boolean;
}

export interface RunningMeetingEntry {
	id: string;
	startedAt: number;
	facilitatorName: string;
}

export interface BoardMeetings {
	running: RunningMeetingEntry | null;
	/** Newest first. */
	ended: MeetingListEntry[];
}

export type MeetingMinutesLookup =
	| { state: 'ended'; minutes: MeetingMinutes }
	| { state: 'running'; startedAt: number; facilitatorName: string };

/**
 * The minutes stored with an ended meeting. They are written in the transaction that ends the
 * meeting, so a missing or unreadable record is a broken invariant and throws.
 */
export function readStoredMinutes(row: Pick<MeetingRow, 'id' | 'minutes_json'>): MeetingMinutes {
	const parsed: unknown = row.minutes_json === null ? null : JSON.parse(row.minutes_json);
	if (!isMinutes(parsed)) throw new Error(`meeting ${row.id} has no readable minutes`);
	return parsed;
}

function isMinutes(value: unknown): value is MeetingMinutes {
	if (typeof value !== 'object' || value === null) return false;
	const minutes = value as Partial<Record<keyof MeetingMinutes, unknown>>;
	return (
		minutes.version === 1 &&
		typeof minutes.startedAt === 'number' &&
		typeof minutes.endedAt === 'number' &&
		(
			[
				'attendees',
				'items',
				'openingsDiscussed',
				'filled',
				'followUps',
				'newActions',
				'decisions'
			] as const
		).every((key) => Array.isArray(minutes[key]))
	);
}

function listEntry(row: MeetingRow): MeetingListEntry {
	const minutes = readStoredMinutes(row);
	return {
		id: row.id,
		date: minutes.date,
		startedAt: minutes.startedAt,
		endedAt: minutes.endedAt,
		facilitatorName: minutes.facilitatorName,
		present: minutes.attendees.filter((a) => a.present).length,
		newActions: minutes.newActions.length,
		decisions: minutes.decisions.length,
		endedAutomatically: minutes.endedAutomatically
	};
}

async function facilitatorName(db: Db, userId: string): Promise<string> {
	const user = await db
		.selectFrom('user')
		.select('name')
		.where('id', '=', userId)
		.executeTakeFirst();
	return user?.name ?? '';
}

/** The board's running meeting (if any) and its ended meetings, newest first. */
export async function listBoardMeetings(db: Db, boardId: string): Promise<BoardMeetings> {
	const [active, ended] = await Promise.all([
		selectActiveMeeting(db, boardId),
		selectEndedMeetings(db, boardId)
	]);
	return {
		running: active
			? {
					id: active.id,
					startedAt: active.started_at,
					facilitatorName: await facilitatorName(db, active.facilitator_id)
				}
			: null,
		ended: ended.map(listEntry)
	};
}

/** A meeting of this board: its minutes once ended, or that it still runs; undefined otherwise. */
export async function findMeetingMinutes(
	db: Db,
	boardId: string,
	meetingId: string
): Promise<MeetingMinutesLookup | undefined> {
	const row = await db
		.selectFrom('meeting')
		.selectAll()
		.where('id', '=', meetingId)
		.where('board_id', '=', boardId)
		.executeTakeFirst();
	if (!row) return undefined;
	if (row.ended_at === null)
		return {
			state: 'running',
			startedAt: row.started_at,
			facilitatorName: await facilitatorName(db, row.facilitator_id)
		};
	return { state: 'ended', minutes: readStoredMinutes(row) };
}
