import {
	createTargetGroup,
	listTargetGroupsOverview,
	renameTargetGroup,
	setTargetGroupActive
} from '$lib/server/citizens/target-group.service';
import { getRuntime } from '$lib/server/runtime';
import { readFormText } from '$lib/server/validation';
import { refuse } from '../form-result';
import { requireAdmin } from '../require-admin';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireAdmin(event);
	const { db } = await getRuntime();
	return { groups: await listTargetGroupsOverview(db) };
};

export const actions: Actions = {
	create: async (event) => {
		requireAdmin(event);
		const values = readFormText(await event.request.formData(), ['code', 'name']);
		const { db } = await getRuntime();
		const result = await createTargetGroup(db, values);
		if (!result.ok) return refuse(result, 'create', values);
		return { form: 'create', done: { kind: 'created', code: result.value.code } } as const;
	},
	rename: async (event) => {
		requireAdmin(event);
		const values = readFormText(await event.request.formData(), ['id', 'name']);
		const { db } = await getRuntime();
		const result = await renameTargetGroup(db, values);
		if (!result.ok) return refuse(result, 'rename', values, values.id);
		return { form: 'rename', done: { kind: 'renamed', code: result.value.code } } as const;
	},
	active: async (event) => {
		requireAdmin(event);
		const values = readFormText(await event.request.formData(), ['id', 'active']);
		const { db } = await getRuntime();
		const result = await setTargetGroupActive(db, values);
		if (!result.ok) return refuse(result, 'active', values, values.id);
		const kind = result.value.active ? 'activated' : 'deactivated';
		return { form: 'active', done: { kind, code: result.value.code } } as const;
	}
};
