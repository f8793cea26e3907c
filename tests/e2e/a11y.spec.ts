import { test, expect } from '@playwright/test';
import { expectNoViolations } from './axe';
import { ACCOUNTS, cardByTitle, laneById, laneIds, openBoard, signInQuickly } from './support';

test('the login page has no WCAG A/AA violations, also with an error shown', async ({ page }) => {
	await page.goto('/login');
	await expect(page.getByRole('heading', { name: 'Log ind' })).toBeVisible();
	await expectNoViolations(page, '/login');

	await page.getByLabel('E-mail').fill('ingen-bruger@demoby.dk');
	await page.getByLabel('Adgangskode').fill('forkert-adgangskode');
	await page.getByRole('button', { name: 'Log ind' }).click();
	await expect(page.getByRole('alert')).toBeVisible();
	await expectNoViolations(page, '/login with the sign-in error');
});

test('the home page has no WCAG A/AA violations', async ({ page }) => {
	await signInQuickly(page, ACCOUNTS.consultant);
	await page.goto('/');
	await expect(page.getByRole('heading', { name: 'Dine tavler' })).toBeVisible();
	await expectNoViolations(page, 'the home page');
});

test('the board page has no WCAG A/AA violations, nor its card dialog and move menu', async ({
	page
}) => {
	await signInQuickly(page, ACCOUNTS.consultant);
	await openBoard(page);
	await expectNoViolations(page, 'the board');

	const ny = (await laneIds(page))['Ny']!;
	const card = cardByTitle(laneById(page, ny), 'Lagermedarbejder, Demoby Logistik');
	await card.getByTestId('move-menu').click();
	await expect(page.getByRole('menu')).toBeVisible();
	await expectNoViolations(page, 'the open move menu', '[role="menu"]:popover-open');
	await page.keyboard.press('Escape');

	await card.getByTestId('card-open').click();
	await expect(page.getByTestId('card-editor')).toBeVisible();
	await expectNoViolations(page, 'the card dialog', '[data-testid="card-editor"]');
});

test('the board page has no WCAG A/AA violations for a viewer on a phone', async ({ browser }) => {
	const context = await browser.newContext({
		viewport: { width: 390, height: 844 },
		isMobile: true,
		hasTouch: true
	});
	try {
		const page = await context.newPage();
		await signInQuickly(page, ACCOUNTS.viewer);
		await openBoard(page);
		await expect(page.getByTestId('read-only')).toBeVisible();
		await expectNoViolations(page, 'the board for a viewer on a phone');
	} finally {
		await context.close();
	}
});
