import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { isValidId } from '$lib/board/ids';
import { m } from '$lib/paraglide/messages.js';
import { findTeamForOverview } from '$lib/server/access';
import type { Db } from '$lib/server/db/connect';
import { getRuntime } from '$lib/server/runtime';

/**
 * Every overview route (page, listing, event stream, exports) asks here: leaders and consultants
 * of the team. "No such team" and "not yours" are the same 404, so a team's existence is not
 * revealed. Anonymous callers of a page or a download go to sign in; the event stream gets 401.
 */
export async function requireOverview(
	{ locals, params, url }: Pick<RequestEvent<{ teamId: string }>, 'locals' | 'params' | 'url'>,
	anonymous: 'login' | 401 = 'login'
): Promise<{ db: Db; teamId: string; teamName: string; userId: string }> {
	if (!locals.user) {
		if (anonymous === 401) error(401, m.overview_not_found());
		redirect(303, `/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
	}
	const { db } = await getRuntime();
	const access = isValidId(params.teamId)
		? await findTeamForOverview(db, locals.user, params.teamId)
		: null;
	if (!access) error(404, m.overview_not_found());
	return { db, teamId: access.teamId, teamName: access.teamName, userId: locals.user.id };
}

/** The key invalidate() uses to reload a team's overview when its boards change. */
export function overviewDependency(teamId: string): `overview:${string}` {
	return `overview:${teamId}`;
}
