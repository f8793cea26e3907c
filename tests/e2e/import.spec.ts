import { expect, test, type Page } from '@playwright/test';
import { expectNoViolations } from './axe';
import { isOpening } from '../../src/lib/board/types';
import {
	ACCOUNTS,
	boardIdByName,
	cli,
	DEMO_BOARD,
	DEMO_TEAM,
	PASSWORD,
	openBoard,
	queryOne,
	signInQuickly,
	storedBoard
} from './support';

/**
 * CSV import (issue 3, point 6): the preview shows every row's problems before anything is saved,
 * and only the valid rows are imported, and only when asked.
 */

const suffix = () => Math.random().toString(36).slice(2, 8);

/** Titles of the opening cards the server has, with the lane each one is in. */
function storedOpenings(boardId: string): Map<string, { lane: string; deadline: string }> {
	const found = new Map<string, { lane: string; deadline: string }>();
	for (const lane of storedBoard(boardId).lanes)
		for (const card of lane.cards)
			if (isOpening(card))
				found.set(card.title, { lane: lane.title, deadline: card.opening.deadline });
	return found;
}

function companyRow(name: string): { id: string; cvr: string | null } | undefined {
	return queryOne<{ id: string; cvr: string | null } | undefined>(
		'select id, cvr from company where name = ?',
		name
	);
}

async function chooseFile(page: Page, name: string, text: string): Promise<void> {
	await page.getByLabel('CSV-fil').setInputFiles({
		name,
		mimeType: 'text/csv',
		// Danish Excel's "CSV UTF-8" starts with a byte-order mark.
		buffer: Buffer.from(`\uFEFF${text}`, 'utf8')
	});
}

test('a CSV with one bad row shows that row’s error, saves nothing, and imports the rest only when asked', async ({
	page
}) => {
	// Two axe passes and a whole import on a shared two-core machine.
	test.slow();
	const boardId = boardIdByName(DEMO_BOARD);
	const id = suffix();
	const newCompany = `Importfirma ${id}`;
	const good1 = `Truckfører ${id}`;
	const good2 = `Kantinemedhjælper ${id}`;
	const bad = `Pedel ${id}`;
	const csv = [
		'Virksomhed;CVR;Stillingsbetegnelse;Ansættelsesform;Timer pr. uge;Antal stillinger;Ansøgningsfrist;Jobområder;Kontaktperson',
		`${newCompany};1234 5679;${good1};ordinært job;37,5;2;31-12-2026;"Lager, Truck";Lis`,
		`${newCompany};;${bad};fleksjob;15;1;31-02-2026;Pedel;Lis`,
		`Havnens Kantine;;"${good2}";Småjob;8;1;15. januar 2027;Kantine;Karen`,
		''
	].join('\r\n');

	await signInQuickly(page, ACCOUNTS.consultant);
	await openBoard(page, boardId);
	await page.getByTestId('import-link').click();
	await expect(page.getByRole('heading', { name: 'Importér jobåbninger' })).toBeVisible();
	await expectNoViolations(page, 'the import page');

	await chooseFile(page, 'ledige-job.csv', csv);
	await expect(page.getByTestId('import-summary')).toHaveText(
		'Rækker i filen: 3. Gyldige: 2. Med fejl: 1.'
	);
	const badRow = page.locator('[data-testid="import-row"][data-row="3"]');
	await expect(badRow).toHaveAttribute('data-valid', 'false');
	await expect(badRow.getByRole('cell', { name: /31-02-2026/ })).toContainText(
		'Ikke en dato. Skriv fx 31-12-2026 eller 31. december 2026.'
	);
	await expect(badRow.getByTestId('import-cell-error')).toHaveCount(1);
	await expect(page.locator('[data-testid="import-row"][data-valid="true"]')).toHaveCount(2);
	await expect(page.getByText('Disse kolonner bruges ikke: Kontaktperson.')).toBeVisible();
	await expectNoViolations(page, 'the import preview with an error');

	// Nothing is saved by looking: not on the board, and no company created.
	const before = storedOpenings(boardId);
	for (const title of [good1, good2, bad])
		expect([...before.keys()].some((t) => t.startsWith(title))).toBe(false);
	expect(companyRow(newCompany)).toBeUndefined();

	await page.getByRole('button', { name: 'Importér kun de 2 gyldige rækker' }).click();
	await expect(page.getByRole('heading', { name: '2 jobåbninger importeret' })).toBeFocused();
	await expect(page.getByTestId('import-saved')).toHaveText(
		'Sendt til serveren; alle på tavlen ser dem nu.'
	);

	const title1 = `${good1}, ${newCompany}`;
	const title2 = `${good2}, Havnens Kantine`;
	await expect
		.poll(() => {
			const stored = storedOpenings(boardId);
			return [stored.get(title1), stored.get(title2)];
		})
		.toEqual([
			{ lane: 'Ny', deadline: '2026-12-31' },
			{ lane: 'Ny', deadline: '2027-01-15' }
		]);
	const openings = storedBoard(boardId)
		.lanes.flatMap((l) => l.cards)
		.filter(isOpening);
	expect([...storedOpenings(boardId).keys()].some((t) => t.startsWith(bad))).toBe(false);
	const imported = openings.find((c) => c.title === title1)!.opening;
	expect(imported).toMatchObject({
		companyName: newCompany,
		jobType: 'ordinary',
		hoursPerWeek: 37.5,
		positions: 2,
		jobAreas: ['Lager', 'Truck'],
		source: 'other'
	});
	// The new company was created once (with its CVR); the known one was found, not duplicated.
	expect(companyRow(newCompany)).toEqual({ id: imported.companyId, cvr: '12345679' });
	const known = openings.find((c) => c.title === title2)!.opening;
	expect(known.companyId).toBe(companyRow('Havnens Kantine')!.id);
	expect(
		queryOne<{ n: number }>(
			"select count(*) as n from company where name = 'Havnens Kantine' collate nocase"
		).n
	).toBe(1);

	await page.getByRole('link', { name: 'Gå til tavlen' }).click();
	await expect(page.locator(`li[data-card-id][aria-label="${title1}"]`)).toBeVisible();
});

