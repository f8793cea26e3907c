import { redirect } from '@sveltejs/kit';
import { listBoardsForUser } from '$lib/server/boards/board.repository';
import { getRuntime } from '$lib/server/runtime';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	if (!locals.user) redirect(303, '/login');
	const { db } = await getRuntime();
	const boards = await listBoardsForUser(db, locals.user.id);
	return {
		boards: boards.map((board) => ({
			id: board.id,
			name: board.name,
			teamId: board.teamId,
			teamName: board.teamName,
			role: board.role
		}))
	};
};
