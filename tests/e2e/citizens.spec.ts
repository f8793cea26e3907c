import { test, expect, type Browser, type Page } from '@playwright/test';
import { expectNoViolations } from './axe';
import { ACCOUNTS, contextAs, DEMO_TEAM, queryOne, teamIdByName } from './support';

/**
 * The citizen registry of a team (pseudonymous citizens, no CPR), its audit log for the leader,
 * and the admin's list of target groups that the registry offers.
 */

// axe takes its time on a shared two-core machine.
test.describe.configure({ timeout: 90_000 });

const CPR = '010190-1234';
const CPR_MESSAGE = 'Må ikke indeholde et CPR-nummer. Borgere registreres kun med initialer.';
const PRIVACY_HINT = 'Registrér kun initialer — aldrig CPR-nummer eller helbredsoplysninger.';

function citizensPath(): string {
	return `/teams/${teamIdByName(DEMO_TEAM)}/citizens`;
}

interface CitizenInput {
	initials: string;
	group: string;
	jobAreas: string;
	hours: string;
	jobReady: boolean;
}

async function fillNewCitizen(page: Page, input: CitizenInput): Promise<void> {
	const form = page.locator('form.citizen-form');
	await form.getByLabel('Initialer').fill(input.initials);
	await form.getByLabel('Målgruppe').selectOption({ label: input.group });
	await form.getByLabel('Ønskede jobområder').fill(input.jobAreas);
	await form.getByLabel('Ønskede timer pr. uge').fill(input.hours);
	await form.getByLabel('Jobparat').setChecked(input.jobReady);
}

async function expectFormKeeps(page: Page, input: CitizenInput): Promise<void> {
	const form = page.locator('form.citizen-form');
	await expect(form.getByLabel('Initialer')).toHaveValue(input.initials);
	await expect(form.getByLabel('Målgruppe').locator('option:checked')).toHaveText(input.group);
	await expect(form.getByLabel('Ønskede jobområder')).toHaveValue(input.jobAreas);
	await expect(form.getByLabel('Ønskede timer pr. uge')).toHaveValue(input.hours);
	if (input.jobReady) await expect(form.getByLabel('Jobparat')).toBeChecked();
	else await expect(form.getByLabel('Jobparat')).not.toBeChecked();
}

function citizenRow(page: Page, initials: string) {
	return page.getByTestId('citizens').locator('tr[data-citizen-id]', {
		has: page.getByRole('link', { name: `Ret borgeren ${initials}` })
	});
}

/** Registers a citizen through the page and returns the new citizen's id. */
async function registerCitizen(page: Page, input: CitizenInput): Promise<string> {
	await page.goto(citizensPath());
	await fillNewCitizen(page, input);
	await page.getByRole('button', { name: 'Registrér borger' }).click();
	const initials = input.initials.toUpperCase();
	await expect(page.getByRole('status')).toHaveText(`Borgeren ${initials} er registreret.`);
	const id = await citizenRow(page, initials).getAttribute('data-citizen-id');
	if (!id) throw new Error(`no row for ${input.initials}`);
	return id;
}

async function asPerson<T>(
	browser: Browser,
	email: string,
	body: (page: Page) => Promise<T>,
	options: Parameters<Browser['newContext']>[0] = {}
): Promise<T> {
	const context = await contextAs(browser, email, options);
	try {
		return await body(await context.newPage());
	} finally {
		await context.close();
	}
}

function countWhere(sql: string, ...params: unknown[]): number {
	return queryOne<{ n: number }>(sql, ...params).n;
}

