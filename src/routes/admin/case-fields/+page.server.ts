import {
	createCaseField,
	editCaseField,
	listCaseFields,
	setCaseFieldActive
} from '$lib/server/cases/case-field.service';
import { getRuntime } from '$lib/server/runtime';
import { readFormText } from '$lib/server/validation';
import { refuseCaseAdmin } from '../case-admin-result';
import { requireAdmin } from '../require-admin';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireAdmin(event);
	const { db } = await getRuntime();
	return { fields: await listCaseFields(db, { includeInactive: true }) };
};

export const actions: Actions = {
	create: async (event) => {
		requireAdmin(event);
		const values = readFormText(await event.request.formData(), [
			'label',
			'kind',
			'required',
			'choices'
		]);
		const { db } = await getRuntime();
		const result = await createCaseField(db, values, Date.now());
		if (!result.ok) return refuseCaseAdmin(result.issues, 'create', values);
		return { form: 'create', done: { kind: 'created', label: result.value.label } } as const;
	},
	edit: async (event) => {
		requireAdmin(event);
		const values = readFormText(await event.request.formData(), [
			'id',
			'label',
			'required',
			'choices'
		]);
		const { db } = await getRuntime();
		const result = await editCaseField(db, values);
		if (!result.ok) return refuseCaseAdmin(result.issues, 'edit', values, values.id);
		return { form: 'edit', done: { kind: 'saved', label: result.value.label } } as const;
	},
	active: async (event) => {
		requireAdmin(event);
		const values = readFormText(await event.request.formData(), ['id', 'active']);
		const { db } = await getRuntime();
		const result = await setCaseFieldActive(db, values);
		if (!result.ok) return refuseCaseAdmin(result.issues, 'active', values, values.id);
		const kind = result.value.active ? 'activated' : 'deactivated';
		return { form: 'active', done: { kind, label: result.value.label } } as const;
	}
};
