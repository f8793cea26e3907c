import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../db/connect';
import { migrateToLatest } from '../db/migrate';
import { createUser } from '../users/user.repository';
import { DUMMY_PASSWORD_HASH, safeRedirectPath, signIn } from './login.service';
import { hashPassword } from './password';
import { validateSessionToken } from './session';
import { ADDRESS_POLICY, accountKey, addressKey, recordFailure } from './throttle';

const T0 = Date.UTC(2026, 10, 27, 8, 0, 0);
const PASSWORD = 'korrekt-hest-batteri';
const IP = '192.0.2.10';

let dir: string;
let db: Db;

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'tavlen-login-'));
	db = openDatabase({ file: join(dir, 'test.sqlite') });
	await migrateToLatest(db);
	await createUser(db, {
		email: 'anna@demoby.dk',
		name: 'Anna Andersen',
		passwordHash: await hashPassword(PASSWORD),
		locale: 'en',
		now: T0
	});
});

beforeEach(async () => {
	await db.deleteFrom('login_throttle').execute();
	await db.deleteFrom('session').execute();
});

afterAll(async () => {
	await db.destroy();
	rmSync(dir, { recursive: true, force: true });
});

describe('signIn', () => {
	it('signs in with the right password and creates a session the cookie token validates', async () => {
		const result = await signIn(db, {
			email: ' Anna@Demoby.dk',
			password: PASSWORD,
			ip: IP,
			now: T0
		});
		if (!result.ok) throw new Error(`expected success, got ${result.reason}`);
		expect(result.user).toMatchObject({
			email: 'anna@demoby.dk',
			name: 'Anna Andersen',
			locale: 'en'
		});
		expect(result.user).not.toHaveProperty('passwordHash');
		const validated = await validateSessionToken(db, result.token, T0 + 1000);
		expect(validated.user?.id).toBe(result.user.id);
		expect(validated.session?.id).toBe(result.session.id);
	});

	it('gives the same answer for a wrong password and an unknown email', async () => {
		const wrongPassword = await signIn(db, {
			email: 'anna@demoby.dk',
			password: 'forkert-kodeord',
			ip: IP,
			now: T0
		});
		const unknownEmail = await signIn(db, {
			email: 'nobody@demoby.dk',
			password: PASSWORD,
			ip: IP,
			now: T0
		});
		expect(wrongPassword).toEqual({ ok: false, reason: 'invalid' });
		expect(unknownEmail).toEqual(wrongPassword);
	});

	it('throttles an account after five failures, even for the right password, until the lock ends', async () => {
		const attempt = (password: string, now: number) =>
			signIn(db, { email: 'anna@demoby.dk', password, ip: IP, now });
		for (let i = 0; i < 4; i++)
			expect(await attempt('forkert-kodeord', T0)).toMatchObject({ reason: 'invalid' });
		expect(await attempt('forkert-kodeord', T0)).toEqual({
			ok: false,
			reason: 'throttled',
			retryAfterMs: 30_000
		});
		expect(await attempt(PASSWORD, T0 + 10_000)).toEqual({
			ok: false,
			reason: 'throttled',
			retryAfterMs: 20_000
		});
		expect((await attempt(PASSWORD, T0 + 30_000)).ok).toBe(true);
		// success cleared the account key: the next mistake is a plain "invalid" again
		expect(await attempt('forkert-kodeord', T0 + 31_000)).toEqual({ ok: false, reason: 'invalid' });
	});

	it('throttles unknown emails too, so a lock does not reveal whether an account exists', async () => {
		let last: Awaited<ReturnType<typeof signIn>> | undefined;
		for (let i = 0; i < 5; i++) {
			last = await signIn(db, { email: 'ghost@demoby.dk', password: 'x', ip: IP, now: T0 });
		}
		expect(last).toMatchObject({ ok: false, reason: 'throttled' });
	});

	it('throttles an address that fails across many accounts', async () => {
		for (let i = 0; i < ADDRESS_POLICY.maxFailures; i++) {
			await recordFailure(db, [accountKey(`spray${i}@demoby.dk`), addressKey(IP)], T0);
		}
		const fromSprayer = await signIn(db, {
			email: 'anna@demoby.dk',
			password: PASSWORD,
			ip: IP,
			now: T0
		});
		expect(fromSprayer).toMatchObject({ ok: false, reason: 'throttled' });
		const fromElsewhere = await signIn(db, {
			email: 'anna@demoby.dk',
			password: PASSWORD,
			ip: '198.51.100.4',
			now: T0
		});
		expect(fromElsewhere.ok).toBe(true);
	});

	it('uses a dummy hash with the same argon2 parameters as real hashes', async () => {
		const real = await hashPassword('whatever-password');
		const params = (hash: string) => hash.split('$').slice(1, 4).join('$');
		expect(params(DUMMY_PASSWORD_HASH)).toBe(params(real));
	});
});

describe('safeRedirectPath', () => {
	it.each([
		['/boards/abc', '/boards/abc'],
		['/admin/teams?x=1#top', '/admin/teams?x=1#top'],
		['/', '/'],
		[null, '/'],
		['', '/'],
		['boards', '/'],
		['//evil.example/path', '/'],
		['/\\evil.example', '/'],
		['/\tevil', '/'],
		['https://evil.example/', '/'],
		['javascript:alert(1)', '/'],
		['/%2F%2Fevil.example', '/%2F%2Fevil.example']
	])('%s -> %s', (input, expected) => {
		expect(safeRedirectPath(input)).toBe(expected);
	});
});
