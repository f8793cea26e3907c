import { error } from '@sveltejs/kit';
import { ALL_GROUPS, projectionRows, seriesFor } from '$lib/forecast-view/projection-rows';
import { m } from '$lib/paraglide/messages.js';
import { loadTeamProjection } from '$lib/server/forecast/forecast-pages.service';
import type { PageServerLoad } from './$types';
import { forecastDependency, requireForecast } from './require-forecast';

export const load: PageServerLoad = async (event) => {
	const { db, teamId, teamName } = await requireForecast(event);
	event.depends(forecastDependency(teamId));
	const group = event.url.searchParams.get('gruppe') ?? ALL_GROUPS;
	const { today, projection, groups } = await loadTeamProjection(db, teamId, Date.now());
	const series = seriesFor(projection, group);
	// A target group the municipality does not have (any more): no silent fall-back to the total.
	if (!series) error(404, m.fc_group_not_found());
	return {
		team: { id: teamId, name: teamName },
		today,
		group,
		groups,
		weights: projection.weights,
		openNow: series.openNow,
		inflowPerWeek: series.inflowPerWeek,
		rows: projectionRows(projection, series)
	};
};
