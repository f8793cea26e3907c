import { error } from '@sveltejs/kit';
import {
	addMember,
	changeRole,
	getTeamDetail,
	removeMember
} from '$lib/server/admin/admin.service';
import { getRuntime } from '$lib/server/runtime';
import { ROLES } from '$lib/server/teams/team.repository';
import { readFormText } from '$lib/server/validation';
import { m } from '$lib/paraglide/messages.js';
import { notifyAccessChanged, refuse } from '../../form-result';
import { requireAdmin } from '../../require-admin';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireAdmin(event);
	const { db } = await getRuntime();
	const detail = await getTeamDetail(db, event.params.teamId);
	if (!detail.ok) error(404, m.admin_issue_team_not_found());
	return { ...detail.value, roles: ROLES };
};

export const actions: Actions = {
	add: async (event) => {
		requireAdmin(event);
		const values = readFormText(await event.request.formData(), ['email', 'role']);
		const { db } = await getRuntime();
		const result = await addMember(db, { team: event.params.teamId, ...values });
		if (!result.ok) return refuse(result, 'add', values);
		await notifyAccessChanged(result.value.boardIds);
		const { user, role, previousRole } = result.value;
		return {
			form: 'add',
			done: { kind: previousRole ? 'changed' : 'added', name: user.name, role }
		} as const;
	},
	role: async (event) => {
		requireAdmin(event);
		const values = readFormText(await event.request.formData(), ['userId', 'role']);
		const { db } = await getRuntime();
		const result = await changeRole(db, {
			team: event.params.teamId,
			user: values.userId,
			role: values.role
		});
		if (!result.ok) return refuse(result, 'role', values, values.userId);
		await notifyAccessChanged(result.value.boardIds);
		return {
			form: 'role',
			done: { kind: 'changed', name: result.value.user.name, role: result.value.role }
		} as const;
	},
	remove: async (event) => {
		requireAdmin(event);
		const values = readFormText(await event.request.formData(), ['userId']);
		const { db } = await getRuntime();
		const result = await removeMember(db, { team: event.params.teamId, user: values.userId });
		if (!result.ok) return refuse(result, 'remove', values, values.userId);
		await notifyAccessChanged(result.value.boardIds);
		return {
			form: 'remove',
			done: { kind: 'removed', name: result.value.user.name, role: null }
		} as const;
	}
};
