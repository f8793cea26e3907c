import { error } from '@sveltejs/kit';
import { deadlineState } from '$lib/openings/deadline';
import { isClosedStage } from '$lib/openings/types';
import { m } from '$lib/paraglide/messages.js';
import { isFigureKey, openingIdsOf } from '$lib/overview/figure-keys';
import { loadTeamOverview } from '$lib/server/overview/overview.service';
import type { PageServerLoad } from './$types';
import { overviewDependency, requireOverview } from '../require-overview';

export const load: PageServerLoad = async (event) => {
	const { db, teamId, teamName } = await requireOverview(event);
	const figure = event.url.searchParams.get('figure');
	if (!isFigureKey(figure)) error(404, m.overview_not_found());
	event.depends(overviewDependency(teamId));
	const overview = await loadTeamOverview(db, teamId, Date.now());
	const byId = new Map(overview.openings.map((o) => [o.id, o]));
	const openings = openingIdsOf(overview.figures, figure).flatMap((id) => {
		const o = byId.get(id);
		if (!o) return [];
		const deadline = isClosedStage(o.stage)
			? 'closed'
			: deadlineState(o.deadline, overview.today).state;
		return [
			{
				id: o.id,
				boardId: o.boardId,
				boardName: o.boardName,
				position: o.position,
				companyName: o.companyName,
				deadline: o.deadline,
				deadlineState: deadline,
				stage: o.stage
			}
		];
	});
	return { team: { id: teamId, name: teamName }, figure, openings };
};
