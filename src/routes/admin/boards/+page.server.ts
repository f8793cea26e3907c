import {
	createBoard,
	listBoardsOverview,
	listTeamsOverview,
	renameBoard
} from '$lib/server/admin/admin.service';
import { getRuntime } from '$lib/server/runtime';
import { readFormText } from '$lib/server/validation';
import { refuse } from '../form-result';
import { requireAdmin } from '../require-admin';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireAdmin(event);
	const { db } = await getRuntime();
	const [boards, teams] = await Promise.all([listBoardsOverview(db), listTeamsOverview(db)]);
	return {
		boards: boards.map(({ id, name, teamId, teamName }) => ({ id, name, teamId, teamName })),
		teams: teams.map(({ id, name }) => ({ id, name })),
		preselectedTeam: event.url.searchParams.get('team') ?? '',
		deleted: event.url.searchParams.get('deleted')
	};
};

export const actions: Actions = {
	create: async (event) => {
		requireAdmin(event);
		const values = readFormText(await event.request.formData(), ['team', 'name']);
		const { db } = await getRuntime();
		const result = await createBoard(db, values, Date.now());
		if (!result.ok) return refuse(result, 'create', values);
		return { form: 'create', done: { kind: 'created', name: result.value.name } } as const;
	},
	rename: async (event) => {
		requireAdmin(event);
		const values = readFormText(await event.request.formData(), ['boardId', 'name']);
		const { db } = await getRuntime();
		const result = await renameBoard(db, values);
		if (!result.ok) return refuse(result, 'rename', values, values.boardId);
		return { form: 'rename', done: { kind: 'renamed', name: result.value.name } } as const;
	}
};
