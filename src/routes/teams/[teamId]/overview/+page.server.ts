import { JOB_TYPES } from '$lib/openings/types';
import { loadTeamOverview } from '$lib/server/overview/overview.service';
import { loadTeamActionFigures } from '$lib/server/overview/actions.service';
import { getForecastSettings } from '$lib/server/cases/settings';
import type { PageServerLoad } from './$types';
import { overviewDependency, requireOverview } from './require-overview';

export const load: PageServerLoad = async (event) => {
	const { db, teamId, teamName } = await requireOverview(event);
	event.depends(overviewDependency(teamId));
	const now = Date.now();
	const { figures: f, today } = await loadTeamOverview(db, teamId, now);
	const { actionEscalationDays } = await getForecastSettings(db);
	const actions = await loadTeamActionFigures(db, teamId, now, actionEscalationDays);
	// Values only: the openings behind each figure are listed on their own page.
	return {
		team: { id: teamId, name: teamName },
		today,
		actions,
		figures: {
			open: f.open.value,
			openPositions: f.openPositions.value,
			dueSoon: f.dueSoon.value,
			overdue: f.overdueUnfilled.value,
			fillRate30: {
				value: f.fillRate30.value,
				filled: f.fillRate30.filled,
				closed: f.fillRate30.ids.length
			},
			fillRate90: {
				value: f.fillRate90.value,
				filled: f.fillRate90.filled,
				closed: f.fillRate90.ids.length
			},
			smallJobs: f.smallJobs.value,
			byType: JOB_TYPES.map((type) => ({ type, value: f.byType[type].value })),
			newCompanies: { value: f.newCompanies.value, openings: f.newCompanies.ids.length },
			knownCompanies: { value: f.knownCompanies.value, openings: f.knownCompanies.ids.length },
			matchesPerOpening: { value: f.matchesPerOpening.value, matches: f.matchesPerOpening.matches },
			medianDaysToFill: { value: f.medianDaysToFill.value, filled: f.medianDaysToFill.ids.length },
			offeredToJobReady: f.offeredToJobReady.value
		}
	};
};
