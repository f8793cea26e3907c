import { error } from '@sveltejs/kit';
import { attachmentDisposition, writeCsv, type CsvValue } from '$lib/csv/write';
import { m } from '$lib/paraglide/messages.js';
import { figureRows, matchRows, openingRows } from '$lib/overview/export-rows';
import { copenhagenDay } from '$lib/server/overview/overview.mapping';
import { exportTeamMatches, loadTeamOverview } from '$lib/server/overview/overview.service';
import type { RequestHandler } from './$types';
import { requireOverview } from '../../require-overview';

/** CSV downloads for Danish Excel: the team's openings, matches, or overview figures. */
export const GET: RequestHandler = async (event) => {
	const { db, teamId, teamName, userId } = await requireOverview(event);
	const now = Date.now();
	let rows: CsvValue[][];
	let name: string;
	switch (event.params.kind) {
		case 'openings': {
			const overview = await loadTeamOverview(db, teamId, now);
			rows = openingRows(overview.openings, overview.today);
			name = m.export_file_openings();
			break;
		}
		case 'matches':
			rows = matchRows(await exportTeamMatches(db, { userId, teamId }, now));
			name = m.export_file_matches();
			break;
		case 'figures':
			rows = figureRows((await loadTeamOverview(db, teamId, now)).figures);
			name = m.export_file_figures();
			break;
		default:
			error(404, m.overview_not_found());
	}
	// The team's name makes the file recognisable in Downloads; characters Windows forbids go.
	const team = teamName.replace(/[\\/:*?"<>|\s]+/g, '-');
	return new Response(writeCsv(rows), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': attachmentDisposition(`${name}-${team}-${copenhagenDay(now)}.csv`),
			'cache-control': 'no-store'
		}
	});
};
