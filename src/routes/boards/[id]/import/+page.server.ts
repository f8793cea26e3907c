import { error, redirect } from '@sveltejs/kit';
import { isValidId } from '$lib/board/ids';
import { m } from '$lib/paraglide/messages.js';
import { findBoardForMember } from '$lib/server/access';
import { getRuntime } from '$lib/server/runtime';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	if (!locals.user)
		redirect(303, `/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
	const { db } = await getRuntime();
	const access = isValidId(params.id) ? await findBoardForMember(db, locals.user, params.id) : null;
	// Importing is editing: for a viewer the page does not exist, as the board does not for others.
	if (!access?.canEdit) error(404, m.board_not_found());
	return {
		board: { id: access.board.id, name: access.board.name },
		user: { id: locals.user.id, name: locals.user.name }
	};
};
