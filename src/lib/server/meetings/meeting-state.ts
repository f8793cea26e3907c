import { FIRST_MEETING_LOOKBACK_MS, type MeetingState } from '../../meeting/state';
import type { Db } from '../db/connect';
import {
	selectActiveMeeting,
	selectAttendees,
	selectDecisions,
	selectFollowUps,
	selectItems,
	selectPreviousMeeting
} from './meeting.repository';

/**
 * The read side of a meeting: the state the sync server writes into the live board (server-data.ts
 * key `meeting`) after every change and when a board loads.
 */

/** The running meeting of a board as every screen shows it, or null. */
export async function meetingStateFor(db: Db, boardId: string): Promise<MeetingState | null> {
	const meeting = await selectActiveMeeting(db, boardId);
	if (!meeting) return null;
	const [items, attendees, followUp, decisions, facilitator, previous] = await Promise.all([
		selectItems(db, meeting.id),
		selectAttendees(db, meeting.id),
		selectFollowUps(db, meeting.id),
		selectDecisions(db, meeting.id),
		db
			.selectFrom('user')
			.select('name')
			.where('id', '=', meeting.facilitator_id)
			.executeTakeFirst(),
		selectPreviousMeeting(db, boardId, meeting.started_at)
	]);
	return {
		id: meeting.id,
		startedAt: meeting.started_at,
		since: previous?.started_at ?? meeting.started_at - FIRST_MEETING_LOOKBACK_MS,
		facilitatorId: meeting.facilitator_id,
		facilitatorName: facilitator?.name ?? '',
		current: meeting.current_index,
		items,
		focusCardId: meeting.focus_card_id,
		attendees,
		followUp,
		decisions
	};
}
