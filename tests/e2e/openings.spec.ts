import { devices, expect, test, type Locator } from '@playwright/test';
import { expectNoViolations } from './axe';
import { addCard, addLane, listLanes } from '../../src/lib/board/model';
import { addOpening, openingTitle } from '../../src/lib/board/openings';
import { isOpening, type JobType } from '../../src/lib/board/types';
import { editBoardAs } from './board-client';
import {
	ACCOUNTS,
	boardIdByName,
	cardByTitle,
	cardTitles,
	contextAs,
	dayFromToday,
	DEMO_BOARD,
	laneById,
	laneIds,
	openBoard,
	queryOne,
	storedBoard,
	storedCard,
	uniqueTitle,
	withTwoPeople
} from './support';

// Two or three browser contexts and axe runs per test, on a shared 2-core machine.
test.describe.configure({ timeout: 90_000 });

/** WCAG 2.0/2.1 level A and AA, as in a11y.spec.ts. */

function uniqueCompany(prefix: string): string {
	return `${prefix} ${Math.random().toString(36).slice(2, 7)} ApS`;
}

/** Fills the add form's required fields for a known company or a new one. */
async function fillOpening(
	dialog: Locator,
	fields: { company: string; position: string; deadline: string }
): Promise<void> {
	await dialog.getByLabel('Virksomhed', { exact: true }).fill(fields.company);
	await dialog.getByLabel('Stilling', { exact: true }).fill(fields.position);
	await dialog.getByLabel('Frist', { exact: true }).fill(fields.deadline);
}

/** An opening set up through the sync server (another device), as editBoardAs does. */
function seededCompanyId(name: string): string {
	return queryOne<{ id: string }>('select id from company where name = ?', name).id;
}

test('a consultant adds an opening with a new company and another consultant sees it live', async ({
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
			const ny = (await laneIds(anna))['Ny']!;

			await anna.getByTestId('new-opening').click();
			const dialog = anna.getByTestId('opening-dialog-add');
			await expect(dialog.getByRole('heading', { name: 'Ny jobåbning' })).toBeVisible();
			await expect(dialog.getByLabel('Virksomhed', { exact: true })).toBeFocused();
			await expectNoViolations(anna, 'the new-opening form', '[data-testid="opening-dialog-add"]');

			const company = uniqueCompany('Fjordbageriet');
			const deadline = dayFromToday(10);
			await fillOpening(dialog, { company, position: 'Bagermedhjælper', deadline });
			await expect(dialog.getByTestId('company-state')).toHaveText(/Ny virksomhed/);
			await dialog.getByLabel('CVR-nummer (valgfrit)').fill('1234 5678');
			await dialog.getByLabel('Branche (valgfri)').fill('Bageri');
			await dialog.getByLabel('Kontaktperson (valgfri)').fill('Birthe Bager');
			await dialog.getByLabel('Type', { exact: true }).selectOption({ label: 'Småjob / løntimer' });
			await dialog.getByLabel('Antal stillinger').fill('2');
			await dialog.getByLabel('Timer pr. uge (valgfrit)').fill('12,5');
			await dialog.getByLabel('Jobområder (valgfrit)').fill('Bageri, Rengøring');
			await dialog.getByLabel('Kilde').selectOption({ label: 'Virksomhedsbesøg' });
			await expect(dialog.getByLabel('Kolonne')).toHaveValue(ny);
			await dialog.getByRole('button', { name: 'Opret jobåbning' }).click();
			await expect(dialog).toBeHidden();

			const title = `Bagermedhjælper, ${company}`;
			for (const page of [anna, bo]) {
				const card = cardByTitle(laneById(page, ny), title);
				await expect(card, 'the opening is on the board').toBeVisible();
				await expect(card.getByTestId('opening-facts')).toHaveText(
					'Småjob / løntimer · 2 stillinger · 12,5 t/uge'
				);
				await expect(card.getByTestId('opening-status')).toHaveText('Frist om 10 dage');
				await expect(card.getByTestId('opening-status')).toHaveAttribute('data-state', 'ok');
				await expect(card.getByTestId('card-candidate-count')).toHaveText('Ingen kandidater');
			}

			// The server keeps the opening on the board, and the company as an SQL row.
			const companyRow = queryOne<{ id: string; cvr: string; industry: string }>(
				'select id, cvr, industry from company where name = ?',
				company
			);
			expect(companyRow).toMatchObject({ cvr: '12345678', industry: 'Bageri' });
			await expect.poll(() => storedCard(boardId, title)?.lane ?? null).toBe('Ny');
			const stored = storedCard(boardId, title)!.card;
			expect(stored.kind).toBe('opening');
			expect(stored.opening).toMatchObject({
				companyId: companyRow.id,
				companyName: company,
				position: 'Bagermedhjælper',
				jobType: 'smalljob' satisfies JobType,
				hoursPerWeek: 12.5,
				positions: 2,
				deadline,
				jobAreas: ['Bageri', 'Rengøring'],
				source: 'visit',
				outcome: ''
			});
		}
	);
});

