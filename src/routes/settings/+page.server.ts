import { fail, redirect } from '@sveltejs/kit';
import { setLocaleCookie } from '$lib/server/locale-cookie';
import { getRuntime } from '$lib/server/runtime';
import { setUserLocale } from '$lib/server/users/user.repository';
import { localeFormSchema, parseInput, readFormText } from '$lib/server/validation';
import type { Actions, PageServerLoad } from './$types';

function signInFirst(url: URL): never {
	redirect(303, `/login?redirectTo=${encodeURIComponent(url.pathname)}`);
}

export const load: PageServerLoad = ({ locals, url }) => {
	if (!locals.user) signInFirst(url);
	return {
		account: { name: locals.user.name, email: locals.user.email, locale: locals.user.locale },
		saved: url.searchParams.get('saved') === '1'
	};
};

export const actions: Actions = {
	default: async ({ locals, request, cookies, url }) => {
		if (!locals.user) signInFirst(url);
		const parsed = parseInput(localeFormSchema, readFormText(await request.formData(), ['locale']));
		if (!parsed.ok) return fail(400, { issues: parsed.issues });
		const { db } = await getRuntime();
		await setUserLocale(db, locals.user.id, parsed.value.locale);
		setLocaleCookie(cookies, parsed.value.locale, url);
		// A fresh GET renders the page, and everything after it, in the newly chosen language.
		redirect(303, '/settings?saved=1');
	}
};
