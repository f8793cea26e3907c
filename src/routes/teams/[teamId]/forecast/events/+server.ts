import { findTeamForOverview } from '$lib/server/access';
import { SESSION_COOKIE, validateSessionToken } from '$lib/server/auth/session';
import { caseChanges } from '$lib/server/cases/changes';
import { watchTeamCases } from '$lib/server/forecast/forecast-pages.service';
import { changeEventsResponse } from '$lib/server/live/change-events';
import type { RequestHandler } from './$types';
import { requireForecast } from '../require-forecast';

/**
 * Server-Sent Events for the three forecast pages: one `change` event whenever the team's cases
 * change (the case service publishes after its commit). The pages reload their data on each.
 */
export const GET: RequestHandler = async (event) => {
	const { db, teamId, userId } = await requireForecast(event, 401);
	const token = event.cookies.get(SESSION_COOKIE) ?? '';
	return changeEventsResponse({
		signal: event.request.signal,
		subscribe: (onChange) => watchTeamCases(caseChanges(), teamId, onChange),
		stillAllowed: async () => {
			const { user } = await validateSessionToken(db, token, Date.now());
			const access = user ? await findTeamForOverview(db, user, teamId) : null;
			return access !== null && user?.id === userId;
		}
	});
};
