import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { canAdminister } from '$lib/server/access';
import type { User } from '$lib/server/users/user.repository';
import { m } from '$lib/paraglide/messages.js';

/**
 * Every admin load and every admin action calls this: a layout load does not guard form
 * actions, so each action asks again.
 */
export function requireAdmin({
	locals,
	url,
	request
}: Pick<RequestEvent, 'locals' | 'url' | 'request'>): User {
	if (!locals.user) {
		// after an action the user comes back to the page, not to the action URL
		const back = request.method === 'GET' ? url.pathname + url.search : url.pathname;
		redirect(303, `/login?redirectTo=${encodeURIComponent(back)}`);
	}
	if (!canAdminister(locals.user)) error(403, m.admin_forbidden());
	return locals.user;
}
