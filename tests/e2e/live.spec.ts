import { test, expect } from '@playwright/test';
import {
	ACCOUNTS,
	addCardInLane,
	boardIdByName,
	cardByTitle,
	DEMO_BOARD,
	dragCardWithMouse,
	laneById,
	laneIds,
	NAMES,
	openBoard,
	withTwoPeople,
	storedLaneOf,
	uniqueTitle
} from './support';

test('two people see each other move cards live, and a reload keeps the move', async ({
	browser
}) => {
	const boardId = boardIdByName(DEMO_BOARD);
	await withTwoPeople(
		browser,
		ACCOUNTS.consultant,
		ACCOUNTS.consultant2,
		async ({ page: anna }, { page: bo }) => {
			await openBoard(anna, boardId);
			await openBoard(bo, boardId);

			// Presence: both see both names (the avatar's tooltip; the name is also there for screen readers).
			for (const page of [anna, bo]) {
				const presence = page.getByTestId('presence');
				await expect(presence.getByTitle(new RegExp(`^${NAMES.consultant}`))).toBeVisible();
				await expect(presence.getByTitle(new RegExp(`^${NAMES.consultant2}`))).toBeVisible();
			}
			await expect(anna.getByTestId('presence')).toContainText(`${NAMES.consultant} (dig)`);
			await expect(bo.getByTestId('presence')).toContainText(`${NAMES.consultant2} (dig)`);

			const lanes = await laneIds(anna);
			const ny = lanes['Ny']!;
			const kandidater = lanes['Kandidater foreslået']!;
			const formidlet = lanes['Formidlet']!;
			const title = uniqueTitle('Live flyt');
			await addCardInLane(anna, ny, title);
			await expect(cardByTitle(laneById(bo, ny), title), 'Bo sees Anna’s new card').toBeVisible();

			// Anna drags the card with the mouse; Bo sees it arrive without reloading.
			await dragCardWithMouse(
				anna,
				cardByTitle(laneById(anna, ny), title),
				laneById(anna, kandidater)
			);
			await expect(cardByTitle(laneById(anna, kandidater), title)).toBeVisible();
			await expect(
				cardByTitle(laneById(bo, kandidater), title),
				'the move reaches Bo'
			).toBeVisible();
			await expect(cardByTitle(laneById(bo, ny), title)).toHaveCount(0);

			// And the other way round: Bo drags it on, Anna sees it.
			await dragCardWithMouse(
				bo,
				cardByTitle(laneById(bo, kandidater), title),
				laneById(bo, formidlet)
			);
			await expect(cardByTitle(laneById(bo, formidlet), title)).toBeVisible();
			await expect(
				cardByTitle(laneById(anna, formidlet), title),
				'the move reaches Anna'
			).toBeVisible();
			await expect(cardByTitle(laneById(anna, kandidater), title)).toHaveCount(0);

			// Kept: in the server's stored board, and on screen after a reload.
			await expect.poll(() => storedLaneOf(boardId, title)).toBe('Formidlet');
			await anna.reload();
			await expect(anna.getByTestId('board')).toHaveAttribute('data-board-ready', 'true');
			await expect(cardByTitle(laneById(anna, formidlet), title)).toBeVisible();
			await expect(cardByTitle(anna, title)).toHaveCount(1);
		}
	);
});