test('a file of only bad rows cannot be imported; "Ret filen" goes back with nothing saved', async ({
	page
}) => {
	const boardId = boardIdByName(DEMO_BOARD);
	const id = suffix();
	const cardsBefore = storedBoard(boardId).cardCount;
	await signInQuickly(page, ACCOUNTS.consultant);
	await page.goto(`/boards/${boardId}/import`);
	await chooseFile(
		page,
		'daarlig.csv',
		[
			'Virksomhed,Stilling,Frist,Type,Krav',
			`Firma ${id},Kok,i morgen,ordinært job,`,
			`Firma ${id},,31-12-2026,chef,`,
			// Invented number on a real date: citizens are pseudonymous, so the row is refused.
			`Firma ${id},Kok,31-12-2026,ordinært job,Borgeren 150585-1111 starter mandag`
		].join('\n')
	);
	await expect(page.getByTestId('import-summary')).toHaveText(
		'Rækker i filen: 3. Gyldige: 0. Med fejl: 3.'
	);
	await expect(page.getByTestId('import-cell-error')).toHaveText([
		'Ikke en dato. Skriv fx 31-12-2026 eller 31. december 2026.',
		'Skal udfyldes.',
		/^Ukendt type/,
		/^Må ikke indeholde et CPR-nummer/
	]);
	await expect(page.getByTestId('import-submit')).toHaveCount(0);
	await expect(page.getByText('Ingen rækker kan importeres.', { exact: false })).toBeVisible();

	await page.getByRole('button', { name: 'Ret filen og prøv igen' }).click();
	await expect(page.getByLabel('CSV-fil')).toBeFocused();
	expect(storedBoard(boardId).cardCount).toBe(cardsBefore);
	expect(companyRow(`Firma ${id}`)).toBeUndefined();
});

test('a file without the required columns says so once; pasted text works like a file', async ({
	page
}) => {
	const boardId = boardIdByName(DEMO_BOARD);
	await signInQuickly(page, ACCOUNTS.consultant);
	await page.goto(`/boards/${boardId}/import`);
	await page.getByLabel('Eller indsæt teksten fra filen').fill('Virksomhed\tTimer\nA\t20\nB\t10\n');
	await page.getByRole('button', { name: 'Vis rækkerne' }).click();
	await expect(page.getByTestId('import-missing')).toHaveText(
		'Filen mangler disse kolonner: Stilling, Frist. Uden dem kan ingen række importeres.'
	);
	await expect(page.getByTestId('import-row')).toHaveCount(2);
	await expect(page.getByTestId('import-cell-error')).toHaveCount(0);
	await expect(page.getByText('Kan ikke importeres')).toHaveCount(2);
	await expect(page.getByTestId('import-submit')).toHaveCount(0);
});

test('when the server refuses the import (the role was changed meanwhile), it says why and saves nothing', async ({
	page
}) => {
	const boardId = boardIdByName(DEMO_BOARD);
	const id = suffix();
	const email = `import-${id}@demoby.dk`;
	cli(['user', 'create', '--email', email, '--name', 'Ingrid Import'], `${PASSWORD}\n`);
	cli(['member', 'add', '--team', DEMO_TEAM, '--email', email, '--role', 'consultant']);
	await signInQuickly(page, email);
	await page.goto(`/boards/${boardId}/import`);
	await chooseFile(
		page,
		'rolle.csv',
		['Virksomhed;Stilling;Frist', `Nyt Firma ${id};Kok ${id};31-12-2026`].join('\n')
	);
	// The leader makes the person a viewer while the preview is open.
	cli(['member', 'add', '--team', DEMO_TEAM, '--email', email, '--role', 'viewer']);
	await page.getByRole('button', { name: 'Importér alle 1 rækker' }).click();
	await expect(page.getByRole('alert')).toContainText(
		'Du har ikke længere ret til at redigere tavlen.'
	);
	expect([...storedOpenings(boardId).keys()].some((t) => t.startsWith(`Kok ${id}`))).toBe(false);
	expect(companyRow(`Nyt Firma ${id}`)).toBeUndefined();
});

test('a viewer has no import link and no import page', async ({ page }) => {
	const boardId = boardIdByName(DEMO_BOARD);
	await signInQuickly(page, ACCOUNTS.viewer);
	await openBoard(page, boardId);
	await expect(page.getByTestId('import-link')).toHaveCount(0);
	const response = await page.goto(`/boards/${boardId}/import`);
	expect(response?.status()).toBe(404);
});
