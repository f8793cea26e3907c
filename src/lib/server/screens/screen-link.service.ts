import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import { newId } from '../../board/ids';
import type { Db } from '../db/connect';
import {
	insertScreenLink,
	markRevoked,
	markSeen,
	selectScreenLink,
	selectScreenLinkByHash,
	selectScreenLinksForBoard,
	type ScreenLink
} from './screen-link.repository';

/**
 * Screen links (skærmlinks, issue 5): the meeting room's TV opens /screen/<token> and reads one
 * board without signing in. The token is 32 random bytes (256 bits, 52 base32 characters); only
 * its SHA-256 is stored, so a database leak does not hand out screens. A link is read-only
 * everywhere, expires, and is revoked at once (the sync server closes its sockets).
 */

const DAY_MS = 24 * 60 * 60 * 1000;
export const SCREEN_LINK_LIFETIMES_DAYS = [30, 90, 365] as const;
export const DEFAULT_SCREEN_LINK_DAYS = 365;
/** last_seen_at is written at most this often per link, so a screen does not write on every ping. */
export const SEEN_RESOLUTION_MS = 60_000;

export type ScreenLinkState = 'active' | 'revoked' | 'expired';

export function screenLinkState(link: ScreenLink, now: number): ScreenLinkState {
	if (link.revokedAt !== null) return 'revoked';
	return link.expiresAt <= now ? 'expired' : 'active';
}

export function hashScreenToken(token: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

/** Tokens are base32 lower case, exactly 52 characters; anything else is not looked up. */
export function isScreenTokenShaped(token: string): boolean {
	return /^[a-z2-7]{52}$/.test(token);
}

export async function createScreenLink(
	db: Db,
	input: { boardId: string; label: string; createdBy: string; days: number },
	now: number
): Promise<{ link: ScreenLink; token: string }> {
	const bytes = new Uint8Array(32);
	crypto.getRandomValues(bytes);
	const token = encodeBase32LowerCaseNoPadding(bytes);
	const link: ScreenLink = {
		id: newId(),
		boardId: input.boardId,
		label: input.label,
		createdBy: input.createdBy,
		createdAt: now,
		expiresAt: now + input.days * DAY_MS,
		revokedAt: null,
		lastSeenAt: null
	};
	await insertScreenLink(db, { ...link, tokenHash: hashScreenToken(token) });
	return { link, token };
}

/** The active link for this token, or null (unknown, revoked and expired look the same). */
export async function findActiveScreenLink(
	db: Db,
	token: string,
	now: number
): Promise<ScreenLink | null> {
	if (!isScreenTokenShaped(token)) return null;
	const link = await selectScreenLinkByHash(db, hashScreenToken(token));
	return link && screenLinkState(link, now) === 'active' ? link : null;
}

/** Records that the screen was there; coarse, see SEEN_RESOLUTION_MS. */
export async function touchScreenLink(db: Db, link: ScreenLink, now: number): Promise<void> {
	if (link.lastSeenAt !== null && now - link.lastSeenAt < SEEN_RESOLUTION_MS) return;
	await markSeen(db, link.id, now);
}

export function listScreenLinks(db: Db, boardId: string): Promise<ScreenLink[]> {
	return selectScreenLinksForBoard(db, boardId);
}

/** Revokes a link of the board; false when there is no such active link on it. */
export async function revokeScreenLink(
	db: Db,
	boardId: string,
	linkId: string,
	now: number
): Promise<boolean> {
	const link = await selectScreenLink(db, linkId);
	if (!link || link.boardId !== boardId) return false;
	return markRevoked(db, linkId, now);
}
