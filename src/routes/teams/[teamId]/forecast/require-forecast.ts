import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { isValidId } from '$lib/board/ids';
import { m } from '$lib/paraglide/messages.js';
import { findTeamForOverview } from '$lib/server/access';
import type { Db } from '$lib/server/db/connect';
import { getRuntime } from '$lib/server/runtime';

export { forecastDependency } from '$lib/forecast-view/dependency';

export interface ForecastAccess {
	db: Db;
	teamId: string;
	teamName: string;
	userId: string;
	/** Only the leader sees consultants by name and every case on the sparring list. */
	isLeader: boolean;
}

/**
 * Every forecast route (pages, export, event stream) asks here: leaders and consultants of the
 * team, the same people as the overview. "No such team" and "not yours" are the same 404.
 * Anonymous callers of a page or a download go to sign in; the event stream gets 401.
 */
export async function requireForecast(
	{ locals, params, url }: Pick<RequestEvent<{ teamId: string }>, 'locals' | 'params' | 'url'>,
	anonymous: 'login' | 401 = 'login'
): Promise<ForecastAccess> {
	if (!locals.user) {
		if (anonymous === 401) error(401, m.fc_not_found());
		redirect(303, `/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
	}
	const { db } = await getRuntime();
	const access = isValidId(params.teamId)
		? await findTeamForOverview(db, locals.user, params.teamId)
		: null;
	if (!access) error(404, m.fc_not_found());
	return {
		db,
		teamId: access.teamId,
		teamName: access.teamName,
		userId: locals.user.id,
		isLeader: access.role === 'leader'
	};
}
