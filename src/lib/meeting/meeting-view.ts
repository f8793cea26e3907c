import { isAction, type ActionCard, type BoardView } from '../board/types';
import {
	itemElapsedMs,
	itemOverMs,
	type MeetingAttendeeState,
	type MeetingItemState,
	type MeetingState
} from './state';

/**
 * What the board's meeting bar and panel show, as plain functions of the meeting state the
 * server keeps on the board. Time comes in as an argument (the server's clock, clock.ts).
 */

/** The person looking, as the board page knows them. */
export interface MeetingViewer {
	userId: string;
	/** The role in the board's team: leader, consultant or viewer. */
	role: string;
}

/**
 * Whether the viewer may steer the meeting (move between items, focus, attendance, end). The
 * server's canControlMeeting applies this same function to every step.
 */
export function canSteerMeeting(
	meeting: Pick<MeetingState, 'facilitatorId'> | null,
	viewer: MeetingViewer
): boolean {
	if (meeting === null || viewer.role === 'viewer') return false;
	return viewer.userId === meeting.facilitatorId || viewer.role === 'leader';
}

export interface MeetingProgress {
	index: number;
	count: number;
	item: MeetingItemState;
	elapsedMs: number;
	plannedMs: number;
	overMs: number;
	isFirst: boolean;
	isLast: boolean;
}

/** Where the meeting is: the current item, its clock at `now`, and whether it ran over. */
export function meetingProgress(
	meeting: Pick<MeetingState, 'current' | 'items'>,
	now: number
): MeetingProgress {
	const index = Math.min(Math.max(0, meeting.current), meeting.items.length - 1);
	const item = meeting.items[index]!;
	return {
		index,
		count: meeting.items.length,
		item,
		elapsedMs: itemElapsedMs(item, now),
		plannedMs: item.minutes * 60_000,
		overMs: itemOverMs(item, now),
		isFirst: index === 0,
		isLast: index === meeting.items.length - 1
	};
}

export interface AttendanceRow {
	userId: string;
	name: string;
	present: boolean;
	/** 'none': not seen on the board and not recorded by hand. */
	source: MeetingAttendeeState['source'] | 'none';
}

/**
 * Everyone who can attend (the team's leaders and consultants) with their attendance, plus anyone
 * recorded who is no longer on the team, sorted by name the Danish way.
 */
export function attendanceRows(
	participants: readonly { id: string; name: string }[],
	attendees: readonly MeetingAttendeeState[]
): AttendanceRow[] {
	const byId = new Map(attendees.map((a) => [a.userId, a]));
	const rows: AttendanceRow[] = participants.map((p) => {
		const attendee = byId.get(p.id);
		return {
			userId: p.id,
			name: p.name,
			present: attendee?.present ?? false,
			source: attendee?.source ?? 'none'
		};
	});
	const known = new Set(participants.map((p) => p.id));
	for (const a of attendees)
		if (!known.has(a.userId))
			rows.push({ userId: a.userId, name: a.name, present: a.present, source: a.source });
	const collator = new Intl.Collator('da');
	return rows.sort((a, b) => collator.compare(a.name, b.name) || a.userId.localeCompare(b.userId));
}

/**
 * The follow-up actions (the ids of the meeting's followUp) as the board has them now, in the meeting's
 * order. An action deleted from the board since the meeting started is left out.
 */
export function followUpActions(board: BoardView, ids: readonly string[]): ActionCard[] {
	const cards = new Map<string, ActionCard>();
	for (const card of [...board.lanes.flatMap((lane) => lane.cards), ...board.orphans])
		if (isAction(card)) cards.set(card.id, card);
	return ids.flatMap((id) => {
		const card = cards.get(id);
		return card ? [card] : [];
	});
}
