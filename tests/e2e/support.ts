import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import * as Y from 'yjs';
import {
	devices,
	expect,
	test,
	type APIRequestContext,
	type Browser,
	type BrowserContext,
	type Locator,
	type Page
} from '@playwright/test';
import { readBoard } from '../../src/lib/board/model';
import { copenhagenToday } from '../../src/lib/openings/countdown';
import { dayNumber } from '../../src/lib/openings/deadline';
import type { BoardView, Card } from '../../src/lib/board/types';

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

/** A seeded citizen's id by its team's name and its initials. */
export function citizenIdByInitials(teamName: string, initials: string): string {
	return queryOne<{ id: string }>(
		`select c.id from citizen c join team t on t.id = c.team_id where t.name = ? and c.initials = ?`,
		teamName,
		initials
	).id;
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

export async function signedInContext(
	browser: Browser,
	email: string,
	options = {}
): Promise<BrowserContext> {
	const context = await browser.newContext(options);
	const page = await context.newPage();
	await signInPage(page, email);
	await page.close();
	return context;
}

/** Signs in with a plain form post, as a browser without JavaScript would. */
export async function signInRequest(
	request: APIRequestContext,
	baseURL: string,
	email: string
): Promise<void> {
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

/**
 * A browser context signed in through a plain form post on the context's own request client (it
 * shares the cookie jar), which is quicker than driving the login page; login.spec.ts covers that.
 */
export async function contextAs(
	browser: Browser,
	email: string,
	options: Parameters<Browser['newContext']>[0] = {}
): Promise<BrowserContext> {
	const context = await browser.newContext(options);
	const baseURL = options.baseURL ?? test.info().project.use.baseURL;
	if (!baseURL) throw new Error('no baseURL in the Playwright config');
	await signInRequest(context.request, baseURL, email);
	return context;
}

export interface SignedIn {
	context: BrowserContext;
	page: Page;
}

/** Two people signed in, a page each, in their own contexts; both closed when `body` ends or fails. */
export async function withTwoPeople(
	browser: Browser,
	first: string,
	second: string,
	body: (first: SignedIn, second: SignedIn) => Promise<void>
): Promise<void> {
	const firstContext = await contextAs(browser, first);
	const secondContext = await contextAs(browser, second);
	try {
		const firstPage = await firstContext.newPage();
		const secondPage = await secondContext.newPage();
		await body(
			{ context: firstContext, page: firstPage },
			{ context: secondContext, page: secondPage }
		);
	} finally {
		await firstContext.close();
		await secondContext.close();
	}
}

/** Signs the page's context in with a form post (see contextAs); the page stays where it is. */
export async function signInQuickly(page: Page, email: string): Promise<void> {
	const baseURL = test.info().project.use.baseURL;
	if (!baseURL) throw new Error('no baseURL in the Playwright config');
	await signInRequest(page.context().request, baseURL, email);
}

// ---- Board helpers for the browser tests (board.spec, live.spec, keyboard.spec, touch.spec, ...) ----

/** Display names of the seeded people, as presence and owner fields show them. */
export const NAMES = {
	consultant: 'Anna Andersen',
	consultant2: 'Bo Bertelsen',
	viewer: 'Skærm Mødelokale 2',
	leader: 'Lone Leder'
} as const;

export const DEMO_BOARD = 'Jobåbninger';
export const DEMO_TEAM = 'Virksomhedsservice';

/** Tests share one database per run, so every card they create gets a title no other test uses. */
export function uniqueTitle(prefix: string): string {
	return `${prefix} ${Math.random().toString(36).slice(2, 8)}`;
}

/** Opens a board and waits until it is loaded from the server and the socket is online. */
export async function openBoard(page: Page, boardId = boardIdByName(DEMO_BOARD)): Promise<void> {
	await page.goto(`/boards/${boardId}`);
	await expect(page.getByTestId('board')).toHaveAttribute('data-board-ready', 'true');
	await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'online');
}

/** Lane ids by lane title, read from the page (ids are the same in every context: one document). */
export async function laneIds(page: Page): Promise<Record<string, string>> {
	await expect(page.getByTestId('lane').first()).toBeVisible();
	return page
		.getByTestId('lane')
		.evaluateAll((sections) =>
			Object.fromEntries(
				sections.map((section) => [
					section.querySelector('h2')?.firstChild?.textContent?.trim() ?? '',
					section.getAttribute('data-lane-id') ?? ''
				])
			)
		);
}

export function laneById(page: Page, laneId: string): Locator {
	return page.locator(`[data-testid="lane"][data-lane-id="${laneId}"]`);
}

/** A card by its (unique) title, anywhere on the board or inside one lane. Never the drag shadow. */
export function cardByTitle(scope: Page | Locator, title: string): Locator {
	return scope.locator(`li[data-card-id][aria-label="${title.replaceAll('"', '\\"')}"]`);
}

/** Card titles of a lane, top to bottom. */
export async function cardTitles(lane: Locator): Promise<string[]> {
	return lane
		.locator('li[data-card-id]')
		.evaluateAll((items) => items.map((item) => item.getAttribute('aria-label') ?? ''));
}

/** Adds a card through the lane's "Tilføj kort" form and returns its id. */
export async function addCardInLane(page: Page, laneId: string, title: string): Promise<string> {
	const lane = laneById(page, laneId);
	await lane.getByTestId('add-card').click();
	const input = lane.locator(`input[id="lane-${laneId}-new"]`);
	await input.fill(title);
	await input.press('Enter');
	const card = cardByTitle(lane, title);
	await expect(card).toHaveCount(1);
	await expect(input).toHaveValue('');
	await input.press('Escape');
	await expect(lane.getByTestId('add-card')).toBeVisible();
	const id = await card.getAttribute('data-card-id');
	if (!id) throw new Error(`card ${title} has no id`);
	return id;
}

/** The visible part of an element's box (lanes scroll sideways, lists scroll down). */
async function visibleBox(
	page: Page,
	locator: Locator
): Promise<{ x: number; y: number; width: number; height: number }> {
	const box = await locator.boundingBox();
	if (!box) throw new Error('element has no box');
	const viewport = page.viewportSize() ?? { width: 1280, height: 720 };
	const left = Math.max(box.x, 0);
	const top = Math.max(box.y, 0);
	const right = Math.min(box.x + box.width, viewport.width);
	const bottom = Math.min(box.y + box.height, viewport.height);
	if (right <= left || bottom <= top) throw new Error('element is outside the viewport');
	return { x: left, y: top, width: right - left, height: bottom - top };
}

/** A point inside the target lane's card list, clear of the auto-scroll band at the window's edge. */
async function dropPoint(page: Page, targetLane: Locator): Promise<{ x: number; y: number }> {
	const list = targetLane.locator('ul.cards');
	const box = await visibleBox(page, list);
	const viewport = page.viewportSize() ?? { width: 1280, height: 720 };
	// svelte-dnd-action scrolls a container when the pointer is within 30 px of its edge.
	const right = Math.min(box.x + box.width, viewport.width - 40);
	return { x: (box.x + right) / 2, y: box.y + Math.min(24, box.height / 2) };
}

const STEPS = 10;
/** Pointer steps are paced like a hand: the drag library samples positions on its own timers. */
const STEP_PAUSE_MS = 16;

/**
 * Drags a card to another lane with the mouse, the way svelte-dnd-action needs it: press,
 * move in small steps, wait until the target lane shows the drop shadow, release.
 */
export async function dragCardWithMouse(
	page: Page,
	card: Locator,
	targetLane: Locator
): Promise<void> {
	await card.scrollIntoViewIfNeeded();
	const from = await visibleBox(page, card);
	const start = { x: from.x + from.width / 2, y: from.y + Math.min(12, from.height / 2) };
	await page.mouse.move(start.x, start.y);
	await page.mouse.down();
	for (let i = 1; i <= 3; i++) {
		await page.mouse.move(start.x + 2 * i, start.y + 2 * i);
		await page.waitForTimeout(STEP_PAUSE_MS);
	}
	await expect(page.locator('li.card-slot.shadow'), 'the drag has started').toHaveCount(1);
	const to = await dropPoint(page, targetLane);
	for (let i = 1; i <= STEPS; i++) {
		await page.mouse.move(
			start.x + ((to.x - start.x) * i) / STEPS,
			start.y + ((to.y - start.y) * i) / STEPS
		);
		await page.waitForTimeout(STEP_PAUSE_MS);
	}
	await expect(
		targetLane.locator('li.card-slot.shadow'),
		'the target lane offers the drop'
	).toHaveCount(1);
	await page.mouse.up();
}

/**
 * Drags a card to another lane with a finger (Chrome DevTools Protocol touch events): hold until
 * the drag starts (the board waits 200 ms so a swipe still scrolls), move, release.
 */
export async function dragCardWithTouch(
	page: Page,
	card: Locator,
	targetLane: Locator
): Promise<void> {
	await card.scrollIntoViewIfNeeded();
	const from = await visibleBox(page, card);
	const start = { x: from.x + from.width / 2, y: from.y + Math.min(12, from.height / 2) };
	const to = await dropPoint(page, targetLane);
	const cdp = await page.context().newCDPSession(page);
	const touch = async (type: 'touchStart' | 'touchMove' | 'touchEnd', x?: number, y?: number) => {
		await cdp.send('Input.dispatchTouchEvent', {
			type,
			touchPoints:
				x === undefined || y === undefined ? [] : [{ x: Math.round(x), y: Math.round(y) }]
		});
	};
	try {
		await touch('touchStart', start.x, start.y);
		// Hold still until the drag starts (the shadow appears in the card's place), then move.
		await expect(page.locator('li.card-slot.shadow'), 'the touch hold started a drag').toHaveCount(
			1
		);
		for (let i = 1; i <= STEPS; i++) {
			await touch(
				'touchMove',
				start.x + ((to.x - start.x) * i) / STEPS,
				start.y + ((to.y - start.y) * i) / STEPS
			);
			await page.waitForTimeout(STEP_PAUSE_MS);
		}
		await expect(
			targetLane.locator('li.card-slot.shadow'),
			'the target lane offers the drop'
		).toHaveCount(1);
		await touch('touchEnd');
	} finally {
		await cdp.detach();
	}
}

/** The data-card-id of the card that holds the keyboard focus, or null. */
export async function focusedCardId(page: Page): Promise<string | null> {
	return page.evaluate(
		() => document.activeElement?.closest('[data-card-id]')?.getAttribute('data-card-id') ?? null
	);
}

/**
 * The board as the server has stored it (snapshot plus update log, read in one transaction), so a
 * test can tell "kept on the server" from "kept in this browser's cache".
 */
export function storedBoard(boardId: string): BoardView {
	const db = new Database(databaseFile(), { readonly: true, fileMustExist: true });
	try {
		const rows = db.transaction(() => {
			const snapshot = db
				.prepare('select data, last_update_id as lastId from board_snapshot where board_id = ?')
				.get(boardId) as { data: Buffer; lastId: number } | undefined;
			const updates = db
				.prepare('select data from board_update where board_id = ? and id > ? order by id')
				.all(boardId, snapshot?.lastId ?? 0) as { data: Buffer }[];
			return [...(snapshot ? [snapshot.data] : []), ...updates.map((u) => u.data)];
		})();
		const doc = new Y.Doc();
		for (const update of rows) Y.applyUpdate(doc, new Uint8Array(update));
		const view = readBoard(doc);
		doc.destroy();
		return view;
	} finally {
		db.close();
	}
}

/** Where the server has a card (by title): its lane's title and the card, or null. */
export function storedCard(boardId: string, title: string): { lane: string; card: Card } | null {
	for (const lane of storedBoard(boardId).lanes) {
		const card = lane.cards.find((c) => c.title === title);
		if (card) return { lane: lane.title, card };
	}
	return null;
}

/** The title of the lane the server has the card in, or null (for expect.poll). */
export function storedLaneOf(boardId: string, title: string): string | null {
	return storedCard(boardId, title)?.lane ?? null;
}

/** Today in Copenhagen plus `days`, as YYYY-MM-DD (what a date field and the board take). */
export function dayFromToday(days: number): string {
	const today = dayNumber(copenhagenToday(new Date()))!;
	return new Date((today + days) * 86_400_000).toISOString().slice(0, 10);
}

/** A user's id by e-mail, straight from the test database. */
export function userIdByEmail(email: string): string {
	return queryOne<{ id: string }>('select id from user where email = ?', email).id;
}

/** A Pixel 7 phone, on the configured Debian Chromium (not the device's default browser). */
export const PHONE = (() => {
	const { defaultBrowserType: _browserType, ...phone } = devices['Pixel 7'];
	return phone;
})();
