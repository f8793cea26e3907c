import { findTeamForOverview } from '$lib/server/access';
import { SESSION_COOKIE, validateSessionToken } from '$lib/server/auth/session';
import { changeEventsResponse } from '$lib/server/live/change-events';
import { boardChanges } from '$lib/server/overview/changes';
import { watchTeam } from '$lib/server/overview/overview.service';
import type { RequestHandler } from './$types';
import { requireOverview } from '../require-overview';

/**
 * Server-Sent Events: one `change` event whenever a board of the team commits a change to its
 * openings or matches. The page reloads its figures on each (debounced).
 */
export const GET: RequestHandler = async (event) => {
	const { db, teamId, userId } = await requireOverview(event, 401);
	const token = event.cookies.get(SESSION_COOKIE) ?? '';
	return changeEventsResponse({
		signal: event.request.signal,
		subscribe: (onChange) =>
			watchTeam(db, boardChanges(), teamId, onChange, (error) =>
				console.error('overview stream: board lookup failed', error)
			),
		stillAllowed: async () => {
			const { user } = await validateSessionToken(db, token, Date.now());
			const access = user ? await findTeamForOverview(db, user, teamId) : null;
			return access !== null && user?.id === userId;
		}
	});
};
