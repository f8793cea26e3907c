import { expect, test, type Page } from '@playwright/test';
import { expectNoViolations } from './axe';
import {
	ACCOUNTS,
	citizenIdByInitials,
	contextAs,
	DEMO_TEAM,
	queryOne,
	teamIdByName
} from './support';

/**
 * Min sagsstamme and the case page: a consultant works through cases with the keyboard only and
 * without a page reload; the municipality's extra fields are validated with Danish messages and
 * nothing typed is lost; a leader agrees a new step from the sparring list. Other specs share the
 * seeded database, so every check reads the case it changed, never the seed's totals.
 */

interface CaseRow {
	id: string;
	horizon: string;
	risk: string;
	next_step_text: string | null;
	next_step_due: string | null;
	extra: string;
}

function citizenId(initials: string): string {
	return citizenIdByInitials(DEMO_TEAM, initials);
}

function caseOf(initials: string): CaseRow {
	return queryOne<CaseRow>(
		`select id, horizon, risk, next_step_text, next_step_due, extra from case_forecast where citizen_id = ?`,
		citizenId(initials)
	);
}

function caseloadPath(query = ''): string {
	return `/teams/${teamIdByName(DEMO_TEAM)}/caseload${query}`;
}

const editor = (page: Page) => page.locator('form[data-case-editor]');

/** Replaces a text field's content by typing, as a keyboard user does. */
async function retype(page: Page, text: string): Promise<void> {
	await page.keyboard.press('ControlOrMeta+A');
	await page.keyboard.type(text);
}

