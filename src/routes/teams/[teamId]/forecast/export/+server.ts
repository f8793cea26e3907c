import { error } from '@sveltejs/kit';
import { attachmentDisposition, csvDate, writeCsv } from '$lib/csv/write';
import {
	ALL_GROUPS,
	projectionCsvRows,
	projectionRows,
	seriesFor
} from '$lib/forecast-view/projection-rows';
import { m } from '$lib/paraglide/messages.js';
import { loadTeamProjection } from '$lib/server/forecast/forecast-pages.service';
import type { RequestHandler } from './$types';
import { requireForecast } from '../require-forecast';

/** The forecast page's table as CSV for Danish Excel, for the same `?gruppe=` as the page. */
export const GET: RequestHandler = async (event) => {
	const { db, teamId, teamName } = await requireForecast(event);
	const group = event.url.searchParams.get('gruppe') ?? ALL_GROUPS;
	const { today, projection } = await loadTeamProjection(db, teamId, Date.now());
	const series = seriesFor(projection, group);
	if (!series) error(404, m.fc_group_not_found());
	const rows = projectionCsvRows(
		projectionRows(projection, series),
		{
			week: m.fc_col_week(),
			date: m.fc_col_date(),
			plan: m.fc_plan(),
			riskAdjusted: m.fc_risk_adjusted(),
			history: m.fc_history(),
			weekWord: m.fc_week_word()
		},
		csvDate
	);
	// Characters Windows forbids in file names go, so "FJ/LY" and the team's name stay readable.
	const safe = (text: string) => text.replace(/[\\/:*?"<>|\s]+/g, '-');
	const groupName = group === ALL_GROUPS ? m.fc_all_groups() : group;
	return new Response(writeCsv(rows), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': attachmentDisposition(
				`${m.fc_file_name()}-${safe(teamName)}-${safe(groupName)}-${today}.csv`
			),
			'cache-control': 'no-store'
		}
	});
};
