import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { isValidId } from '$lib/board/ids';
import { m } from '$lib/paraglide/messages.js';
import { findTeamForMember, type TeamAccess } from '$lib/server/access';
import type { Db } from '$lib/server/db/connect';
import { getRuntime } from '$lib/server/runtime';
import type { Role } from '$lib/server/teams/team.repository';
import type { User } from '$lib/server/users/user.repository';

export interface TeamPageAccess extends TeamAccess {
	db: Db;
	user: User;
}

/**
 * Every load and action of a team page calls this with the rule of its resource (access.ts).
 * Anyone the rule leaves out gets the same 404 as for a team that does not exist, as on boards.
 */
export async function requireTeamAccess(
	{ locals, url, params, request }: Pick<RequestEvent, 'locals' | 'url' | 'request' | 'params'>,
	allowed: (role: Role) => boolean
): Promise<TeamPageAccess> {
	if (!locals.user) {
		const back = request.method === 'GET' ? url.pathname + url.search : url.pathname;
		redirect(303, `/login?redirectTo=${encodeURIComponent(back)}`);
	}
	const { db } = await getRuntime();
	const teamId = params.teamId ?? '';
	const access = isValidId(teamId) ? await findTeamForMember(db, locals.user, teamId) : null;
	if (!access || !allowed(access.role)) error(404, m.citizens_team_not_found());
	return { ...access, db, user: locals.user };
}
