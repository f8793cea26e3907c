import { loadTeamVariation } from '$lib/server/forecast/forecast-pages.service';
import type { PageServerLoad } from './$types';
import { forecastDependency, requireForecast } from '../require-forecast';

export const load: PageServerLoad = async (event) => {
	const { db, teamId, teamName, userId, isLeader } = await requireForecast(event);
	event.depends(forecastDependency(teamId));
	const { today, variation, goals, names } = await loadTeamVariation(
		db,
		teamId,
		{ userId, isLeader },
		Date.now()
	);
	// Only what the viewer may see leaves the server: variationForViewer cut the rows already.
	return {
		team: { id: teamId, name: teamName },
		today,
		isLeader,
		userId,
		teamProfile: variation.team,
		consultants: variation.consultants.map((c) => ({
			...c,
			name: isLeader ? (names[c.consultantId] ?? c.consultantId) : null
		})),
		goals
	};
};
