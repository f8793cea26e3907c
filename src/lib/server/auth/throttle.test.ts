import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../db/connect';
import { migrateToLatest } from '../db/migrate';
import {
	ACCOUNT_POLICY,
	ADDRESS_POLICY,
	accountKey,
	addressKey,
	checkThrottle,
	clearThrottle,
	lockDurationMs,
	recordFailure
} from './throttle';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const T0 = Date.UTC(2026, 10, 27, 8, 0, 0);

let dir: string;
let db: Db;

beforeEach(async () => {
	dir = mkdtempSync(join(tmpdir(), 'tavlen-throttle-'));
	db = openDatabase({ file: join(dir, 'test.sqlite') });
	await migrateToLatest(db);
});

afterEach(async () => {
	await db.destroy();
	rmSync(dir, { recursive: true, force: true });
});

async function fail(times: number, keys = [accountKey('anna@demoby.dk')], at = T0) {
	let state = await checkThrottle(db, keys, at);
	for (let i = 0; i < times; i++) state = await recordFailure(db, keys, at);
	return state;
}

describe('lockDurationMs', () => {
	it('locks from the fifth failure, doubling from 30 s up to 15 min', () => {
		const table = [1, 4, 5, 6, 7, 8, 9, 10, 11, 12, 40, 5000].map((n) => [
			n,
			lockDurationMs(n, ACCOUNT_POLICY)
		]);
		expect(table).toEqual([
			[1, 0],
			[4, 0],
			[5, 30 * SECOND],
			[6, 60 * SECOND],
			[7, 120 * SECOND],
			[8, 240 * SECOND],
			[9, 480 * SECOND],
			[10, 15 * MINUTE],
			[11, 15 * MINUTE],
			[12, 15 * MINUTE],
			[40, 15 * MINUTE],
			[5000, 15 * MINUTE]
		]);
	});
});

describe('account throttle', () => {
	it('allows four failures and locks on the fifth for 30 s', async () => {
		expect(await fail(4)).toEqual({ locked: false });
		expect(await recordFailure(db, [accountKey('anna@demoby.dk')], T0)).toEqual({
			locked: true,
			retryAfterMs: 30 * SECOND
		});
		const keys = [accountKey('anna@demoby.dk')];
		expect(await checkThrottle(db, keys, T0 + 29 * SECOND)).toEqual({
			locked: true,
			retryAfterMs: SECOND
		});
		expect(await checkThrottle(db, keys, T0 + 30 * SECOND)).toEqual({ locked: false });
	});

	it('doubles the lock with every further failure', async () => {
		const keys = [accountKey('anna@demoby.dk')];
		await fail(5, keys, T0);
		let now = T0 + 30 * SECOND;
		const locks: number[] = [];
		for (let i = 0; i < 7; i++) {
			const state = await recordFailure(db, keys, now);
			if (!state.locked) throw new Error('expected a lock');
			locks.push(state.retryAfterMs);
			now += state.retryAfterMs;
		}
		expect(locks.map((ms) => ms / SECOND)).toEqual([60, 120, 240, 480, 900, 900, 900]);
	});

	it('treats the address key of the email case-insensitively', async () => {
		await fail(5, [accountKey('Anna@DemoBy.dk ')]);
		expect((await checkThrottle(db, [accountKey('anna@demoby.dk')], T0)).locked).toBe(true);
	});

	it('forgets failures after 15 quiet minutes', async () => {
		await fail(4);
		const keys = [accountKey('anna@demoby.dk')];
		expect(await recordFailure(db, keys, T0 + 15 * MINUTE + 1)).toEqual({ locked: false });
		// the count restarted at 1, so three more still do not lock
		for (let i = 0; i < 3; i++) {
			expect(await recordFailure(db, keys, T0 + 16 * MINUTE)).toEqual({ locked: false });
		}
		expect((await recordFailure(db, keys, T0 + 16 * MINUTE)).locked).toBe(true);
	});

	it('counts the quiet time from the end of a lock, not from the last failure', async () => {
		const keys = [accountKey('anna@demoby.dk')];
		await fail(10, keys, T0); // locked for 15 min
		const afterLock = T0 + 15 * MINUTE;
		const state = await recordFailure(db, keys, afterLock + 10 * MINUTE);
		expect(state).toEqual({ locked: true, retryAfterMs: 15 * MINUTE });
	});

	it('clears a key', async () => {
		const keys = [accountKey('anna@demoby.dk')];
		await fail(5, keys);
		await clearThrottle(db, keys[0]!);
		expect(await checkThrottle(db, keys, T0)).toEqual({ locked: false });
	});

	it('does not count concurrent failures as one', async () => {
		const keys = [accountKey('anna@demoby.dk')];
		const states = await Promise.all(Array.from({ length: 5 }, () => recordFailure(db, keys, T0)));
		expect(states.filter((s) => s.locked)).toHaveLength(1);
		expect((await checkThrottle(db, keys, T0)).locked).toBe(true);
	});
});

describe('address throttle', () => {
	it('is more lenient than the account throttle, for offices behind one address', async () => {
		expect(ADDRESS_POLICY.maxFailures).toBeGreaterThan(ACCOUNT_POLICY.maxFailures);
		const ip = addressKey('10.0.0.7');
		for (let i = 0; i < ADDRESS_POLICY.maxFailures - 1; i++) {
			const state = await recordFailure(db, [accountKey(`user${i}@demoby.dk`), ip], T0);
			expect(state.locked).toBe(false);
		}
		const state = await recordFailure(db, [accountKey('last@demoby.dk'), ip], T0);
		expect(state).toEqual({ locked: true, retryAfterMs: 30 * SECOND });
		// a person who has not failed is still refused from that address
		expect((await checkThrottle(db, [accountKey('bo@demoby.dk'), ip], T0)).locked).toBe(true);
		expect(
			(await checkThrottle(db, [accountKey('bo@demoby.dk'), addressKey('10.0.0.8')], T0)).locked
		).toBe(false);
	});

	it('reports the longest of several locks', async () => {
		const anna = accountKey('anna@demoby.dk');
		await fail(6, [anna]); // 60 s
		const ip = addressKey('10.0.0.7');
		const state = await checkThrottle(db, [anna, ip], T0 + 10 * SECOND);
		expect(state).toEqual({ locked: true, retryAfterMs: 50 * SECOND });
	});
});

describe('pruning', () => {
	it('drops keys that have been quiet longer than the window', async () => {
		await fail(1, [accountKey('old@demoby.dk')], T0);
		await fail(1, [accountKey('new@demoby.dk')], T0 + 20 * MINUTE);
		const keys = await db.selectFrom('login_throttle').select('key').execute();
		expect(keys.map((k) => k.key)).toEqual(['email:new@demoby.dk']);
	});
});
