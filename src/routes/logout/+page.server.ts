import { redirect } from '@sveltejs/kit';
import { deleteSessionCookie } from '$lib/server/auth/cookies';
import { invalidateSession } from '$lib/server/auth/session';
import { getRuntime } from '$lib/server/runtime';
import type { Actions, PageServerLoad } from './$types';

// Signing out is a POST so a link, prefetch or image tag cannot sign anyone out.
export const load: PageServerLoad = ({ locals }) => {
	if (!locals.user) redirect(303, '/login');
	return {};
};

export const actions: Actions = {
	default: async ({ locals, cookies, url }) => {
		if (locals.session) {
			const { db } = await getRuntime();
			await invalidateSession(db, locals.session.id);
		}
		deleteSessionCookie(cookies, url);
		redirect(303, '/login');
	}
};
