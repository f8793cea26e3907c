import { test, expect } from '@playwright/test';
import {
	ACCOUNTS,
	addCardInLane,
	boardIdByName,
	cardByTitle,
	DEMO_BOARD,
	laneById,
	laneIds,
	NAMES,
	openBoard,
	signInQuickly,
	storedCard,
	uniqueTitle
} from './support';

test.beforeEach(async ({ page }) => {
	await signInQuickly(page, ACCOUNTS.consultant);
});

test('create a card, edit its details, and a reload keeps it', async ({ page }) => {
	const boardId = boardIdByName(DEMO_BOARD);
	await openBoard(page, boardId);
	await expect(page.getByRole('heading', { level: 1, name: DEMO_BOARD })).toBeVisible();
	const ny = (await laneIds(page))['Ny']!;
	const lane = laneById(page, ny);

	// An empty title is refused with a message, not silently.
	await lane.getByTestId('add-card').click();
	await lane.getByLabel('Titel på nyt kort').press('Enter');
	await expect(lane.getByText('Skriv en titel.')).toBeVisible();
	await lane.getByLabel('Titel på nyt kort').press('Escape');

	const title = uniqueTitle('Rengøringsassistent, Demoby Skole');
	await addCardInLane(page, ny, title);
	const card = cardByTitle(lane, title);
	await expect(card).toBeVisible();
	await expect(card).toContainText('Ingen ansvarlig');

	await card.getByTestId('card-open').click();
	const editor = page.getByTestId('card-editor');
	await expect(editor).toBeVisible();
	await expect(editor.getByRole('heading', { name: 'Rediger kort' })).toBeVisible();
	await expect(editor).toContainText('I kolonnen Ny');
	await expect(editor.getByLabel('Titel')).toHaveValue(title);
	await editor.getByLabel('Beskrivelse').fill('20 t/uge, start 1. marts. Rent straffeattest.');
	await editor.getByLabel('Ansvarlig').selectOption({ label: NAMES.consultant2 });
	await editor.getByLabel('Frist').fill('2031-03-14');
	await editor.getByRole('button', { name: 'Gem' }).click();
	await expect(editor).toBeHidden();

	await expect(card).toContainText(NAMES.consultant2);
	await expect(card.getByTestId('card-due')).toHaveText(/Frist 14\.03\.2031/);
	// The dialog gives focus back to the card it was opened from.
	await expect(card.getByTestId('card-open')).toBeFocused();

	// The server has the edit, and a reload shows it.
	await expect
		.poll(() => storedCard(boardId, title)?.card.description ?? null)
		.toBe('20 t/uge, start 1. marts. Rent straffeattest.');
	await page.reload();
	await expect(page.getByTestId('board')).toHaveAttribute('data-board-ready', 'true');
	const reloaded = cardByTitle(laneById(page, ny), title);
	await expect(reloaded).toContainText(NAMES.consultant2);
	await expect(reloaded.getByTestId('card-due')).toHaveText(/Frist 14\.03\.2031/);
	await reloaded.getByTestId('card-open').click();
	await expect(editor.getByLabel('Beskrivelse')).toHaveValue(
		'20 t/uge, start 1. marts. Rent straffeattest.'
	);
	await expect(editor.getByLabel('Ansvarlig').locator('option:checked')).toHaveText(
		NAMES.consultant2
	);
	await expect(editor.getByLabel('Frist')).toHaveValue('2031-03-14');
	await editor.getByRole('button', { name: 'Annuller' }).click();
	await expect(editor).toBeHidden();
});

test('a deleted card can be brought back with undo', async ({ page }) => {
	const boardId = boardIdByName(DEMO_BOARD);
	await openBoard(page, boardId);
	const laneId = (await laneIds(page))['Formidlet']!;
	const lane = laneById(page, laneId);
	const title = uniqueTitle('Slettes og fortrydes');
	await addCardInLane(page, laneId, title);

	await cardByTitle(lane, title).getByTestId('card-open').click();
	await page.getByTestId('card-editor').getByTestId('delete-card').click();
	await expect(cardByTitle(page, title)).toHaveCount(0);
	await expect(page.getByTestId('toast')).toContainText('Kortet er slettet');
	await expect.poll(() => storedCard(boardId, title)).toBeNull();

	await page.getByTestId('toast-action').click();
	await expect(cardByTitle(lane, title)).toBeVisible();
	await expect.poll(() => storedCard(boardId, title)?.lane ?? null).toBe('Formidlet');
});
