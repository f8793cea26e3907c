import type { Cookies } from '@sveltejs/kit';
import type { Locale } from './users/user.repository';

/** Paraglide's cookie strategy reads this cookie on every request (hooks.server.ts). */
export const LOCALE_COOKIE = 'PARAGLIDE_LOCALE';
const ONE_YEAR_S = 365 * 24 * 60 * 60;

// Not HttpOnly: Paraglide's client runtime reads the same cookie to pick the language in the browser.
export function setLocaleCookie(cookies: Cookies, locale: Locale, url: URL): void {
	cookies.set(LOCALE_COOKIE, locale, {
		path: '/',
		maxAge: ONE_YEAR_S,
		sameSite: 'lax',
		httpOnly: false,
		secure: url.protocol === 'https:'
	});
}
