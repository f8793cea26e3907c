import { test, expect, type Page } from '@playwright/test';
import {
	ACCOUNTS,
	addCardInLane,
	boardIdByName,
	cardByTitle,
	cardTitles,
	DEMO_BOARD,
	focusedCardId,
	laneById,
	laneIds,
	openBoard,
	signInQuickly,
	storedLaneOf,
	uniqueTitle
} from './support';

/**
 * Reaches a card as a keyboard user would: the skip link to the content, then Tab until the card
 * holds the focus.
 */
async function tabToCard(page: Page, cardId: string): Promise<void> {
	const skip = page.getByRole('link', { name: 'Gå til indholdet' });
	await skip.focus();
	await page.keyboard.press('Enter');
	await expect(page.locator('main')).toBeFocused();
	for (let i = 0; i < 150; i++) {
		await page.keyboard.press('Tab');
		if ((await focusedCardId(page)) === cardId) return;
	}
	throw new Error(`Tab never reached card ${cardId}`);
}

/** Moves the focus in an open menu with the arrow keys until the item named `name` has it. */
async function arrowToMenuItem(page: Page, name: string): Promise<void> {
	for (let i = 0; i < 20; i++) {
		const focused = await page.evaluate(() =>
			document.activeElement?.getAttribute('role') === 'menuitem'
				? document.activeElement.textContent?.trim()
				: null
		);
		if (focused === name) return;
		await page.keyboard.press('ArrowDown');
	}
	throw new Error(`menu item ${name} never got the focus`);
}

test('a card moves by keyboard alone, and the focus stays on it', async ({ page }) => {
	const boardId = boardIdByName(DEMO_BOARD);
	await signInQuickly(page, ACCOUNTS.consultant);
	await openBoard(page, boardId);
	const lanes = await laneIds(page);
	const from = laneById(page, lanes['Behov afdækket']!);
	const formidlet = laneById(page, lanes['Formidlet']!);
	const samtale = laneById(page, lanes['Samtale/prøveforløb']!);
	const first = uniqueTitle('Tastatur A');
	const second = uniqueTitle('Tastatur B');
	const cardId = await addCardInLane(page, lanes['Behov afdækket']!, first);
	await addCardInLane(page, lanes['Behov afdækket']!, second);

	await tabToCard(page, cardId);
	await expect(cardByTitle(from, first).getByTestId('card-open')).toBeFocused();

	// Alt+ArrowDown: one place down in the lane, below the card added after it.
	await page.keyboard.press('Alt+ArrowDown');
	await expect
		.poll(async () => {
			const titles = await cardTitles(from);
			return titles.indexOf(first) > titles.indexOf(second);
		})
		.toBe(true);
	await expect.poll(() => focusedCardId(page)).toBe(cardId);

	// "Flyt til …" with the keyboard: Tab to the button, open it, arrow to the lane, Enter.
	await page.keyboard.press('Tab');
	const trigger = cardByTitle(from, first).getByTestId('move-menu');
	await expect(trigger).toBeFocused();
	await expect(trigger).toHaveAccessibleName(`Flyt til … (kortet ${first})`);
	await page.keyboard.press('Enter');
	const menu = page.getByRole('menu');
	await expect(menu).toBeVisible();
	await expect(menu.getByRole('menuitem', { name: 'Til Formidlet' })).toBeVisible();
	await arrowToMenuItem(page, 'Til Formidlet');
	await page.keyboard.press('Enter');

	await expect(menu).toBeHidden();
	await expect(cardByTitle(formidlet, first)).toBeVisible();
	await expect(cardByTitle(from, first)).toHaveCount(0);
	await expect.poll(() => focusedCardId(page), 'the focus follows the card').toBe(cardId);
	await expect(cardByTitle(formidlet, first).getByTestId('card-open')).toBeFocused();

	// Alt+ArrowRight: into the next lane, still focused.
	await page.keyboard.press('Alt+ArrowRight');
	await expect(cardByTitle(samtale, first)).toBeVisible();
	await expect(cardByTitle(formidlet, first)).toHaveCount(0);
	await expect.poll(() => focusedCardId(page)).toBe(cardId);
	// Alt+ArrowLeft (the browser's Back key) moves it back instead of leaving #main in the history.
	await page.keyboard.press('Alt+ArrowLeft');
	await expect(cardByTitle(formidlet, first)).toBeVisible();
	await expect.poll(() => focusedCardId(page)).toBe(cardId);
	await expect(page).toHaveURL(new RegExp(`/boards/${boardId}#main$`));
	await page.keyboard.press('Alt+ArrowRight');
	await expect(cardByTitle(samtale, first)).toBeVisible();

	await expect.poll(() => storedLaneOf(boardId, first)).toBe('Samtale/prøveforløb');
	await expect.poll(() => storedLaneOf(boardId, second)).toBe('Behov afdækket');
});

test('Escape closes the move menu and gives the focus back to its button', async ({ page }) => {
	await signInQuickly(page, ACCOUNTS.consultant);
	await openBoard(page);
	const laneId = (await laneIds(page))['Besat']!;
	const title = uniqueTitle('Menu lukkes');
	await addCardInLane(page, laneId, title);
	const card = cardByTitle(laneById(page, laneId), title);
	// Closing the add form leaves the focus on "Tilføj kort"; the new, last card is just before it.
	await expect(laneById(page, laneId).getByTestId('add-card')).toBeFocused();
	await page.keyboard.press('Shift+Tab');
	await expect(card.getByTestId('move-menu')).toBeFocused();
	await page.keyboard.press('ArrowDown');
	await expect(page.getByRole('menu')).toBeVisible();
	await expect(page.getByRole('menuitem').first()).toBeFocused();
	await page.keyboard.press('Escape');
	await expect(page.getByRole('menu')).toBeHidden();
	await expect(card.getByTestId('move-menu')).toBeFocused();
	await expect(card).toBeVisible();
});
