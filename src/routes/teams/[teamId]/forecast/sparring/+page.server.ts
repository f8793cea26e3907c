import { loadTeamSparring } from '$lib/server/forecast/forecast-pages.service';
import type { PageServerLoad } from './$types';
import { forecastDependency, requireForecast } from '../require-forecast';

export const load: PageServerLoad = async (event) => {
	const { db, teamId, teamName, userId, isLeader } = await requireForecast(event);
	event.depends(forecastDependency(teamId));
	const { today, rows, goals, names } = await loadTeamSparring(
		db,
		teamId,
		{ userId, isLeader },
		Date.now()
	);
	return {
		team: { id: teamId, name: teamName },
		today,
		isLeader,
		goals,
		rows: rows.map((r) => ({
			caseId: r.caseId,
			initials: r.initials,
			targetGroup: r.targetGroup,
			risk: r.risk,
			reasons: r.reasons,
			consultant: isLeader ? (names[r.consultantId] ?? r.consultantId) : null
		}))
	};
};
