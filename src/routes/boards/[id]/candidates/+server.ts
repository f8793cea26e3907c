import { error, json } from '@sveltejs/kit';
import { isValidId } from '$lib/board/ids';
import { canWorkWithCitizens, findBoardForMember } from '$lib/server/access';
import { listCandidatesForTeam } from '$lib/server/candidates/candidate.service';
import { getRuntime } from '$lib/server/runtime';
import type { RequestHandler } from './$types';

/**
 * The board's team's citizens as candidates for "Foreslå kandidater": { candidates: Candidate[] }.
 * Members who work with citizens only; a viewer (the shared screen) gets 403 and so never sees
 * initials. Every citizen returned is audited as read.
 */
export const GET: RequestHandler = async ({ locals, params, setHeaders }) => {
	if (!locals.user) error(401, 'not signed in');
	const { db } = await getRuntime();
	const access = isValidId(params.id) ? await findBoardForMember(db, locals.user, params.id) : null;
	if (!access) error(404, 'board not found');
	if (!canWorkWithCitizens(access.role)) error(403, 'citizen data is for leaders and consultants');
	const candidates = await listCandidatesForTeam(
		db,
		{ userId: locals.user.id, teamId: access.board.teamId },
		Date.now()
	);
	// Personal data: no shared or back/forward cache may keep it.
	setHeaders({ 'cache-control': 'no-store' });
	return json({ candidates });
};
