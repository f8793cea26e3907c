import { test, expect } from '@playwright/test';
import { ACCOUNTS, boardIdByName, DEMO_BOARD, PASSWORD } from './support';

const GENERIC_ERROR = 'E-mail eller adgangskode er forkert.';

test('a wrong password shows the generic error and keeps the email', async ({ page }) => {
	await page.goto('/login');
	await expect(page.getByRole('heading', { name: 'Log ind' })).toBeVisible();
	const email = page.getByLabel('E-mail');
	await email.fill(ACCOUNTS.consultant);
	await page.getByLabel('Adgangskode').fill('forkert-adgangskode');
	await page.getByRole('button', { name: 'Log ind' }).click();

	const alert = page.getByRole('alert');
	await expect(alert).toHaveText(GENERIC_ERROR);
	// Next to the form: in the same box, right above it.
	await expect(page.locator('form').locator('xpath=..').getByRole('alert')).toBeVisible();
	await expect(page).toHaveURL(/\/login$/);
	await expect(email).toHaveValue(ACCOUNTS.consultant);
	await expect(page.getByLabel('Adgangskode')).toHaveValue('');

	// An unknown address gets exactly the same answer: nothing tells which accounts exist.
	await email.fill('ingen-bruger@demoby.dk');
	await page.getByLabel('Adgangskode').fill('forkert-adgangskode');
	await page.getByRole('button', { name: 'Log ind' }).click();
	await expect(email).toHaveValue('ingen-bruger@demoby.dk');
	await expect(alert).toHaveText(GENERIC_ERROR);
});

test('sign in lands on the boards, sign out goes back to the login page', async ({ page }) => {
	const boardId = boardIdByName(DEMO_BOARD);
	await page.goto('/login');
	await page.getByLabel('E-mail').fill(ACCOUNTS.consultant);
	await page.getByLabel('Adgangskode').fill(PASSWORD);
	await page.getByRole('button', { name: 'Log ind' }).click();

	await expect(page).toHaveURL(/\/$/);
	await expect(page.getByRole('heading', { level: 1, name: 'Dine tavler' })).toBeVisible();
	await expect(page.getByRole('heading', { level: 2, name: 'Virksomhedsservice' })).toBeVisible();
	const boardLink = page.getByTestId('board-link').filter({ hasText: DEMO_BOARD });
	await expect(boardLink).toBeVisible();
	await expect(boardLink).toHaveAttribute('href', `/boards/${boardId}`);
	// Anna is not in the other team, so its board is not listed.
	await expect(page.getByTestId('board-link').filter({ hasText: 'Småjob og unge' })).toHaveCount(0);
	await expect(page.getByRole('banner')).toContainText('Anna Andersen');

	await page.getByTestId('logout').click();
	await expect(page).toHaveURL(/\/login$/);
	await expect(page.getByRole('heading', { name: 'Log ind' })).toBeVisible();
	await expect(page.getByTestId('logout')).toHaveCount(0);

	// The session is gone: the board sends the visitor to sign in first.
	await page.goto(`/boards/${boardId}`);
	await expect(page).toHaveURL(
		new RegExp(`/login\\?redirectTo=${encodeURIComponent(`/boards/${boardId}`)}$`)
	);
	await expect(page.getByRole('heading', { name: 'Log ind' })).toBeVisible();
});

test('signing in works without JavaScript', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	try {
		const page = await context.newPage();
		await page.goto('/login');
		await page.getByLabel('E-mail').fill(ACCOUNTS.consultant2);
		await page.getByLabel('Adgangskode').fill('forkert-adgangskode');
		await page.getByRole('button', { name: 'Log ind' }).click();
		await expect(page.getByRole('alert')).toHaveText(GENERIC_ERROR);
		await expect(page.getByLabel('E-mail')).toHaveValue(ACCOUNTS.consultant2);

		await page.getByLabel('Adgangskode').fill(PASSWORD);
		await page.getByRole('button', { name: 'Log ind' }).click();
		await expect(page).toHaveURL(/\/$/);
		await expect(page.getByRole('heading', { level: 1, name: 'Dine tavler' })).toBeVisible();
		await expect(page.getByTestId('board-link').filter({ hasText: DEMO_BOARD })).toBeVisible();

		// Signing out is a plain form post as well.
		await page.getByTestId('logout').click();
		await expect(page).toHaveURL(/\/login$/);
		await page.goto('/');
		await expect(page).toHaveURL(/\/login/);
	} finally {
		await context.close();
	}
});
