import type { Db } from '../db/connect';
import { followUpOutcome } from '../../meeting/follow-up';
import type { MeetingMinutes, MinutesOpening } from '../../meeting/minutes';
import { copenhagenToday } from '../../openings/countdown';
import { FIRST_MEETING_LOOKBACK_MS } from '../../meeting/state';
import {
	selectAttendees,
	selectDecisions,
	selectItems,
	selectPreviousMeeting,
	type MeetingRow
} from './meeting.repository';

/**
 * Gathers the minutes of an ending meeting (issue 5 point 5) from SQL: the meeting's own rows
 * and the board's projection tables, as they stand at the end. Runs inside the ending
 * transaction, so the minutes and the end are one commit.
 */

export async function composeMinutes(
	db: Db,
	meeting: MeetingRow & { ended_at: number },
	endedAutomatically: boolean
): Promise<MeetingMinutes> {
	const { id, board_id: boardId, started_at: startedAt, ended_at: endedAt } = meeting;
	const [board, facilitator, attendees, items, decisions, previous] = await Promise.all([
		db.selectFrom('board').select('name').where('id', '=', boardId).executeTakeFirst(),
		db
			.selectFrom('user')
			.select('name')
			.where('id', '=', meeting.facilitator_id)
			.executeTakeFirst(),
		selectAttendees(db, id),
		selectItems(db, id),
		selectDecisions(db, id),
		selectPreviousMeeting(db, boardId, startedAt)
	]);
	const filledSince = previous?.started_at ?? startedAt - FIRST_MEETING_LOOKBACK_MS;
	return {
		version: 1,
		meetingId: id,
		boardId,
		boardName: board?.name ?? '',
		date: copenhagenToday(new Date(startedAt)),
		startedAt,
		endedAt,
		facilitatorName: facilitator?.name ?? '',
		endedAutomatically,
		attendees: attendees.map((a) => ({ name: a.name, present: a.present })),
		items: items.map((i) => ({
			kind: i.kind,
			title: i.title,
			minutes: i.minutes,
			spentMs: i.spentMs
		})),
		openingsDiscussed: await openingsDiscussed(db, meeting),
		filledSince,
		filled: await openingsFilled(db, boardId, filledSince, endedAt),
		followUps: await followUps(db, meeting),
		newActions: await newActions(db, boardId, startedAt, endedAt),
		decisions: decisions.map((d) => ({ text: d.text, at: d.at }))
	};
}

const openingColumns = [
	'opening.card_id',
	'opening.company_name',
	'opening.position',
	'opening.outcome'
] as const;

function mapOpening(row: {
	card_id: string;
	company_name: string;
	position: string;
	outcome: string;
}): MinutesOpening {
	return {
		cardId: row.card_id,
		companyName: row.company_name,
		position: row.position,
		outcome: row.outcome
	};
}

/** Openings put in focus during the meeting, and openings closed while it ran, in that order. */
async function openingsDiscussed(
	db: Db,
	meeting: MeetingRow & { ended_at: number }
): Promise<MinutesOpening[]> {
	const focused = await db
		.selectFrom('meeting_focus')
		.innerJoin('opening', (join) =>
			join
				.onRef('opening.card_id', '=', 'meeting_focus.card_id')
				.on('opening.board_id', '=', meeting.board_id)
		)
		.select([...openingColumns, 'meeting_focus.at'])
		.where('meeting_focus.meeting_id', '=', meeting.id)
		.orderBy('meeting_focus.at')
		.execute();
	const closed = await db
		.selectFrom('opening')
		.select([...openingColumns, 'opening.closed_at'])
		.where('board_id', '=', meeting.board_id)
		.where('closed_at', '>=', meeting.started_at)
		.where('closed_at', '<=', meeting.ended_at)
		.orderBy('closed_at')
		.execute();
	const seen = new Set<string>();
	const result: MinutesOpening[] = [];
	for (const row of [...focused, ...closed]) {
		if (seen.has(row.card_id)) continue;
		seen.add(row.card_id);
		result.push(mapOpening(row));
	}
	return result;
}

async function openingsFilled(
	db: Db,
	boardId: string,
	since: number,
	until: number
): Promise<MinutesOpening[]> {
	const rows = await db
		.selectFrom('opening')
		.select(openingColumns)
		.where('board_id', '=', boardId)
		.where('outcome', '=', 'filled')
		.where('closed_at', '>=', since)
		.where('closed_at', '<=', until)
		.orderBy('closed_at')
		.execute();
	return rows.map(mapOpening);
}

/** What became of the actions due since the last meeting. A deleted card is left out. */
async function followUps(db: Db, meeting: MeetingRow): Promise<MeetingMinutes['followUps']> {
	const rows = await db
		.selectFrom('meeting_follow_up')
		.innerJoin('action', (join) =>
			join
				.onRef('action.id', '=', 'meeting_follow_up.action_id')
				.on('action.board_id', '=', meeting.board_id)
		)
		.leftJoin('user', 'user.id', 'action.owner_id')
		.select([
			'action.id',
			'action.title',
			'action.due',
			'action.status',
			'action.drop_reason',
			'user.name',
			'meeting_follow_up.due_at_start'
		])
		.where('meeting_follow_up.meeting_id', '=', meeting.id)
		.orderBy('meeting_follow_up.due_at_start')
		.orderBy('action.id')
		.execute();
	return rows.map((r) => {
		const outcome = followUpOutcome(r.status, r.due, r.due_at_start);
		return {
			actionId: r.id,
			title: r.title,
			ownerName: r.name ?? '',
			dueAtStart: r.due_at_start,
			outcome,
			newDue: outcome === 'moved' ? r.due : '',
			dropReason: outcome === 'dropped' ? r.drop_reason : ''
		};
	});
}

async function newActions(
	db: Db,
	boardId: string,
	from: number,
	until: number
): Promise<MeetingMinutes['newActions']> {
	const rows = await db
		.selectFrom('action')
		.leftJoin('user', 'user.id', 'action.owner_id')
		.select([
			'action.id',
			'action.title',
			'action.due',
			'action.follow_up',
			'action.time_tag',
			'user.name'
		])
		.where('action.board_id', '=', boardId)
		.where('action.created_at', '>=', from)
		.where('action.created_at', '<=', until)
		.orderBy('action.created_at')
		.execute();
	return rows.map((r) => ({
		actionId: r.id,
		title: r.title,
		ownerName: r.name ?? '',
		due: r.due,
		followUp: r.follow_up,
		timeTag: r.time_tag
	}));
}
