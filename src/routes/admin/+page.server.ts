import {
	listBoardsOverview,
	listTeamsOverview,
	listUsersOverview
} from '$lib/server/admin/admin.service';
import { getRuntime } from '$lib/server/runtime';
import type { PageServerLoad } from './$types';
import { requireAdmin } from './require-admin';

export const load: PageServerLoad = async (event) => {
	requireAdmin(event);
	const { db } = await getRuntime();
	const [teams, users, boards] = await Promise.all([
		listTeamsOverview(db),
		listUsersOverview(db),
		listBoardsOverview(db)
	]);
	return { counts: { teams: teams.length, users: users.length, boards: boards.length } };
};
