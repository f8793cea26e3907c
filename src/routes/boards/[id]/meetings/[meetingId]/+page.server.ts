import type { PageServerLoad } from './$types';
import { requireMeeting } from '../require-minutes-reader';

/**
 * One meeting's minutes. A meeting that still runs has none yet: the page says so and links to
 * the board, where the meeting is (a 404 would read as "wrong link" to someone who followed it).
 */
export const load: PageServerLoad = async (event) => {
	const { board, meeting } = await requireMeeting(event);
	return { board: { id: board.id, name: board.name }, meeting };
};
