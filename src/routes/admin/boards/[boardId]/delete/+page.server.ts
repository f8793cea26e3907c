import { error, redirect } from '@sveltejs/kit';
import { deleteBoard, findBoardOverview } from '$lib/server/admin/admin.service';
import { getRuntime } from '$lib/server/runtime';
import { m } from '$lib/paraglide/messages.js';
import { notifyAccessChanged } from '../../../form-result';
import { requireAdmin } from '../../../require-admin';
import type { Actions, PageServerLoad } from './$types';

// Deleting is a page of its own so the confirmation works without JavaScript.
export const load: PageServerLoad = async (event) => {
	requireAdmin(event);
	const { db } = await getRuntime();
	const found = await findBoardOverview(db, event.params.boardId);
	if (!found.ok) error(404, m.admin_issue_board_not_found());
	const { id, name, teamName } = found.value;
	return { board: { id, name, teamName } };
};

export const actions: Actions = {
	default: async (event) => {
		requireAdmin(event);
		const { db } = await getRuntime();
		const result = await deleteBoard(db, { boardId: event.params.boardId });
		if (!result.ok) error(404, m.admin_issue_board_not_found());
		await notifyAccessChanged([result.value.id]);
		redirect(303, `/admin/boards?deleted=${encodeURIComponent(result.value.name)}`);
	}
};
