import { listBoardMeetings } from '$lib/server/meetings/minutes.repository';
import type { PageServerLoad } from './$types';
import { requireMinutesReader } from './require-minutes-reader';

/** The board's meetings, newest first, with the running one on top (issue 5 point 5). */
export const load: PageServerLoad = async (event) => {
	const { db, board } = await requireMinutesReader(event);
	return {
		board: { id: board.id, name: board.name },
		meetings: await listBoardMeetings(db, board.id)
	};
};
