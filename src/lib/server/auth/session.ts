import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import type { Db } from '../db/connect';
import type { User } from '../users/user.repository';
import { mapUser } from '../users/user.repository';

/** The Lucia session recipe: the cookie holds a random token, the database only its SHA-256. */

export const SESSION_COOKIE = 'tavlen_session';
const DAY_MS = 24 * 60 * 60 * 1000;
export const SESSION_LIFETIME_MS = 30 * DAY_MS;
const RENEW_WHEN_LEFT_MS = 15 * DAY_MS;

export interface Session {
	id: string;
	userId: string;
	expiresAt: number;
}

export type SessionValidation = { session: Session; user: User } | { session: null; user: null };

export function generateSessionToken(): string {
	const bytes = new Uint8Array(20);
	crypto.getRandomValues(bytes);
	return encodeBase32LowerCaseNoPadding(bytes);
}

export function sessionIdFromToken(token: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

export async function createSession(
	db: Db,
	token: string,
	userId: string,
	now: number
): Promise<Session> {
	const session: Session = {
		id: sessionIdFromToken(token),
		userId,
		expiresAt: now + SESSION_LIFETIME_MS
	};
	await db
		.insertInto('session')
		.values({ id: session.id, user_id: userId, expires_at: session.expiresAt })
		.execute();
	return session;
}

/** Validates a token; extends the session when less than 15 days are left (sliding expiry). */
export async function validateSessionToken(
	db: Db,
	token: string,
	now: number
): Promise<SessionValidation> {
	const sessionId = sessionIdFromToken(token);
	const row = await db
		.selectFrom('session')
		.innerJoin('user', 'user.id', 'session.user_id')
		.select([
			'session.id as session_id',
			'session.expires_at',
			'user.id',
			'user.email',
			'user.name',
			'user.is_admin',
			'user.locale',
			'user.created_at',
			'user.password_hash'
		])
		.where('session.id', '=', sessionId)
		.executeTakeFirst();
	if (!row) return { session: null, user: null };
	if (now >= row.expires_at) {
		await db.deleteFrom('session').where('id', '=', sessionId).execute();
		return { session: null, user: null };
	}
	const session: Session = { id: sessionId, userId: row.id, expiresAt: row.expires_at };
	if (now >= session.expiresAt - RENEW_WHEN_LEFT_MS) {
		session.expiresAt = now + SESSION_LIFETIME_MS;
		await db
			.updateTable('session')
			.set({ expires_at: session.expiresAt })
			.where('id', '=', sessionId)
			.execute();
	}
	return { session, user: mapUser(row) };
}

export async function invalidateSession(db: Db, sessionId: string): Promise<void> {
	await db.deleteFrom('session').where('id', '=', sessionId).execute();
}

export async function invalidateUserSessions(db: Db, userId: string): Promise<void> {
	await db.deleteFrom('session').where('user_id', '=', userId).execute();
}

/** Reads one cookie from a raw Cookie header (the WebSocket upgrade has no SvelteKit cookies API). */
export function readCookie(header: string | undefined, name: string): string | undefined {
	if (!header) return undefined;
	for (const part of header.split(';')) {
		const eq = part.indexOf('=');
		if (eq === -1) continue;
		if (part.slice(0, eq).trim() === name) {
			try {
				return decodeURIComponent(part.slice(eq + 1).trim());
			} catch {
				return undefined;
			}
		}
	}
	return undefined;
}
