import { createTeam, listTeamsOverview } from '$lib/server/admin/admin.service';
import { getRuntime } from '$lib/server/runtime';
import { readFormText } from '$lib/server/validation';
import { refuse } from '../form-result';
import { requireAdmin } from '../require-admin';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireAdmin(event);
	const { db } = await getRuntime();
	return { teams: await listTeamsOverview(db) };
};

export const actions: Actions = {
	create: async (event) => {
		requireAdmin(event);
		const values = readFormText(await event.request.formData(), ['name']);
		const { db } = await getRuntime();
		const result = await createTeam(db, values, Date.now());
		if (!result.ok) return refuse(result, 'create', values);
		return { form: 'create', created: { id: result.value.id, name: result.value.name } };
	}
};