test('a consultant reaches the registry from the home page and registers a citizen', async ({
	browser
}) => {
	await asPerson(browser, ACCOUNTS.consultant, async (page) => {
		await page.goto('/');
		const team = page.getByRole('region', { name: DEMO_TEAM });
		await team.getByTestId('team-citizens-link').click();
		await expect(page.getByRole('heading', { name: 'Borgere', level: 1 })).toBeVisible();
		await expect(page.getByText(PRIVACY_HINT)).toBeVisible();
		// A consultant is not offered the leader's log.
		await expect(page.getByRole('link', { name: /log over opslag/i })).toHaveCount(0);

		const id = await registerCitizen(page, {
			initials: 'qz',
			group: 'KH-JP – Kontanthjælp, jobparat',
			jobAreas: 'Lager, Truck\nKantine',
			hours: '12,5',
			jobReady: true
		});
		const row = citizenRow(page, 'QZ');
		await expect(row).toContainText('KH-JP');
		await expect(row).toContainText('Lager, Truck, Kantine');
		await expect(row).toContainText('12,5');
		await expect(row).toContainText('Ja');
		await expect(row).toContainText('Anna Andersen');
		// The form is empty again for the next citizen.
		await expect(page.locator('form.citizen-form').getByLabel('Initialer')).toHaveValue('');

		// Edit: the stored values come back in Danish form, and a change is saved.
		await row.getByRole('link').click();
		await expect(page).toHaveURL(new RegExp(`/citizens/${id}$`));
		await expect(page.getByLabel('Ønskede timer pr. uge')).toHaveValue('12,5');
		await expect(page.getByLabel('Ønskede jobområder')).toHaveValue('Lager\nTruck\nKantine');
		// A CPR number is refused on the edit page too, and the typed change is kept.
		await page.getByLabel('Ønskede jobområder').fill(`Lager\n${CPR}`);
		await page.getByLabel('Ønskede timer pr. uge').fill('20');
		await page.getByRole('button', { name: 'Gem ændringer' }).click();
		await expect(page.locator('#citizen-jobAreas-error')).toHaveText(CPR_MESSAGE);
		await expect(page.getByLabel('Ønskede jobområder')).toHaveValue(`Lager\n${CPR}`);
		await expect(page.getByLabel('Ønskede timer pr. uge')).toHaveValue('20');
		await page.getByLabel('Ønskede jobområder').fill('Lager\nTruck\nKantine');
		await page.getByLabel('Jobparat').uncheck();
		await page.getByRole('button', { name: 'Gem ændringer' }).click();
		await expect(page.getByRole('status')).toHaveText('Ændringerne er gemt.');
		await expect(citizenRow(page, 'QZ')).toContainText('20');
		await expect(citizenRow(page, 'QZ')).toContainText('Nej');
	});
});

for (const javaScriptEnabled of [false, true]) {
	test(`a CPR number is refused next to its field and nothing typed is lost (JavaScript ${
		javaScriptEnabled ? 'on' : 'off'
	})`, async ({ browser }) => {
		await asPerson(
			browser,
			ACCOUNTS.consultant,
			async (page) => {
				const before = countWhere('select count(*) as n from citizen');
				await page.goto(citizensPath());

				const inJobAreas: CitizenInput = {
					initials: 'QX',
					group: 'SDP – Sygedagpenge',
					jobAreas: `Lager, ${CPR}`,
					hours: '7,5',
					jobReady: true
				};
				await fillNewCitizen(page, inJobAreas);
				await page.getByRole('button', { name: 'Registrér borger' }).click();
				const jobAreasError = page.locator('#new-citizen-jobAreas-error');
				await expect(jobAreasError).toHaveText(CPR_MESSAGE);
				await expect(page.getByLabel('Ønskede jobområder')).toHaveAttribute('aria-invalid', 'true');
				await expect(page.locator('#new-citizen-initials-error')).toHaveCount(0);
				await expectFormKeeps(page, inJobAreas);

				const asInitials: CitizenInput = { ...inJobAreas, initials: CPR, jobAreas: 'Lager' };
				await fillNewCitizen(page, asInitials);
				await page.getByRole('button', { name: 'Registrér borger' }).click();
				await expect(page.locator('#new-citizen-initials-error')).toHaveText(CPR_MESSAGE);
				await expect(jobAreasError).toHaveCount(0);
				await expectFormKeeps(page, asInitials);

				// Nothing was stored, and the log holds no trace of what was typed.
				expect(countWhere('select count(*) as n from citizen')).toBe(before);
				expect(
					countWhere(
						"select count(*) as n from audit_log where detail like '%010190%' or entity_id like '%010190%'"
					)
				).toBe(0);
			},
			{ javaScriptEnabled }
		);
	});
}

