import { DEFAULT_AGENDA } from '../meeting/agenda';
import { copenhagenToday } from '../openings/countdown';
import type { Db } from './db/connect';
import {
	addDecision,
	endMeeting,
	goToItem,
	setFocus,
	startMeeting,
	type MeetingActor
} from './meetings/meeting.service';

/**
 * Yesterday's morning meeting on a demo board, run through the meeting service as a team would
 * (start with Anna and Bo connected, the items at their pace, one opening in focus, a decision,
 * the end), so "Referater" has real minutes to open on a fresh demo. Invented, like all demo data.
 */
export async function seedDemoMeeting(
	db: Db,
	input: { boardId: string; leaderId: string; consultantIds: string[]; now: number }
): Promise<void> {
	const yesterday = new Date(input.now - 86_400_000);
	// 07:30 UTC: half past eight (or nine in summer) in Copenhagen, the usual board meeting.
	const start = Date.parse(`${copenhagenToday(yesterday)}T07:30:00Z`);
	const actor: MeetingActor = { userId: input.leaderId, role: 'leader' };
	const minute = 60_000;
	const started = await startMeeting(db, {
		boardId: input.boardId,
		actor,
		agenda: DEFAULT_AGENDA,
		connectedUserIds: input.consultantIds,
		now: start
	});
	if (!started.ok) throw new Error(`demo meeting not started: ${started.error}`);
	const opening = await db
		.selectFrom('opening')
		.select('card_id')
		.where('board_id', '=', input.boardId)
		.where('outcome', '=', '')
		.orderBy('deadline')
		.limit(1)
		.executeTakeFirst();
	if (opening) {
		const focused = await setFocus(db, input.boardId, actor, opening.card_id, start + minute);
		if (!focused.ok) throw new Error(`demo meeting focus refused: ${focused.error}`);
	}
	// Running a little over on deadlines, then quicker: what a real morning looks like.
	const pace = [4, 6.5, 9, 11, 12.5];
	for (const [index, at] of pace.slice(0, -1).entries()) {
		const moved = await goToItem(db, input.boardId, actor, index + 1, start + at * minute);
		if (!moved.ok) throw new Error(`demo meeting step refused: ${moved.error}`);
	}
	const decided = await addDecision(
		db,
		input.boardId,
		actor,
		'Nye virksomheder får et opkald inden for to dage',
		start + 12 * minute
	);
	if (!decided.ok) throw new Error(`demo decision refused: ${decided.error}`);
	const ended = await endMeeting(db, input.boardId, actor, start + pace.at(-1)! * minute);
	if (!ended.ok) throw new Error(`demo meeting not ended: ${ended.error}`);
}
