import type { Db } from '../db/connect';
import { normaliseEmail } from '../users/user.repository';

/**
 * Throttling of failed sign-ins, per account ("email:<address>") and per client address
 * ("ip:<address>"), kept in the login_throttle table so it survives restarts. Time comes in as
 * an argument so tests can step it.
 */

export interface ThrottlePolicy {
	/** Failures allowed within the window before the key is locked. */
	maxFailures: number;
	/** Failures are forgotten after this long without a failure or a lock. */
	windowMs: number;
	/** The first lock; every further failure doubles it. */
	baseLockMs: number;
	maxLockMs: number;
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;

export const ACCOUNT_POLICY: ThrottlePolicy = {
	maxFailures: 5,
	windowMs: 15 * MINUTE,
	baseLockMs: 30 * SECOND,
	maxLockMs: 15 * MINUTE
};

// A whole job centre often signs in from one public address behind NAT, so the per-address
// limit stops password spraying without locking out an office after a few typos.
export const ADDRESS_POLICY: ThrottlePolicy = {
	maxFailures: 50,
	windowMs: 15 * MINUTE,
	baseLockMs: 30 * SECOND,
	maxLockMs: 15 * MINUTE
};

export interface ThrottleKey {
	key: string;
	policy: ThrottlePolicy;
}

export function accountKey(email: string): ThrottleKey {
	return { key: `email:${normaliseEmail(email)}`, policy: ACCOUNT_POLICY };
}

export function addressKey(address: string): ThrottleKey {
	return { key: `ip:${address.trim().toLowerCase() || 'unknown'}`, policy: ADDRESS_POLICY };
}

export type ThrottleState = { locked: false } | { locked: true; retryAfterMs: number };

/** Whether any of the keys is locked at `now`; the longest remaining lock wins. */
export async function checkThrottle(
	db: Db,
	keys: readonly ThrottleKey[],
	now: number
): Promise<ThrottleState> {
	if (keys.length === 0) return { locked: false };
	const rows = await db
		.selectFrom('login_throttle')
		.select('locked_until')
		.where(
			'key',
			'in',
			keys.map((k) => k.key)
		)
		.execute();
	const until = Math.max(0, ...rows.map((r) => r.locked_until));
	return until > now ? { locked: true, retryAfterMs: until - now } : { locked: false };
}

/** The lock for the n-th failure in a row: none below the limit, then 30 s, 60 s, ... up to the cap. */
export function lockDurationMs(failures: number, policy: ThrottlePolicy): number {
	if (failures < policy.maxFailures) return 0;
	const doublings = Math.min(failures - policy.maxFailures, 30);
	return Math.min(policy.baseLockMs * 2 ** doublings, policy.maxLockMs);
}

/**
 * Counts one failed sign-in against every key and returns the resulting state. Read and write
 * happen in one transaction, so two concurrent failures cannot both count as the first.
 */
export async function recordFailure(
	db: Db,
	keys: readonly ThrottleKey[],
	now: number
): Promise<ThrottleState> {
	return db.transaction().execute(async (trx) => {
		let lockedUntil = 0;
		for (const { key, policy } of keys) {
			const row = await trx
				.selectFrom('login_throttle')
				.selectAll()
				.where('key', '=', key)
				.executeTakeFirst();
			const quietSince = row ? Math.max(row.last_failure_at, row.locked_until) : 0;
			const failures = row && now - quietSince <= policy.windowMs ? row.failures + 1 : 1;
			const lock = lockDurationMs(failures, policy);
			const until = lock > 0 ? now + lock : 0;
			await trx
				.insertInto('login_throttle')
				.values({ key, failures, last_failure_at: now, locked_until: until })
				.onConflict((oc) =>
					oc.column('key').doUpdateSet({ failures, last_failure_at: now, locked_until: until })
				)
				.execute();
			lockedUntil = Math.max(lockedUntil, until);
		}
		await pruneThrottle(trx, now);
		return lockedUntil > now
			? { locked: true, retryAfterMs: lockedUntil - now }
			: { locked: false };
	});
}

/** Forgets a key, e.g. the account's after a successful sign-in. */
export async function clearThrottle(db: Db, key: ThrottleKey): Promise<void> {
	await db.deleteFrom('login_throttle').where('key', '=', key.key).execute();
}

/** Drops keys that have been quiet for longer than any window, so sprayed addresses do not pile up. */
export async function pruneThrottle(db: Db, now: number): Promise<void> {
	const window = Math.max(ACCOUNT_POLICY.windowMs, ADDRESS_POLICY.windowMs);
	await db
		.deleteFrom('login_throttle')
		.where('last_failure_at', '<', now - window)
		.where('locked_until', '<', now - window)
		.execute();
}
