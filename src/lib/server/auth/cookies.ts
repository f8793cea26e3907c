import type { Cookies } from '@sveltejs/kit';
import { SESSION_COOKIE } from './session';

// Secure follows the request's protocol, not dev/prod, so plain-http test servers still log in.
export function setSessionCookie(
	cookies: Cookies,
	token: string,
	expiresAt: number,
	url: URL
): void {
	cookies.set(SESSION_COOKIE, token, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: url.protocol === 'https:',
		expires: new Date(expiresAt)
	});
}

export function deleteSessionCookie(cookies: Cookies, url: URL): void {
	cookies.delete(SESSION_COOKIE, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: url.protocol === 'https:'
	});
}
