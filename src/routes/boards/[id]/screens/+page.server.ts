import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { isValidId } from '$lib/board/ids';
import { m } from '$lib/paraglide/messages.js';
import { findBoardForMember } from '$lib/server/access';
import { getRuntime } from '$lib/server/runtime';
import { readScreenLinkForm, SCREEN_LABEL_MAX } from '$lib/server/screens/screen-link-form';
import {
	createScreenLink,
	listScreenLinks,
	revokeScreenLink,
	screenLinkState
} from '$lib/server/screens/screen-link.service';
import { readFormText } from '$lib/server/validation';
import type { Actions, PageServerLoad } from './$types';

/** Screen links are the team leader's to hand out and take back (issue 5 point 1). */
async function requireLeader(event: Pick<RequestEvent, 'locals' | 'params' | 'url' | 'request'>) {
	const { locals, url, request } = event;
	const id = event.params.id ?? '';
	if (!locals.user) {
		const back = request.method === 'GET' ? url.pathname : `/boards/${id}/screens`;
		redirect(303, `/login?redirectTo=${encodeURIComponent(back)}`);
	}
	const { db } = await getRuntime();
	const access = isValidId(id) ? await findBoardForMember(db, locals.user, id) : null;
	if (!access || access.role !== 'leader') error(404, m.board_not_found());
	return { db, board: access.board, user: locals.user };
}

export const load: PageServerLoad = async (event) => {
	const { db, board } = await requireLeader(event);
	const now = Date.now();
	const links = await listScreenLinks(db, board.id);
	return {
		board: { id: board.id, name: board.name },
		labelMax: SCREEN_LABEL_MAX,
		links: links.map((link) => ({
			id: link.id,
			label: link.label,
			createdAt: link.createdAt,
			expiresAt: link.expiresAt,
			lastSeenAt: link.lastSeenAt,
			state: screenLinkState(link, now)
		}))
	};
};

export const actions: Actions = {
	create: async (event) => {
		const { db, board, user } = await requireLeader(event);
		const values = readFormText(await event.request.formData(), ['label', 'days']);
		const form = readScreenLinkForm(values);
		if (!form.ok) return fail(400, { form: 'create' as const, issues: form.issues, values });
		const { link, token } = await createScreenLink(
			db,
			{ boardId: board.id, createdBy: user.id, ...form.value },
			Date.now()
		);
		// The only time the full link exists outside the screen: the database keeps its hash.
		return {
			form: 'create' as const,
			created: { id: link.id, label: link.label, url: `${event.url.origin}/screen/${token}` }
		};
	},
	revoke: async (event) => {
		const { db, board } = await requireLeader(event);
		const { id } = readFormText(await event.request.formData(), ['id']);
		if (!isValidId(id)) return fail(400, { form: 'revoke' as const, target: id });
		const revoked = await revokeScreenLink(db, board.id, id, Date.now());
		if (!revoked) return fail(404, { form: 'revoke' as const, target: id });
		(await getRuntime()).onScreenLinkRevoked?.(id);
		return { form: 'revoke' as const, revoked: id };
	}
};
