import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { isValidId } from '$lib/board/ids';
import { m } from '$lib/paraglide/messages.js';
import { findBoardForMember } from '$lib/server/access';
import type { Board } from '$lib/server/boards/board.repository';
import type { Db } from '$lib/server/db/connect';
import {
	findMeetingMinutes,
	type MeetingMinutesLookup
} from '$lib/server/meetings/minutes.repository';
import { getRuntime } from '$lib/server/runtime';

/**
 * Every minutes route (list, page, download) asks here: the board's editors, i.e. the team's
 * leaders and consultants. Viewers (the meeting room's screen account), other teams and admins
 * who are not members get the same 404 as for a board that does not exist, so nothing is revealed.
 */
export async function requireMinutesReader({
	locals,
	params,
	url
}: Pick<RequestEvent<{ id: string }>, 'locals' | 'params' | 'url'>): Promise<{
	db: Db;
	board: Board;
}> {
	if (!locals.user) redirect(303, `/login?redirectTo=${encodeURIComponent(url.pathname)}`);
	const { db } = await getRuntime();
	const access = isValidId(params.id) ? await findBoardForMember(db, locals.user, params.id) : null;
	if (!access?.canEdit) error(404, m.board_not_found());
	return { db, board: access.board };
}

/** One meeting of the board, ended or running; 404 for an unknown id or another board's meeting. */
export async function requireMeeting(
	event: Pick<RequestEvent<{ id: string; meetingId: string }>, 'locals' | 'params' | 'url'>
): Promise<{ board: Board; meeting: MeetingMinutesLookup }> {
	const { db, board } = await requireMinutesReader(event);
	const { meetingId } = event.params;
	const meeting = isValidId(meetingId)
		? await findMeetingMinutes(db, board.id, meetingId)
		: undefined;
	if (!meeting) error(404, m.minutes_not_found());
	return { board, meeting };
}
