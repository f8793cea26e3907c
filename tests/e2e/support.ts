import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect, type APIRequestContext, type Browser, type BrowserContext, type Page } from '@playwright/test';

/** Shared by the browser tests. Accounts are the invented demo people seeded into the test database. */
export const PASSWORD = 'demo-tavlen-2026';
export const ACCOUNTS = {
	admin: 'admin@demoby.dk',
	leader: 'leder@demoby.dk',
	consultant: 'anna@demoby.dk',
	consultant2: 'bo@demoby.dk',
	viewer: 'skaerm@demoby.dk'
} as const;

export function databaseFile(): string {
	const dir = process.env.E2E_DATA_DIR;
	if (!dir) throw new Error('E2E_DATA_DIR is not set (playwright.config.ts sets it)');
	return join(dir, 'tavlen.sqlite');
}

/** Reads from the test server's own SQLite file (read-only), e.g. to find a seeded board's id. */
export function queryOne<T>(sql: string, ...params: unknown[]): T {
	const db = new Database(databaseFile(), { readonly: true, fileMustExist: true });
	try {
		return db.prepare(sql).get(...params) as T;
	} finally {
		db.close();
	}
}

export function boardIdByName(name: string): string {
	return queryOne<{ id: string }>('select id from board where name = ?', name).id;
}

export function teamIdByName(name: string): string {
	return queryOne<{ id: string }>('select id from team where name = ?', name).id;
}

/** Runs the operator CLI against the test database; returns stdout. */
export function cli(args: string[], stdin?: string): string {
	const result = spawnSync(process.execPath, ['--import', 'tsx', 'server/cli.ts', ...args], {
		env: { ...process.env, TAVLEN_DB: databaseFile() },
		input: stdin,
		encoding: 'utf8'
	});
	if (result.status !== 0) throw new Error(`cli ${args.join(' ')} failed: ${result.stderr}`);
	return result.stdout.trim();
}

/** Signs in through the real login form (no JavaScript needed), returning the page. */
export async function signInPage(page: Page, email: string, password = PASSWORD): Promise<void> {
	await page.goto('/login');
	await page.getByLabel(/e-?mail/i).fill(email);
	await page.getByLabel(/adgangskode|password/i).fill(password);
	await page.getByRole('button', { name: /log ind|sign in/i }).click();
	await expect(page).not.toHaveURL(/\/login/);
}

export async function signedInContext(browser: Browser, email: string, options = {}): Promise<BrowserContext> {
	const context = await browser.newContext(options);
	const page = await context.newPage();
	await signInPage(page, email);
	await page.close();
	return context;
}

/** Signs in with a plain form post, as a browser without JavaScript would. */
export async function signInRequest(request: APIRequestContext, baseURL: string, email: string): Promise<void> {
	const response = await request.post('/login', {
		form: { email, password: PASSWORD },
		headers: { origin: baseURL, accept: 'text/html' },
		maxRedirects: 0
	});
	expect(response.status(), `sign-in of ${email}`).toBe(303);
}

export async function sessionCookie(request: APIRequestContext): Promise<string | undefined> {
	const state = await request.storageState();
	const cookie = state.cookies.find((c) => c.name === 'tavlen_session');
	return cookie ? `tavlen_session=${cookie.value}` : undefined;
}