test('a wrong value is named next to its field in Danish and nothing typed is lost', async ({
	browser
}) => {
	const context = await contextAs(browser, ACCOUNTS.consultant);
	try {
		const page = await context.newPage();
		await openBoard(page);
		const behov = (await laneIds(page))['Behov afdækket']!;
		await laneById(page, behov).getByTestId('add-opening').click();
		const dialog = page.getByTestId('opening-dialog-add');
		await expect(dialog.getByLabel('Kolonne')).toHaveValue(behov);

		const company = uniqueCompany('Skovly Plantage');
		await dialog.getByLabel('Virksomhed', { exact: true }).fill(company);
		await dialog.getByLabel('CVR-nummer (valgfrit)').fill('1234567');
		await dialog.getByLabel('Stilling', { exact: true }).fill('Plantagearbejder');
		await dialog.getByLabel('Antal stillinger').fill('0');
		await dialog.getByLabel('Timer pr. uge (valgfrit)').fill('7,25');
		// Invented number on a real date: citizens are pseudonymous, so the form refuses it.
		await dialog.getByLabel('Krav (valgfrit)').fill('Borgeren 150585-1111 starter mandag');
		await dialog.getByRole('button', { name: 'Opret jobåbning' }).click();

		await expect(dialog.getByTestId('opening-form-error')).toHaveText(
			'Jobåbningen er ikke gemt. Ret de markerede felter.'
		);
		// Each message is tied to its field (aria-describedby), and the first bad field has focus.
		const cvr = dialog.getByLabel('CVR-nummer (valgfrit)');
		await expect(cvr).toBeFocused();
		await expect(cvr).toHaveAccessibleDescription(/CVR-nummeret skal være præcis 8 cifre\./);
		await expect(cvr).toHaveAttribute('aria-invalid', 'true');
		await expect(dialog.getByLabel('Antal stillinger')).toHaveAccessibleDescription(
			'Skriv et helt tal fra 1 til 999.'
		);
		await expect(dialog.getByLabel('Frist', { exact: true })).toHaveAccessibleDescription(
			'Skriv fristen, fx 27.11.2026.'
		);
		await expect(dialog.getByLabel('Timer pr. uge (valgfrit)')).toHaveAccessibleDescription(
			/Skriv et tal fra 0 til 80 med højst én decimal/
		);
		await expect(dialog.getByLabel('Krav (valgfrit)')).toHaveAccessibleDescription(
			/Må ikke indeholde et CPR-nummer/
		);
		await expect(dialog.getByLabel('Stilling', { exact: true })).not.toHaveAttribute(
			'aria-invalid',
			'true'
		);
		// Everything typed is still there.
		await expect(dialog.getByLabel('Virksomhed', { exact: true })).toHaveValue(company);
		await expect(cvr).toHaveValue('1234567');
		await expect(dialog.getByLabel('Stilling', { exact: true })).toHaveValue('Plantagearbejder');
		await expect(dialog.getByLabel('Antal stillinger')).toHaveValue('0');
		await expect(dialog.getByLabel('Timer pr. uge (valgfrit)')).toHaveValue('7,25');
		await expect(dialog.getByLabel('Krav (valgfrit)')).toHaveValue(
			'Borgeren 150585-1111 starter mandag'
		);
		await expectNoViolations(page, 'the form with errors', '[data-testid="opening-dialog-add"]');
		// Nothing was created: no company row, no card.
		expect(queryOne('select id from company where name = ?', company)).toBeUndefined();

		await cvr.fill('12345678');
		await dialog.getByLabel('Antal stillinger').fill('3');
		await dialog.getByLabel('Timer pr. uge (valgfrit)').fill('7,5');
		await dialog.getByLabel('Krav (valgfrit)').fill('Kørekort');
		await dialog.getByLabel('Frist', { exact: true }).fill(dayFromToday(3));
		await dialog.getByRole('button', { name: 'Opret jobåbning' }).click();
		await expect(dialog).toBeHidden();
		const card = cardByTitle(laneById(page, behov), `Plantagearbejder, ${company}`);
		await expect(card.getByTestId('opening-status')).toHaveText('Frist om 3 dage');
		await expect(card.getByTestId('opening-status')).toHaveAttribute('data-state', 'soon');
		await expect(card.getByTestId('opening-facts')).toContainText('3 stillinger · 7,5 t/uge');
	} finally {
		await context.close();
	}
});

