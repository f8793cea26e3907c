import type { Db } from '../db/connect';
import { findUserByEmail, type User } from '../users/user.repository';
import { verifyPassword } from './password';
import { createSession, generateSessionToken, type Session } from './session';
import { accountKey, addressKey, checkThrottle, clearThrottle, recordFailure } from './throttle';

// An argon2id hash with the same parameters as password.ts (a test keeps them in step), verified
// when the email is unknown so a wrong email takes as long as a wrong password.
export const DUMMY_PASSWORD_HASH =
	'$argon2id$v=19$m=19456,t=2,p=1$t/yXPjMOLrup+HbYendPzw$MA6wjjyWN2P10MqCSJ395Dm561CWQAk1w4bq63SN4eY';

export interface SignInInput {
	email: string;
	password: string;
	/** The client's address, for the per-address throttle. */
	ip: string;
	now: number;
}

export type SignInResult =
	| { ok: true; user: User; token: string; session: Session }
	| { ok: false; reason: 'invalid' }
	| { ok: false; reason: 'throttled'; retryAfterMs: number };

/**
 * Signs a person in. A wrong email and a wrong password give the same answer, and both count
 * against the account and the address, so the answer never tells whether an account exists.
 */
export async function signIn(db: Db, input: SignInInput): Promise<SignInResult> {
	const account = accountKey(input.email);
	const keys = [account, addressKey(input.ip)];

	const before = await checkThrottle(db, keys, input.now);
	if (before.locked) return { ok: false, reason: 'throttled', retryAfterMs: before.retryAfterMs };

	const found = await findUserByEmail(db, input.email);
	let valid = false;
	if (found) valid = await verifyPassword(found.passwordHash, input.password);
	else await verifyPassword(DUMMY_PASSWORD_HASH, input.password);

	if (!found || !valid) {
		const after = await recordFailure(db, keys, input.now);
		return after.locked
			? { ok: false, reason: 'throttled', retryAfterMs: after.retryAfterMs }
			: { ok: false, reason: 'invalid' };
	}

	await clearThrottle(db, account);
	const token = generateSessionToken();
	const session = await createSession(db, token, found.id, input.now);
	const { passwordHash: _passwordHash, ...user } = found;
	return { ok: true, user, token, session };
}

/**
 * Where to go after signing in: a path on this site, or '/'. Refuses other origins, including
 * the protocol-relative '//host' and '/\host' that browsers treat as another host.
 */
export function safeRedirectPath(target: string | null | undefined): string {
	if (!target || !target.startsWith('/') || target.startsWith('//') || target.startsWith('/\\')) {
		return '/';
	}
	for (const char of target) {
		if (char === '\\' || char.charCodeAt(0) < 0x20) return '/';
	}
	try {
		const base = 'http://tavlen.invalid';
		const url = new URL(target, base);
		if (url.origin !== base) return '/';
		return url.pathname + url.search + url.hash;
	} catch {
		return '/';
	}
}
