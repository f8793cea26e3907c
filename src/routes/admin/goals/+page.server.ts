import {
	createGoal,
	listGoalsOverview,
	renameGoal,
	setGoalActive
} from '$lib/server/cases/goal.service';
import { getRuntime } from '$lib/server/runtime';
import { readFormText } from '$lib/server/validation';
import { refuseCaseAdmin } from '../case-admin-result';
import { requireAdmin } from '../require-admin';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireAdmin(event);
	const { db } = await getRuntime();
	return { goals: await listGoalsOverview(db) };
};

export const actions: Actions = {
	create: async (event) => {
		requireAdmin(event);
		const values = readFormText(await event.request.formData(), ['name']);
		const { db } = await getRuntime();
		const result = await createGoal(db, values);
		if (!result.ok) return refuseCaseAdmin(result.issues, 'create', values);
		return { form: 'create', done: { kind: 'created', name: result.value.name } } as const;
	},
	rename: async (event) => {
		requireAdmin(event);
		const values = readFormText(await event.request.formData(), ['id', 'name']);
		const { db } = await getRuntime();
		const result = await renameGoal(db, values);
		if (!result.ok) return refuseCaseAdmin(result.issues, 'rename', values, values.id);
		return { form: 'rename', done: { kind: 'renamed', name: result.value.name } } as const;
	},
	active: async (event) => {
		requireAdmin(event);
		const values = readFormText(await event.request.formData(), ['id', 'active']);
		const { db } = await getRuntime();
		const result = await setGoalActive(db, values);
		if (!result.ok) return refuseCaseAdmin(result.issues, 'active', values, values.id);
		const kind = result.value.active ? 'activated' : 'deactivated';
		return { form: 'active', done: { kind, name: result.value.name } } as const;
	}
};
