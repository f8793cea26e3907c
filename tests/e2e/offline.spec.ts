import { test, expect, type WebSocketRoute } from '@playwright/test';
import {
	ACCOUNTS,
	addCardInLane,
	boardIdByName,
	cardByTitle,
	DEMO_BOARD,
	laneById,
	laneIds,
	openBoard,
	withTwoPeople,
	storedLaneOf,
	uniqueTitle
} from './support';

test('a card added offline is kept and reaches the others when the connection is back', async ({
	browser
}) => {
	const boardId = boardIdByName(DEMO_BOARD);
	await withTwoPeople(
		browser,
		ACCOUNTS.consultant,
		ACCOUNTS.consultant2,
		async ({ page: anna, context: annaContext }, { page: bo }) => {
			await openBoard(anna, boardId);
			await openBoard(bo, boardId);
			const lane = (await laneIds(anna))['Behov afdækket']!;
			const connection = anna.getByTestId('connection-state');

			await annaContext.setOffline(true);
			await expect(connection).toHaveAttribute('data-state', 'offline');
			await expect(connection.getByRole('status')).toHaveText(/Offline/);

			const title = uniqueTitle('Offline kort');
			await addCardInLane(anna, lane, title);
			await expect(cardByTitle(laneById(anna, lane), title), 'kept on Anna’s board').toBeVisible();
			await expect(connection, 'the edit waits on this device').toHaveAttribute(
				'data-pending',
				'true'
			);
			await expect(connection).toContainText('Ændringer er gemt på enheden');

			// Bo's later card reaches the server; Anna's earlier one has not left her device.
			const fromBo = uniqueTitle('Mens Anna er offline');
			await addCardInLane(bo, lane, fromBo);
			await expect.poll(() => storedLaneOf(boardId, fromBo)).toBe('Behov afdækket');
			expect(storedLaneOf(boardId, title), 'nothing is sent while offline').toBeNull();
			await expect(cardByTitle(bo, title)).toHaveCount(0);
			await expect(cardByTitle(anna, fromBo)).toHaveCount(0);

			await annaContext.setOffline(false);
			await expect(connection).toHaveAttribute('data-state', 'online');
			await expect(
				cardByTitle(laneById(bo, lane), title),
				'the offline card reaches Bo'
			).toBeVisible();
			await expect(
				cardByTitle(laneById(anna, lane), fromBo),
				'and Bo’s card reaches Anna'
			).toBeVisible();
			await expect(connection).toHaveAttribute('data-pending', 'false');
			await expect(connection).not.toContainText('Ændringer er gemt på enheden');
			await expect.poll(() => storedLaneOf(boardId, title)).toBe('Behov afdækket');
		}
	);
});

test('when the board’s socket drops, edits wait and are sent after the reconnect', async ({
	browser
}) => {
	const boardId = boardIdByName(DEMO_BOARD);
	await withTwoPeople(
		browser,
		ACCOUNTS.consultant,
		ACCOUNTS.consultant2,
		async ({ page: anna }, { page: bo }) => {
			// Anna's board socket goes through a relay the test can cut, like a Wi-Fi drop the browser
			// has not noticed (navigator.onLine stays true).
			let cut = false;
			const routes: WebSocketRoute[] = [];
			await anna.routeWebSocket(/\/sync\//, (route) => {
				routes.push(route);
				if (!cut) route.connectToServer();
				// While cut, the socket opens but nothing reaches the server and nothing comes back.
			});
			await openBoard(anna, boardId);
			await openBoard(bo, boardId);
			const lane = (await laneIds(anna))['Besat']!;
			const connection = anna.getByTestId('connection-state');

			cut = true;
			for (const route of routes.splice(0))
				await route.close({ code: 4000, reason: 'network cut by test' });
			await expect(connection).toHaveAttribute('data-state', 'reconnecting');
			await expect(connection.getByRole('status')).toHaveText(/Genopretter forbindelse/);

			const title = uniqueTitle('Under genopkobling');
			await addCardInLane(anna, lane, title);
			await expect(connection).toHaveAttribute('data-pending', 'true');
			const fromBo = uniqueTitle('Bo imens');
			await addCardInLane(bo, lane, fromBo);
			await expect.poll(() => storedLaneOf(boardId, fromBo)).toBe('Besat');
			expect(storedLaneOf(boardId, title)).toBeNull();

			cut = false;
			for (const route of routes.splice(0))
				await route.close({ code: 4000, reason: 'network back' });
			await expect(connection).toHaveAttribute('data-state', 'online');
			await expect(
				cardByTitle(laneById(bo, lane), title),
				'the waiting edit reaches Bo'
			).toBeVisible();
			await expect(cardByTitle(laneById(anna, lane), fromBo)).toBeVisible();
			await expect(connection).toHaveAttribute('data-pending', 'false');
			await expect.poll(() => storedLaneOf(boardId, title)).toBe('Besat');
		}
	);
});
