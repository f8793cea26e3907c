import { fail, redirect } from '@sveltejs/kit';
import { setSessionCookie } from '$lib/server/auth/cookies';
import { safeRedirectPath, signIn } from '$lib/server/auth/login.service';
import { setLocaleCookie } from '$lib/server/locale-cookie';
import { getRuntime } from '$lib/server/runtime';
import { parseInput, readFormText, signInSchema } from '$lib/server/validation';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, safeRedirectPath(url.searchParams.get('redirectTo')));
	return {};
};

function clientAddress(getClientAddress: () => string): string {
	try {
		return getClientAddress();
	} catch {
		// adapter-node throws when the configured address header is missing; throttle as one bucket
		return 'unknown';
	}
}

export const actions: Actions = {
	default: async ({ request, cookies, url, getClientAddress }) => {
		const form = readFormText(await request.formData(), ['email', 'password']);
		const values = { email: form.email };
		const parsed = parseInput(signInSchema, form);
		if (!parsed.ok) return fail(400, { issues: parsed.issues, values });

		const { db } = await getRuntime();
		const result = await signIn(db, {
			email: parsed.value.email,
			password: parsed.value.password,
			ip: clientAddress(getClientAddress),
			now: Date.now()
		});
		if (!result.ok) {
			if (result.reason === 'throttled') {
				return fail(429, {
					failure: 'throttled' as const,
					retryAfterMs: result.retryAfterMs,
					values
				});
			}
			return fail(400, { failure: 'invalid' as const, values });
		}

		setSessionCookie(cookies, result.token, result.session.expiresAt, url);
		setLocaleCookie(cookies, result.user.locale, url);
		redirect(303, safeRedirectPath(url.searchParams.get('redirectTo')));
	}
};