test('an overdue opening is flagged until closed; Ikke besat asks for a reason and moves it', async ({
	browser
}) => {
	const boardId = boardIdByName(DEMO_BOARD);
	const context = await contextAs(browser, ACCOUNTS.consultant);
	try {
		const title = openingTitle(uniqueTitle('Havearbejder'), 'Demoby Logistik');
		await editBoardAs(context, boardId, (doc) => {
			const ny = listLanes(doc).find((lane) => lane.stage === 'new')!;
			addOpening(
				doc,
				{
					laneId: ny.id,
					title,
					companyId: seededCompanyId('Demoby Logistik'),
					companyName: 'Demoby Logistik',
					position: title.split(',')[0]!,
					jobType: 'ordinary',
					positions: 1,
					deadline: dayFromToday(-3),
					source: 'phone',
					createdBy: '',
					now: Date.now()
				},
				'e2e'
			);
		});
		const page = await context.newPage();
		await openBoard(page, boardId);
		const lanes = await laneIds(page);
		const card = cardByTitle(laneById(page, lanes['Ny']!), title);
		await expect(card.getByTestId('opening-status')).toHaveText('Frist overskredet (3 dage)');
		await expect(card.getByTestId('opening-status')).toHaveAttribute('data-state', 'overdue');

		await card.getByTestId('card-open').click();
		const dialog = page.getByTestId('opening-dialog');
		const panel = dialog.getByTestId('opening-close-panel');
		await expect(panel.getByTestId('opening-status')).toHaveText('Frist overskredet (3 dage)');
		await panel.getByRole('button', { name: 'Luk som ikke besat' }).click();
		await expect(
			panel.getByRole('group', { name: 'Hvorfor blev jobåbningen ikke besat?' })
		).toBeVisible();
		await panel.getByRole('button', { name: 'Bekræft: ikke besat' }).click();
		await expect(panel.getByText('Vælg en årsag.')).toBeVisible();
		await expect(cardByTitle(laneById(page, lanes['Ny']!), title), 'not closed yet').toBeVisible();
		await expectNoViolations(
			page,
			'the opening dialog asking for a reason',
			'[data-testid="opening-dialog"]'
		);
		await panel.getByRole('radio', { name: 'frist udløbet' }).check();
		await panel.getByRole('button', { name: 'Bekræft: ikke besat' }).click();
		await expect(panel.getByTestId('opening-status')).toHaveText('Ikke besat: frist udløbet');

		const ikkeBesat = laneById(page, lanes['Ikke besat']!);
		await expect(cardByTitle(ikkeBesat, title)).toBeVisible();
		await expect(cardByTitle(ikkeBesat, title).getByTestId('opening-status')).toHaveAttribute(
			'data-state',
			'not-filled'
		);
		await expect.poll(() => storedCard(boardId, title)?.lane ?? null).toBe('Ikke besat');
		expect(storedCard(boardId, title)!.card.opening).toMatchObject({
			outcome: 'not-filled',
			closeReason: 'deadline-passed'
		});

		// Reopened, it is overdue again, wherever it stands.
		await panel.getByRole('button', { name: 'Genåbn' }).click();
		await expect(cardByTitle(ikkeBesat, title).getByTestId('opening-status')).toHaveText(
			'Frist overskredet (3 dage)'
		);
		await expect.poll(() => storedCard(boardId, title)?.card.opening?.outcome).toBe('');
		await dialog.getByRole('button', { name: 'Annuller' }).click();
		await expect(dialog).toBeHidden();
	} finally {
		await context.close();
	}
});

