import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { findBoard } from '$lib/server/boards/board.repository';
import { getRuntime } from '$lib/server/runtime';
import { listMembers } from '$lib/server/teams/team.repository';
import { findActiveScreenLink, touchScreenLink } from '$lib/server/screens/screen-link.service';
import type { PageServerLoad } from './$types';

/**
 * The meeting-room screen (issue 5): no sign-in, the link's token is the key. Unknown, revoked
 * and expired links get the same 404. The token is in the URL, so the page must not leak it
 * through a Referer header or into a search index.
 */
export const load: PageServerLoad = async ({ params, setHeaders }) => {
	setHeaders({
		'referrer-policy': 'no-referrer',
		'x-robots-tag': 'noindex',
		'cache-control': 'no-store'
	});
	const { db } = await getRuntime();
	const now = Date.now();
	const link = await findActiveScreenLink(db, params.token, now);
	const board = link ? await findBoard(db, link.boardId) : undefined;
	if (!link || !board) error(404, m.screen_not_found());
	await touchScreenLink(db, link, now);
	// Staff names only, for the owners of actions; citizens never reach the screen.
	const members = (await listMembers(db, board.teamId)).map((m) => ({
		id: m.userId,
		name: m.name
	}));
	return {
		board: { id: board.id, name: board.name },
		token: params.token,
		label: link.label,
		members,
		// The meeting timer runs on the server's clock; the screen measures its own offset once.
		serverNow: now
	};
};
