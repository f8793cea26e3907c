import { createUserWithPassword, listUsersOverview } from '$lib/server/admin/admin.service';
import { getRuntime } from '$lib/server/runtime';
import { readFormText } from '$lib/server/validation';
import { refuse } from '../form-result';
import { requireAdmin } from '../require-admin';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireAdmin(event);
	const { db } = await getRuntime();
	const users = await listUsersOverview(db);
	return {
		users: users.map(({ id, name, email, isAdmin, teams }) => ({ id, name, email, isAdmin, teams }))
	};
};

export const actions: Actions = {
	create: async (event) => {
		requireAdmin(event);
		const data = await event.request.formData();
		const form = readFormText(data, ['name', 'email', 'password', 'isAdmin']);
		// the password is never sent back to the browser
		const values = { name: form.name, email: form.email, isAdmin: form.isAdmin };
		const { db } = await getRuntime();
		const result = await createUserWithPassword(
			db,
			{
				name: form.name,
				email: form.email,
				password: form.password,
				isAdmin: form.isAdmin === 'on'
			},
			Date.now()
		);
		if (!result.ok) return refuse(result, 'create', values);
		return { form: 'create', created: { id: result.value.id, name: result.value.name } };
	}
};