test('a viewer, and an admin who is not a member, get 404 and no link', async ({ browser }) => {
	const citizenId = queryOne<{ id: string }>(
		"select id from citizen where initials = 'AH' and team_id = ?",
		teamIdByName(DEMO_TEAM)
	).id;
	for (const who of [ACCOUNTS.viewer, ACCOUNTS.admin]) {
		await asPerson(browser, who, async (page) => {
			for (const path of [
				citizensPath(),
				`${citizensPath()}/${citizenId}`,
				`/teams/${teamIdByName(DEMO_TEAM)}/audit`
			]) {
				const response = await page.goto(path);
				expect(response?.status(), `${who} ${path}`).toBe(404);
			}
			await page.goto('/');
			await expect(page.getByTestId('team-citizens-link')).toHaveCount(0);
			await expect(page.getByTestId('team-audit-link')).toHaveCount(0);
		});
	}
	// The page that 404'd read nothing: no audit rows by the viewer.
	const viewerId = queryOne<{ id: string }>(
		'select id from user where email = ?',
		ACCOUNTS.viewer
	).id;
	expect(countWhere('select count(*) as n from audit_log where user_id = ?', viewerId)).toBe(0);
});

test('the leader sees who read and changed which citizen, newest first', async ({ browser }) => {
	const id = await asPerson(browser, ACCOUNTS.consultant, async (page) => {
		const created = await registerCitizen(page, {
			initials: 'QY',
			group: 'DP – A-dagpenge',
			jobAreas: 'Chauffør',
			hours: '',
			jobReady: false
		});
		await page.goto(`${citizensPath()}/${created}`);
		await page.getByLabel('Ønskede jobområder').fill('Chauffør, Lager');
		await page.getByRole('button', { name: 'Gem ændringer' }).click();
		await expect(page.getByRole('status')).toHaveText('Ændringerne er gemt.');
		return created;
	});
	// A consultant may not read the log.
	await asPerson(browser, ACCOUNTS.consultant, async (page) => {
		expect((await page.goto(`/teams/${teamIdByName(DEMO_TEAM)}/audit`))?.status()).toBe(404);
	});

	await asPerson(browser, ACCOUNTS.leader, async (page) => {
		await page.goto('/');
		await page.getByRole('region', { name: DEMO_TEAM }).getByTestId('team-audit-link').click();
		await expect(page.getByRole('heading', { name: 'Log over borgeropslag' })).toBeVisible();
		const rows = page.getByTestId('audit-log').locator(`tr[data-citizen-id="${id}"]`);
		const actions = await rows.evaluateAll((trs) =>
			trs.map((tr) => tr.getAttribute('data-action'))
		);
		// Newest first: the list and edit page reads after the change, then the change, ..., the creation.
		expect(actions.at(-1)).toBe('create');
		expect(actions).toContain('update');
		expect(actions.indexOf('update')).toBeLessThan(actions.lastIndexOf('create'));
		expect(actions.filter((a) => a === 'read').length).toBeGreaterThanOrEqual(2);
		const created = rows.and(page.locator('[data-action="create"]'));
		await expect(created).toContainText('Anna Andersen');
		await expect(created).toContainText('Oprettet');
		const changed = rows.and(page.locator('[data-action="update"]'));
		await expect(changed).toContainText('Ændret');
		await expect(changed).toContainText('Ønskede jobområder');
		// Values are never in the log, not even the job areas typed.
		await expect(page.getByTestId('audit-log')).not.toContainText('Chauffør');
		await expect(rows.and(page.locator('[data-action="read"]')).first()).toContainText(
			'Anna Andersen'
		);
		await expectNoViolations(page, 'the audit log');
	});
});