test('Sortér efter frist orders a lane for everyone in one step, and can be undone', async ({
	browser
}) => {
	const boardId = boardIdByName(DEMO_BOARD);
	const laneTitle = uniqueTitle('Sortering');
	const names = { late: 'Sen', early: 'Tidlig', note: 'Notat', middle: 'Midt' };
	await withTwoPeople(
		browser,
		ACCOUNTS.consultant,
		ACCOUNTS.consultant2,
		async ({ context, page: anna }, { page: bo }) => {
			const companyId = seededCompanyId('Havnens Kantine');
			await editBoardAs(context, boardId, (doc) => {
				const laneId = addLane(doc, { title: laneTitle }, 'e2e');
				const opening = (position: string, deadline: string) =>
					addOpening(
						doc,
						{
							laneId,
							title: openingTitle(position, 'Havnens Kantine'),
							companyId,
							companyName: 'Havnens Kantine',
							position,
							jobType: 'smalljob',
							positions: 1,
							deadline,
							source: 'phone',
							createdBy: '',
							now: Date.now()
						},
						'e2e'
					);
				opening(names.late, dayFromToday(20));
				addCard(doc, { laneId, title: names.note, createdBy: '', now: Date.now() }, 'e2e');
				opening(names.early, dayFromToday(1));
				opening(names.middle, dayFromToday(6));
			});
			await openBoard(anna, boardId);
			await openBoard(bo, boardId);
			const laneId = (await laneIds(anna))[laneTitle]!;
			const original = [
				`${names.late}, Havnens Kantine`,
				names.note,
				`${names.early}, Havnens Kantine`,
				`${names.middle}, Havnens Kantine`
			];
			const sorted = [original[2], original[3], original[0], original[1]];
			await expect.poll(() => cardTitles(laneById(anna, laneId))).toEqual(original);

			await laneById(anna, laneId).getByTestId('lane-menu').click();
			await anna.getByRole('menuitem', { name: 'Sortér efter frist' }).click();
			await expect.poll(() => cardTitles(laneById(anna, laneId))).toEqual(sorted);
			// The pointer on the toast holds it (and its Fortryd) while the other checks run.
			await anna.getByTestId('toast').getByRole('button', { name: 'Fortryd' }).hover();
			await expect
				.poll(() => cardTitles(laneById(bo, laneId)), 'Bo sees the order')
				.toEqual(sorted);
			await expect
				.poll(() =>
					storedBoard(boardId)
						.lanes.find((l) => l.id === laneId)
						?.cards.map((c) => c.title)
				)
				.toEqual(sorted);

			await anna.getByTestId('toast').getByRole('button', { name: 'Fortryd' }).click();
			await expect.poll(() => cardTitles(laneById(bo, laneId))).toEqual(original);
			await expect
				.poll(() =>
					storedBoard(boardId)
						.lanes.find((l) => l.id === laneId)
						?.cards.map((c) => c.title)
				)
				.toEqual(original);
		}
	);
});