test('a consultant updates three cases in a row with the keyboard, without a page reload', async ({
	browser
}) => {
	const context = await contextAs(browser, ACCOUNTS.consultant);
	try {
		const page = await context.newPage();
		await page.goto(caseloadPath());
		await expect(page.getByRole('heading', { level: 1, name: 'Min sagsstamme' })).toBeVisible();
		// Gone if the page ever reloads.
		await page.evaluate(() => ((window as unknown as { marker: string }).marker = 'same page'));

		const rows = page.locator('table.caseload tbody tr');
		// DL, EM, FN carry no sparring reason in the seed, so the forecast specs keep every reason.
		const all = (await rows.locator('th[scope="row"]').allInnerTexts()).map((t) => t.trim());
		const initials = all.slice(all.indexOf('DL'), all.indexOf('DL') + 4);
		expect(initials).toEqual(['DL', 'EM', 'FN', 'GO']);
		await page.getByRole('link', { name: `Redigér sagen for ${initials[0]}` }).focus();
		await page.keyboard.press('Enter');

		const stamp = Date.now().toString(36);
		for (let i = 0; i < 3; i++) {
			await expect(page.getByRole('heading', { name: `Sag: ${initials[i]}` })).toBeVisible();
			// Choosing the case, or "Gem og næste", puts focus in the editor's first field.
			await expect(page.locator('#case-targetGroupId')).toBeFocused();
			await page.keyboard.press('Tab'); // goal
			await page.keyboard.press('Tab'); // horizon
			await retype(page, `0${i + 1}.05.2031`);
			await page.keyboard.press('Tab'); // risk
			await page.keyboard.press('h'); // Høj
			await page.keyboard.press('Tab'); // previous step
			await page.keyboard.press('Tab'); // next step
			await retype(page, `Trin ${i + 1} ${stamp}`);
			await page.keyboard.press('Tab'); // due
			await retype(page, `1${i}.06.2031`);
			// Enter means "Gem og næste".
			await page.keyboard.press('Enter');
			await expect(
				page.getByRole('status').getByText(`Sagen for ${initials[i]} er gemt.`)
			).toBeVisible();
		}
		await expect(page.getByRole('heading', { name: `Sag: ${initials[3]}` })).toBeVisible();
		expect(await page.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe(
			'same page'
		);

		for (let i = 0; i < 3; i++) {
			expect(caseOf(initials[i]!)).toMatchObject({
				horizon: `2031-05-0${i + 1}`,
				risk: 'high',
				next_step_text: `Trin ${i + 1} ${stamp}`,
				next_step_due: `2031-06-1${i}`
			});
		}
		// The list shows the saved values without a reload.
		const first = rows.filter({ has: page.getByText(`Trin 1 ${stamp}`) });
		await expect(first).toContainText('01.05.2031');
		await expect(first).toContainText('Høj');
	} finally {
		await context.close();
	}
});

test.describe('the municipality’s extra fields', () => {
	const NUMBER_FIELD = `Timer i praktik ${Date.now().toString(36)}`;
	const REQUIRED_FIELD = `Aftalt med ${Date.now().toString(36)}`;

	function fieldId(label: string): string {
		return queryOne<{ id: string }>('select id from case_field where label = ?', label).id;
	}

	test.beforeAll(async ({ browser }) => {
		// Through the admin page, as an admin would.
		const admin = await contextAs(browser, ACCOUNTS.admin);
		try {
			const page = await admin.newPage();
			await page.goto('/admin/case-fields');
			await expectNoViolations(page, 'the case fields admin page');
			for (const [label, kind, required] of [
				[NUMBER_FIELD, 'Tal', false],
				[REQUIRED_FIELD, 'Tekst', true]
			] as const) {
				await page.getByLabel('Navn på feltet', { exact: true }).fill(label);
				await page.getByLabel('Type', { exact: true }).selectOption({ label: kind });
				await page.getByLabel('Skal udfyldes', { exact: true }).setChecked(required);
				await page.getByRole('button', { name: 'Tilføj felt' }).click();
				await expect(page.getByRole('status')).toHaveText(`Feltet ${label} er tilføjet.`);
			}
		} finally {
			await admin.close();
		}
	});

	// Other specs save cases too: a required field of ours must not stay on their forms.
	test.afterAll(async ({ browser }) => {
		const admin = await contextAs(browser, ACCOUNTS.admin);
		try {
			const page = await admin.newPage();
			await page.goto('/admin/case-fields');
			for (const label of [NUMBER_FIELD, REQUIRED_FIELD]) {
				await page.getByRole('button', { name: `Deaktivér feltet ${label}` }).click();
				await expect(page.getByRole('status')).toContainText(`Feltet ${label} er deaktiveret.`);
			}
		} finally {
			await admin.close();
		}
	});

	test('a wrong value gets a Danish message next to its field, and everything typed stays', async ({
		browser
	}) => {
		test.slow();
		const context = await contextAs(browser, ACCOUNTS.consultant);
		try {
			const page = await context.newPage();
			const before = caseOf('JKL');
			await page.goto(caseloadPath(`?sag=${citizenId('JKL')}`));
			const form = editor(page);
			await form.getByLabel('Tidsperspektiv').fill('15.08.2031');
			await form.getByLabel('Næste skridt', { exact: true }).fill('Samtale om uddannelse');
			await form.getByLabel(NUMBER_FIELD).fill('syv');
			await form.getByRole('button', { name: 'Gem', exact: true }).click();

			const number = form.getByLabel(NUMBER_FIELD);
			await expect(page.locator(`#case-extra-${fieldId(NUMBER_FIELD)}-error`)).toHaveText(
				'Skriv et tal, fx 7,5.'
			);
			await expect(page.locator(`#case-extra-${fieldId(REQUIRED_FIELD)}-error`)).toHaveText(
				'Feltet skal udfyldes.'
			);
			await expect(number).toHaveAttribute('aria-invalid', 'true');
			await expect(number).toHaveValue('syv');
			await expect(form.getByLabel('Tidsperspektiv')).toHaveValue('15.08.2031');
			await expect(form.getByLabel('Næste skridt', { exact: true })).toHaveValue(
				'Samtale om uddannelse'
			);
			// Focus goes to the first wrong field; nothing is stored.
			await expect(number).toBeFocused();
			expect(caseOf('JKL')).toEqual(before);
			await expectNoViolations(page, 'the caseload page with errors');

			await number.fill('7,5');
			await form.getByLabel(REQUIRED_FIELD).fill('Mentor');
			await form.getByRole('button', { name: 'Gem', exact: true }).click();
			await expect(page.getByRole('status').getByText('Sagen for JKL er gemt.')).toBeVisible();
			const saved = caseOf('JKL');
			expect(saved.horizon).toBe('2031-08-15');
			expect(JSON.parse(saved.extra)).toMatchObject({
				[fieldId(NUMBER_FIELD)]: 7.5,
				[fieldId(REQUIRED_FIELD)]: 'Mentor'
			});
		} finally {
			await context.close();
		}
	});

	test('without JavaScript the server says the same and keeps what was typed', async ({
		browser
	}) => {
		const context = await contextAs(browser, ACCOUNTS.consultant, { javaScriptEnabled: false });
		try {
			const page = await context.newPage();
			const before = caseOf('JS');
			await page.goto(caseloadPath(`?sag=${citizenId('JS')}`));
			const form = editor(page);
			await form.getByLabel('Næste skridt', { exact: true }).fill('Møde med rehabiliteringsteam');
			await form.getByLabel('Frist for næste skridt').fill('');
			await form.getByLabel(NUMBER_FIELD).fill('mange');
			await form.getByRole('button', { name: 'Gem', exact: true }).click();
			await expect(page.locator('#case-nextStepDue-error')).toHaveText(
				'Et næste skridt skal have en frist. Skriv en dato, eller slet skridtet.'
			);
			await expect(page.locator(`#case-extra-${fieldId(NUMBER_FIELD)}-error`)).toHaveText(
				'Skriv et tal, fx 7,5.'
			);
			await expect(form.getByLabel(NUMBER_FIELD)).toHaveValue('mange');
			await expect(form.getByLabel('Næste skridt', { exact: true })).toHaveValue(
				'Møde med rehabiliteringsteam'
			);
			expect(caseOf('JS')).toEqual(before);

			await form.getByLabel('Frist for næste skridt').fill('01.02.2031');
			await form.getByLabel(NUMBER_FIELD).fill('12');
			await form.getByLabel(REQUIRED_FIELD).fill('Rehabiliteringsteam');
			await form.getByRole('button', { name: 'Gem', exact: true }).click();
			await expect(page.getByText('Sagen for JS er gemt.')).toBeVisible();
			expect(caseOf('JS')).toMatchObject({
				next_step_text: 'Møde med rehabiliteringsteam',
				next_step_due: '2031-02-01'
			});
		} finally {
			await context.close();
		}
	});
});

test('a leader from the sparring list sees why and agrees a new step, kept as the leader’s change', async ({
	browser
}) => {
	const context = await contextAs(browser, ACCOUNTS.leader);
	try {
		const page = await context.newPage();
		const stale = caseOf('KT');
		const teamId = teamIdByName(DEMO_TEAM);
		await page.goto(`/teams/${teamId}/cases/${stale.id}?fra=sparring`);
		await expect(page.getByRole('heading', { level: 1, name: 'Sag: KT' })).toBeVisible();
		await expect(page.getByRole('heading', { name: 'Aftal nyt skridt' })).toBeVisible();
		await expect(page.getByTestId('sparring-reasons')).toContainText(
			/Prognosen er ikke opdateret i \d+ dage/
		);
		await expectNoViolations(page, 'the case page from the sparring list');

		const form = editor(page);
		await form.getByLabel('Næste skridt', { exact: true }).fill('Fælles møde med borgeren');
		await form.getByLabel('Frist for næste skridt').fill('04.03.2031');
		await form.getByLabel('Næste skridt', { exact: true }).press('Enter');
		await expect(page.getByRole('status').getByText('Sagen for KT er gemt.')).toBeVisible();

		const history = page.getByRole('region', { name: 'Historik' }).locator('ol > li').first();
		await expect(history).toContainText('Lone Leder');
		await expect(history).toContainText('Næste skridt');
		await expect(history).toContainText('Fælles møde med borgeren (frist 04.03.2031)');
		const last = queryOne<{ by: string }>(
			'select by from case_history where case_id = ? order by id desc limit 1',
			stale.id
		);
		const leader = queryOne<{ id: string }>('select id from user where email = ?', ACCOUNTS.leader);
		expect(last.by).toBe(leader.id);
		// Nobody else sees the sparring heading: it is the leader's view.
		await page.goto(`/teams/${teamId}/cases/${stale.id}`);
		await expect(page.getByRole('heading', { name: 'Aftal nyt skridt' })).toHaveCount(0);
	} finally {
		await context.close();
	}
});

test('a case is closed and reopened, and its history says so in words', async ({ browser }) => {
	const context = await contextAs(browser, ACCOUNTS.consultant);
	try {
		const page = await context.newPage();
		const theCase = caseOf('LU');
		await page.goto(`/teams/${teamIdByName(DEMO_TEAM)}/cases/${theCase.id}`);
		await page.getByRole('button', { name: 'Afslut sag' }).click();
		await expect(page.getByRole('status')).toHaveText('Sagen er afsluttet.');
		await page.getByRole('button', { name: 'Genåbn sagen' }).click();
		await expect(page.getByRole('status')).toHaveText('Sagen er genåbnet.');
		const history = page.getByRole('region', { name: 'Historik' });
		await expect(history).toContainText('Sagen er afsluttet');
		await expect(history).toContainText('Sagen er genåbnet');
		expect(
			queryOne<{ closed_at: number | null }>(
				'select closed_at from case_forecast where id = ?',
				theCase.id
			).closed_at
		).toBeNull();
		await expectNoViolations(page, 'the case page');
	} finally {
		await context.close();
	}
});

test('the caseload and the admin pages for goals pass an accessibility scan', async ({
	browser
}) => {
	const consultant = await contextAs(browser, ACCOUNTS.consultant);
	const admin = await contextAs(browser, ACCOUNTS.admin);
	try {
		const page = await consultant.newPage();
		await page.goto(caseloadPath(`?sag=${citizenId('TÅN')}`));
		// A citizen without a case is offered "Opret prognose".
		await expect(page.getByRole('heading', { name: 'Ny prognose: TÅN' })).toBeVisible();
		await expectNoViolations(page, 'the caseload page');
		const adminPage = await admin.newPage();
		await adminPage.goto('/admin/goals');
		await expect(adminPage.getByRole('heading', { level: 1, name: 'Mål for sager' })).toBeVisible();
		await expectNoViolations(adminPage, 'the goals admin page');
	} finally {
		await consultant.close();
		await admin.close();
	}
});
