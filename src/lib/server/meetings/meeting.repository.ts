import type { Selectable } from 'kysely';
import type { Db } from '../db/connect';
import type { MeetingItemTable, MeetingTable } from '../db/schema';
import type { AgendaItem, AgendaKind } from '../../meeting/agenda';
import type {
	MeetingAttendeeState,
	MeetingDecisionState,
	MeetingFollowUpState,
	MeetingItemState
} from '../../meeting/state';

/** Rows of a meeting (migration 0008), mapped to the meeting module's types. */

export type MeetingRow = Selectable<MeetingTable>;

export function mapItem(row: Selectable<MeetingItemTable>): MeetingItemState {
	const item = {
		title: row.title,
		minutes: row.minutes,
		spentMs: row.spent_ms,
		enteredAt: row.entered_at
	};
	return { ...item, kind: row.kind as AgendaKind } as MeetingItemState;
}

export function selectActiveMeeting(db: Db, boardId: string): Promise<MeetingRow | undefined> {
	return db
		.selectFrom('meeting')
		.selectAll()
		.where('board_id', '=', boardId)
		.where('ended_at', 'is', null)
		.executeTakeFirst();
}

export function selectMeeting(db: Db, meetingId: string): Promise<MeetingRow | undefined> {
	return db.selectFrom('meeting').selectAll().where('id', '=', meetingId).executeTakeFirst();
}

/** The board's most recent ended meeting before `before`, if any. */
export function selectPreviousMeeting(
	db: Db,
	boardId: string,
	before: number
): Promise<MeetingRow | undefined> {
	return db
		.selectFrom('meeting')
		.selectAll()
		.where('board_id', '=', boardId)
		.where('ended_at', 'is not', null)
		.where('started_at', '<', before)
		.orderBy('started_at', 'desc')
		.limit(1)
		.executeTakeFirst();
}

/** Ended meetings of a board, newest first. */
export function selectEndedMeetings(db: Db, boardId: string): Promise<MeetingRow[]> {
	return db
		.selectFrom('meeting')
		.selectAll()
		.where('board_id', '=', boardId)
		.where('ended_at', 'is not', null)
		.orderBy('started_at', 'desc')
		.execute();
}

export async function selectItems(db: Db, meetingId: string): Promise<MeetingItemState[]> {
	const rows = await db
		.selectFrom('meeting_item')
		.selectAll()
		.where('meeting_id', '=', meetingId)
		.orderBy('position')
		.execute();
	return rows.map(mapItem);
}

export async function insertItems(
	db: Db,
	meetingId: string,
	items: readonly (AgendaItem & { spentMs?: number; enteredAt?: number | null })[]
): Promise<void> {
	await db
		.insertInto('meeting_item')
		.values(
			items.map((item, position) => ({
				meeting_id: meetingId,
				position,
				kind: item.kind,
				title: item.title,
				minutes: item.minutes,
				spent_ms: item.spentMs ?? 0,
				entered_at: item.enteredAt ?? null
			}))
		)
		.execute();
}

/** Writes the clocks of the given items (after a move or at the end). */
export async function updateItemClocks(
	db: Db,
	meetingId: string,
	items: readonly MeetingItemState[]
): Promise<void> {
	for (const [position, item] of items.entries()) {
		await db
			.updateTable('meeting_item')
			.set({ spent_ms: item.spentMs, entered_at: item.enteredAt })
			.where('meeting_id', '=', meetingId)
			.where('position', '=', position)
			.execute();
	}
}

export async function selectAttendees(db: Db, meetingId: string): Promise<MeetingAttendeeState[]> {
	const rows = await db
		.selectFrom('meeting_attendee')
		.innerJoin('user', 'user.id', 'meeting_attendee.user_id')
		.select(['meeting_attendee.user_id', 'user.name', 'present', 'source'])
		.where('meeting_id', '=', meetingId)
		.orderBy('user.name')
		.execute();
	return rows.map((r) => ({
		userId: r.user_id,
		name: r.name,
		present: r.present === 1,
		source: r.source === 'manual' ? 'manual' : 'connected'
	}));
}

export async function selectDecisions(db: Db, meetingId: string): Promise<MeetingDecisionState[]> {
	const rows = await db
		.selectFrom('meeting_decision')
		.select(['id', 'text', 'created_at'])
		.where('meeting_id', '=', meetingId)
		.orderBy('created_at')
		.orderBy('id')
		.execute();
	return rows.map((r) => ({ id: r.id, text: r.text, at: r.created_at }));
}

export async function selectFollowUps(db: Db, meetingId: string): Promise<MeetingFollowUpState[]> {
	const rows = await db
		.selectFrom('meeting_follow_up')
		.select(['action_id', 'due_at_start'])
		.where('meeting_id', '=', meetingId)
		.orderBy('due_at_start')
		.orderBy('action_id')
		.execute();
	return rows.map((r) => ({ actionId: r.action_id, dueAtStart: r.due_at_start }));
}

/**
 * User ids of those who can attend: the leaders and consultants of the board's team. Viewers are
 * left out: a viewer account is typically the meeting room's screen, not a person.
 */
export async function selectParticipantIds(db: Db, boardId: string): Promise<Set<string>> {
	const rows = await db
		.selectFrom('board')
		.innerJoin('membership', 'membership.team_id', 'board.team_id')
		.select('membership.user_id')
		.where('board.id', '=', boardId)
		.where('membership.role', 'in', ['leader', 'consultant'])
		.execute();
	return new Set(rows.map((r) => r.user_id));
}

/** The agenda of the board's latest meeting, to start the next one from; undefined for none. */
export async function lastAgenda(db: Db, boardId: string): Promise<AgendaItem[] | undefined> {
	const latest = await db
		.selectFrom('meeting')
		.select('id')
		.where('board_id', '=', boardId)
		.orderBy('started_at', 'desc')
		.limit(1)
		.executeTakeFirst();
	if (!latest) return undefined;
	const items = await selectItems(db, latest.id);
	return items.map(({ kind, title, minutes }) => ({ kind, title, minutes }) as AgendaItem);
}