test('on a Pixel 7 a consultant adds an opening for a known company', async ({ browser }) => {
	const boardId = boardIdByName(DEMO_BOARD);
	const context = await contextAs(browser, ACCOUNTS.consultant2, { ...devices['Pixel 7'] });
	try {
		const page = await context.newPage();
		await openBoard(page, boardId);
		await page.getByTestId('new-opening').tap();
		const dialog = page.getByTestId('opening-dialog-add');
		await expect(dialog).toBeVisible();
		// The form fits the phone: no sideways scrolling.
		expect(await dialog.evaluate((element) => element.scrollWidth <= element.clientWidth + 1)).toBe(
			true
		);

		const position = uniqueTitle('Pakker');
		await dialog.getByLabel('Virksomhed', { exact: true }).fill('demoby log');
		await dialog.getByRole('button', { name: /Demoby Logistik/ }).tap();
		await expect(dialog.getByLabel('Virksomhed', { exact: true })).toHaveValue('Demoby Logistik');
		await expect(dialog.getByTestId('company-state')).toHaveText(/Kendt virksomhed/);
		await expect(dialog.getByLabel('CVR-nummer (valgfrit)')).toHaveCount(0);
		await dialog.getByLabel('Stilling', { exact: true }).fill(position);
		await dialog.getByLabel('Frist', { exact: true }).fill(dayFromToday(0));
		await dialog.getByRole('button', { name: 'Opret jobåbning' }).tap();
		await expect(dialog).toBeHidden();

		const title = `${position}, Demoby Logistik`;
		const card = cardByTitle(page, title);
		await expect(card.getByTestId('opening-status')).toHaveText('Frist i dag');
		await expect.poll(() => storedCard(boardId, title)?.lane ?? null).toBe('Ny');
		const stored = storedCard(boardId, title)!.card;
		expect(isOpening(stored) && stored.opening.companyId).toBe(seededCompanyId('Demoby Logistik'));
		expect(stored.ownerId).toBe(
			queryOne<{ id: string }>('select id from user where email = ?', ACCOUNTS.consultant2).id
		);
	} finally {
		await context.close();
	}
});

test('the seeded demo board shows candidates and every countdown state', async ({ browser }) => {
	const context = await contextAs(browser, ACCOUNTS.viewer);
	try {
		const page = await context.newPage();
		await openBoard(page);
		const shop = cardByTitle(page, 'Butiksassistent, Solsikken Dagligvarer');
		await expect(shop.getByTestId('card-candidate-count')).toHaveText('2 kandidater');
		await expect(shop.getByTestId('opening-status')).toHaveText('Frist om 5 dage');
		await expect(
			cardByTitle(page, 'Pedel, Demoby Boligforening').getByTestId('opening-status')
		).toHaveText('Frist overskredet (2 dage)');
		await expect(
			cardByTitle(page, 'Kantinemedhjælper, Havnens Kantine').getByTestId('opening-status')
		).toHaveAttribute('data-state', 'soon');
		await expect(
			cardByTitle(page, 'Chauffør, Grøn Transport').getByTestId('opening-status')
		).toHaveText('Besat');
		// A viewer sees the details, with nothing to change.
		await shop.getByTestId('card-open').click();
		const dialog = page.getByTestId('opening-dialog');
		await expect(dialog).toContainText('Solsikken Dagligvarer');
		await expect(dialog.getByRole('textbox')).toHaveCount(0);
		await expect(dialog.getByRole('button', { name: 'Luk som besat' })).toHaveCount(0);
		await expectNoViolations(
			page,
			'the opening dialog for a viewer',
			'[data-testid="opening-dialog"]'
		);
	} finally {
		await context.close();
	}
});
