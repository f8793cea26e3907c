import { test, expect, type WebSocketRoute } from '@playwright/test';
import Database from 'better-sqlite3';
import {
	ACCOUNTS,
	addCardInLane,
	boardIdByName,
	cardByTitle,
	contextAs,
	databaseFile,
	DEMO_BOARD,
	laneById,
	laneIds,
	openBoard,
	PASSWORD,
	storedLaneOf,
	uniqueTitle
} from './support';

/** Ends every session of the user in the server's database, as an expiry or a sign-out elsewhere would. */
function endSessions(email: string): number {
	const db = new Database(databaseFile(), { fileMustExist: true });
	try {
		return db
			.prepare('delete from session where user_id = (select id from user where email = ?)')
			.run(email).changes;
	} finally {
		db.close();
	}
}

test('an expired session sends the user to sign in, and edits made meanwhile survive it', async ({
	browser
}) => {
	const boardId = boardIdByName(DEMO_BOARD);
	const context = await contextAs(browser, ACCOUNTS.consultant);
	try {
		const page = await context.newPage();
		// The board socket goes through a relay the test can cut, so the edit waits on the device.
		let cut = false;
		const routes: WebSocketRoute[] = [];
		await page.routeWebSocket(/\/sync\//, (route) => {
			routes.push(route);
			if (!cut) route.connectToServer();
		});
		await openBoard(page, boardId);
		const lane = (await laneIds(page))['Formidlet']!;
		const connection = page.getByTestId('connection-state');

		cut = true;
		for (const route of routes.splice(0)) await route.close({ code: 4000, reason: 'cut by test' });
		await expect(connection).toHaveAttribute('data-state', 'reconnecting');
		const title = uniqueTitle('Lavet før udløb');
		await addCardInLane(page, lane, title);
		await expect(connection).toHaveAttribute('data-pending', 'true');

		expect(endSessions(ACCOUNTS.consultant)).toBeGreaterThan(0);
		cut = false;
		for (const route of routes.splice(0)) await route.close({ code: 4000, reason: 'back' });

		// The server closes the reconnect with 4401; the board sends the user to sign in.
		await expect(page).toHaveURL(new RegExp(`/login\\?redirectTo=%2Fboards%2F${boardId}`));
		expect(storedLaneOf(boardId, title), 'not on the server yet').toBeNull();

		await page.getByLabel(/e-?mail/i).fill(ACCOUNTS.consultant);
		await page.getByLabel(/adgangskode/i).fill(PASSWORD);
		await page.getByRole('button', { name: /log ind/i }).click();
		await expect(page).toHaveURL(new RegExp(`/boards/${boardId}`));

		// The edit was kept on the device and is sent under the new session.
		await expect(cardByTitle(laneById(page, lane), title)).toBeVisible();
		await expect.poll(() => storedLaneOf(boardId, title)).toBe('Formidlet');
		await expect(connection).toHaveAttribute('data-pending', 'false');
	} finally {
		await context.close();
	}
});
