import { error, redirect } from '@sveltejs/kit';
import { isValidId } from '$lib/board/ids';
import { m } from '$lib/paraglide/messages.js';
import { findBoardForMember } from '$lib/server/access';
import { getRuntime } from '$lib/server/runtime';
import { listMembers } from '$lib/server/teams/team.repository';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	if (!locals.user)
		redirect(303, `/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
	const { db } = await getRuntime();
	const access = isValidId(params.id) ? await findBoardForMember(db, locals.user, params.id) : null;
	// The same answer for "no such board" and "not yours": a board's existence is not revealed.
	if (!access) error(404, m.board_not_found());
	const members = await listMembers(db, access.board.teamId);
	return {
		board: { id: access.board.id, name: access.board.name },
		role: access.role,
		canEdit: access.canEdit,
		members: members.map((member) => ({ id: member.userId, name: member.name, role: member.role })),
		user: { id: locals.user.id, name: locals.user.name },
		// The meeting timer runs on the server's clock; the page measures this device's offset.
		serverNow: Date.now()
	};
};
