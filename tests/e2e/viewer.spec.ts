import { test, expect } from '@playwright/test';
import {
	ACCOUNTS,
	addCardInLane,
	boardIdByName,
	cardByTitle,
	cardTitles,
	DEMO_BOARD,
	laneById,
	laneIds,
	NAMES,
	openBoard,
	withTwoPeople,
	storedLaneOf,
	uniqueTitle
} from './support';

test('a viewer sees the board live but cannot change it', async ({ browser }) => {
	const boardId = boardIdByName(DEMO_BOARD);
	await withTwoPeople(
		browser,
		ACCOUNTS.viewer,
		ACCOUNTS.consultant,
		async ({ page: viewer }, { page: anna }) => {
			await openBoard(viewer, boardId);
			await openBoard(anna, boardId);

			// What the viewer is told, and what is not offered.
			await expect(viewer.getByTestId('read-only')).toHaveText('Kun læseadgang');
			await expect(viewer.getByTestId('card-open').first()).toBeVisible();
			for (const control of ['add-card', 'add-lane', 'move-menu', 'lane-menu']) {
				await expect(viewer.getByTestId(control), `no ${control} for a viewer`).toHaveCount(0);
			}
			await expect(viewer.getByRole('button', { name: /Flyt til/ })).toHaveCount(0);
			await expect(anna.getByTestId('read-only')).toHaveCount(0);
			await expect(viewer.getByTestId('presence').getByTitle(NAMES.consultant)).toBeVisible();

			// Live: a card Anna adds appears on the viewer's screen without a reload.
			const lanes = await laneIds(anna);
			const ny = lanes['Ny']!;
			const title = uniqueTitle('Set af skærmen');
			await addCardInLane(anna, ny, title);
			const card = cardByTitle(laneById(viewer, ny), title);
			await expect(card, 'the viewer sees the new card').toBeVisible();
			await expect(card.getByTestId('move-menu')).toHaveCount(0);
			const before = await cardTitles(laneById(anna, ny));

			// Keyboard shortcuts do nothing.
			await card.getByTestId('card-open').focus();
			await viewer.keyboard.press('Alt+ArrowRight');
			await viewer.keyboard.press('Alt+ArrowDown');
			await viewer.keyboard.press('Alt+ArrowUp');
			// A mouse drag does nothing either.
			await card.scrollIntoViewIfNeeded();
			const box = (await card.boundingBox())!;
			const target = (await laneById(viewer, lanes['Formidlet']!)
				.locator('ul.cards')
				.boundingBox())!;
			await viewer.mouse.move(box.x + box.width / 2, box.y + 12);
			await viewer.mouse.down();
			for (let i = 1; i <= 10; i++) {
				await viewer.mouse.move(
					box.x + box.width / 2 + ((target.x + 40 - box.x - box.width / 2) * i) / 10,
					box.y + 12 + ((target.y + 20 - box.y - 12) * i) / 10
				);
			}
			await expect(viewer.locator('li.card-slot.shadow'), 'no drag starts').toHaveCount(0);
			await viewer.mouse.up();

			// Opening a card shows it, with nothing to edit or delete.
			await card.getByTestId('card-open').click();
			const editor = viewer.getByTestId('card-editor');
			await expect(editor).toBeVisible();
			await expect(editor.getByRole('heading', { name: 'Kort', exact: true })).toBeVisible();
			await expect(editor).toContainText(title);
			await expect(editor.getByRole('textbox')).toHaveCount(0);
			await expect(editor.getByRole('combobox')).toHaveCount(0);
			await expect(editor.getByTestId('delete-card')).toHaveCount(0);
			await expect(editor.getByRole('button', { name: 'Gem' })).toHaveCount(0);
			await editor.getByRole('button', { name: 'Luk' }).click();
			await expect(editor).toBeHidden();

			// Nothing changed, for the viewer, for Anna, or on the server. Anna's next card proves that
			// everything the viewer's socket sent before it has been through the server.
			await expect(cardByTitle(laneById(viewer, ny), title)).toBeVisible();
			const barrier = uniqueTitle('Efter skærmen');
			await addCardInLane(anna, ny, barrier);
			await expect(cardByTitle(laneById(viewer, ny), barrier)).toBeVisible();
			expect(await cardTitles(laneById(anna, ny))).toEqual([...before, barrier]);
			await expect.poll(() => storedLaneOf(boardId, barrier)).toBe('Ny');
			expect(storedLaneOf(boardId, title)).toBe('Ny');

			await viewer.reload();
			await expect(viewer.getByTestId('board')).toHaveAttribute('data-board-ready', 'true');
			await expect(cardByTitle(laneById(viewer, ny), title)).toBeVisible();
		}
	);
});
