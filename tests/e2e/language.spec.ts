import { test, expect, type Page } from '@playwright/test';
import { cli, DEMO_TEAM, laneById, laneIds, openBoard, PASSWORD, signInPage } from './support';

// A person of their own: the language is saved on the user, and the other tests expect Danish.
const EMAIL = `sprog-${Math.random().toString(36).slice(2, 8)}@demoby.dk`;

test.beforeAll(() => {
	cli(['user', 'create', '--email', EMAIL, '--name', 'Sigrid Sprog'], `${PASSWORD}\n`);
	cli(['member', 'add', '--team', DEMO_TEAM, '--email', EMAIL, '--role', 'consultant']);
});

async function chooseLanguage(
	page: Page,
	option: 'Dansk' | 'English',
	save: 'Gem' | 'Save'
): Promise<void> {
	await page.goto('/settings');
	await page.getByRole('radio', { name: option }).check();
	await page.getByRole('button', { name: save }).click();
	await expect(page).toHaveURL(/\/settings\?saved=1$/);
}

test('switching to English shows the board in English, and back to Danish', async ({ page }) => {
	await signInPage(page, EMAIL);
	await expect(page.getByRole('heading', { level: 1, name: 'Dine tavler' })).toBeVisible();
	await expect(page.locator('html')).toHaveAttribute('lang', 'da');

	await chooseLanguage(page, 'English', 'Gem');
	await expect(page.getByRole('status')).toHaveText('Your settings have been saved.');
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
	await expect(page.getByRole('radio', { name: 'English' })).toBeChecked();

	await page.getByRole('link', { name: 'Boards' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Your boards' })).toBeVisible();
	await openBoard(page);
	const ny = (await laneIds(page))['Ny']!;
	// Lane and card names are data and stay as written; the interface around them changes.
	await expect(laneById(page, ny).getByTestId('add-card')).toHaveText(/Add card/);
	await expect(page.getByTestId('add-lane')).toHaveText(/Add column/);
	await expect(page.getByTestId('move-menu').first()).toHaveText('Move to …');
	await expect(page.getByTestId('connection-state').getByRole('status')).toHaveText(/Online/);
	await expect(page.getByTestId('presence')).toContainText('Sigrid Sprog (you)');
	await expect(page.getByTestId('logout')).toHaveText('Sign out');
	await expect(laneById(page, ny).getByTestId('add-opening')).toHaveText(/New job opening/);
	// The seeded cards are job openings: their dialog speaks English too.
	await laneById(page, ny).getByTestId('card-open').first().click();
	const dialog = page.getByTestId('opening-dialog');
	await expect(dialog.getByRole('heading', { name: 'Job opening' })).toBeVisible();
	await expect(dialog.getByLabel('Position', { exact: true })).toBeVisible();
	await expect(page.getByTestId('opening-status').first()).toHaveText(/Deadline|Filled/);
	await dialog.getByRole('button', { name: 'Cancel' }).click();

	// The choice is saved on the person: it survives signing out and in again.
	await page.getByTestId('logout').click();
	await expect(page).toHaveURL(/\/login$/);
	await signInPage(page, EMAIL);
	await expect(page.getByRole('heading', { level: 1, name: 'Your boards' })).toBeVisible();

	await chooseLanguage(page, 'Dansk', 'Save');
	await expect(page.getByRole('status')).toHaveText('Dine indstillinger er gemt.');
	await expect(page.locator('html')).toHaveAttribute('lang', 'da');
	await openBoard(page);
	await expect(laneById(page, ny).getByTestId('add-card')).toHaveText(/Tilføj kort/);
	await expect(page.getByTestId('add-lane')).toHaveText(/Tilføj kolonne/);
	await expect(page.getByTestId('move-menu').first()).toHaveText('Flyt til …');
	await expect(page.getByTestId('logout')).toHaveText('Log ud');
});