test('an admin adds a target group, it is offered to consultants, and a deactivated one stays with its citizens', async ({
	browser
}) => {
	const code = 'IP-T';
	const label = `${code} – Integrationsprogram`;
	await asPerson(browser, ACCOUNTS.admin, async (page) => {
		await page.goto('/admin');
		await page.getByRole('link', { name: 'Målgrupper' }).click();
		await expect(page.getByRole('heading', { name: 'Målgrupper', level: 1 })).toBeVisible();
		// The seeded Danish list.
		for (const seeded of ['DP', 'KH-JP', 'SDP', 'JAF', 'FJ/LY', 'SHP']) {
			await expect(page.locator(`tr[data-target-group="${seeded}"]`)).toHaveCount(1);
		}
		// A refused code keeps what was typed.
		await page.getByLabel('Kode', { exact: true }).fill('dp');
		await page.getByLabel('Navn', { exact: true }).fill('Integrationsprogram');
		await page.getByRole('button', { name: 'Tilføj målgruppe' }).click();
		await expect(page.locator('#target-group-code-error')).toHaveText(
			'Der findes allerede en målgruppe med denne kode.'
		);
		await expect(page.getByLabel('Navn', { exact: true })).toHaveValue('Integrationsprogram');
		await expectNoViolations(page, '/admin/target-groups with an error shown');

		await page.getByLabel('Kode', { exact: true }).fill(code.toLowerCase());
		await page.getByRole('button', { name: 'Tilføj målgruppe' }).click();
		await expect(page.getByRole('status')).toHaveText(`Målgruppen ${code} er tilføjet.`);
		await expect(page.locator(`tr[data-target-group="${code}"]`)).toContainText('Aktiv');
	});

	const id = await asPerson(browser, ACCOUNTS.consultant, (page) =>
		registerCitizen(page, {
			initials: 'QW',
			group: label,
			jobAreas: '',
			hours: '',
			jobReady: false
		})
	);

	await asPerson(browser, ACCOUNTS.admin, async (page) => {
		await page.goto('/admin/target-groups');
		const row = page.locator(`tr[data-target-group="${code}"]`);
		await row.getByRole('button', { name: `Deaktivér målgruppen ${code}` }).click();
		await expect(page.getByRole('status')).toHaveText(
			`Målgruppen ${code} er deaktiveret. Borgere, der har den, beholder den.`
		);
		await expect(row).toContainText('Deaktiveret');
		await expect(row.locator('td.number')).toHaveText('1');
	});

	await asPerson(browser, ACCOUNTS.consultant, async (page) => {
		await page.goto(citizensPath());
		const options = page.locator('form.citizen-form').getByLabel('Målgruppe').locator('option');
		await expect(options.filter({ hasText: code })).toHaveCount(0);
		await expect(citizenRow(page, 'QW')).toContainText(`${code} (deaktiveret)`);
		// The citizen keeps the group when edited for something else.
		await page.goto(`${citizensPath()}/${id}`);
		await expect(page.getByLabel('Målgruppe').locator('option:checked')).toHaveText(
			`${label} (deaktiveret)`
		);
		await page.getByLabel('Ønskede timer pr. uge').fill('5');
		await page.getByRole('button', { name: 'Gem ændringer' }).click();
		await expect(page.getByRole('status')).toHaveText('Ændringerne er gemt.');
	});
});

test('the citizen pages have no WCAG A/AA violations, also with errors shown', async ({
	browser
}) => {
	await asPerson(browser, ACCOUNTS.consultant, async (page) => {
		await page.goto(citizensPath());
		await expect(page.getByTestId('citizens')).toBeVisible();
		await expectNoViolations(page, 'the citizen list');
		await page.locator('form.citizen-form').getByLabel('Initialer').fill('1');
		await page.getByLabel('Ønskede timer pr. uge').fill('mange');
		await page.getByRole('button', { name: 'Registrér borger' }).click();
		await expect(page.locator('#new-citizen-initials-error')).toBeVisible();
		await expect(page.locator('#new-citizen-initials-error')).toHaveText(
			'Skriv 2-4 bogstaver, fx AB.'
		);
		await expect(page.locator('#new-citizen-targetGroupId-error')).toHaveText('Skal udfyldes.');
		await expect(page.locator('#new-citizen-hoursWanted-error')).toBeVisible();
		await expectNoViolations(page, 'the citizen list with errors');

		await citizenRow(page, 'AH').getByRole('link').click();
		await expect(page.getByRole('heading', { name: 'Borgeren AH' })).toBeVisible();
		await expectNoViolations(page, 'the citizen page');
	});
});
