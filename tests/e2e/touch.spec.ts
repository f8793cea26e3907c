import { test, expect, devices } from '@playwright/test';
import {
	ACCOUNTS,
	addCardInLane,
	boardIdByName,
	cardByTitle,
	DEMO_BOARD,
	dragCardWithTouch,
	laneById,
	laneIds,
	openBoard,
	contextAs,
	storedLaneOf,
	uniqueTitle
} from './support';

// A phone: small viewport, touch only, mobile layout. Launched with the project's Chromium.
const { defaultBrowserType: _browserType, ...phone } = devices['Pixel 7'];

test('on a phone a card can be dragged to another lane with a finger', async ({ browser }) => {
	const boardId = boardIdByName(DEMO_BOARD);
	const phoneContext = await contextAs(browser, ACCOUNTS.consultant, phone);
	const desktopContext = await contextAs(browser, ACCOUNTS.consultant2);
	try {
		const mobile = await phoneContext.newPage();
		const desktop = await desktopContext.newPage();
		await openBoard(mobile, boardId);
		await openBoard(desktop, boardId);
		expect(mobile.viewportSize()!.width).toBeLessThan(500);
		// Lanes scroll sideways inside the board; the page itself must not, or the phone zooms out.
		expect(
			await mobile.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
		).toBeLessThanOrEqual(0);
		expect(await mobile.evaluate(() => window.innerWidth)).toBe(mobile.viewportSize()!.width);

		const lanes = await laneIds(mobile);
		const ny = lanes['Ny']!;
		const behov = lanes['Behov afdækket']!;
		const title = uniqueTitle('Touch flyt');
		await addCardInLane(mobile, ny, title);
		await expect(cardByTitle(laneById(desktop, ny), title)).toBeVisible();

		await dragCardWithTouch(
			mobile,
			cardByTitle(laneById(mobile, ny), title),
			laneById(mobile, behov)
		);

		await expect(cardByTitle(laneById(mobile, behov), title)).toBeVisible();
		await expect(cardByTitle(laneById(mobile, ny), title)).toHaveCount(0);
		// The drop did not also open the card (a tap opens it; a drag must not).
		await expect(mobile.getByTestId('card-editor')).toHaveCount(0);
		await expect(
			cardByTitle(laneById(desktop, behov), title),
			'the other device sees the move'
		).toBeVisible();
		await expect(cardByTitle(laneById(desktop, ny), title)).toHaveCount(0);
		await expect.poll(() => storedLaneOf(boardId, title)).toBe('Behov afdækket');

		await mobile.reload();
		await expect(mobile.getByTestId('board')).toHaveAttribute('data-board-ready', 'true');
		await expect(cardByTitle(laneById(mobile, behov), title)).toBeVisible();
	} finally {
		await phoneContext.close();
		await desktopContext.close();
	}
});

test('on a phone a short tap opens the card instead of dragging it', async ({ browser }) => {
	const phoneContext = await contextAs(browser, ACCOUNTS.consultant, phone);
	try {
		const mobile = await phoneContext.newPage();
		await openBoard(mobile);
		const ny = (await laneIds(mobile))['Ny']!;
		const title = uniqueTitle('Touch tryk');
		await addCardInLane(mobile, ny, title);
		const card = cardByTitle(laneById(mobile, ny), title);
		await card.scrollIntoViewIfNeeded();
		await card.getByTestId('card-open').tap();
		const editor = mobile.getByTestId('card-editor');
		await expect(editor).toBeVisible();
		await expect(editor.getByLabel('Titel')).toHaveValue(title);
		await editor.getByRole('button', { name: 'Annuller' }).tap();
		await expect(editor).toBeHidden();
		await expect(card).toBeVisible();
	} finally {
		await phoneContext.close();
	}
});
