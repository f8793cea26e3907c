import { expect, test, type Page } from '@playwright/test';
import { expectNoViolations } from './axe';
import { ACCOUNTS, contextAs, queryOne, teamIdByName } from './support';

/**
 * Readiness for paid hours (issue 4, point 6): a consultant lists work tasks for a demo citizen
 * of her team and records follow-ups; the verdict is in words, and the citizen's job_ready (what
 * matching reads as "jobparat") follows it. The admin sets the threshold's form apart.
 * TÅN is a demo citizen of Virksomhedsservice that no other browser test uses.
 */

const INITIALS = 'TÅN';

function citizen(): { id: string; teamId: string } {
	const teamId = teamIdByName('Virksomhedsservice');
	const { id } = queryOne<{ id: string }>(
		'select id from citizen where team_id = ? and initials = ?',
		teamId,
		INITIALS
	);
	return { id, teamId };
}

function jobReady(id: string): number {
	return queryOne<{ job_ready: number }>('select job_ready from citizen where id = ?', id)
		.job_ready;
}

async function addTask(page: Page, text: string): Promise<void> {
	await page.getByLabel('Ny arbejdsopgave').fill(text);
	await page.getByRole('button', { name: 'Tilføj opgave' }).click();
	await expect(page.getByRole('status')).toHaveText('Opgaven er tilføjet.');
	await expect(page.getByLabel(`Score for: ${text}`)).toBeVisible();
}

async function followUp(page: Page, scores: Record<string, string>): Promise<void> {
	for (const [task, score] of Object.entries(scores))
		await page.getByLabel(`Score for: ${task}`).fill(score);
	await page.getByRole('button', { name: 'Gem opfølgning' }).click();
}

test('a consultant lists tasks and records follow-ups until the citizen is ready for paid hours', async ({
	browser
}) => {
	const { id, teamId } = citizen();
	const context = await contextAs(browser, ACCOUNTS.consultant);
	try {
		const page = await context.newPage();
		await page.goto(`/teams/${teamId}/citizens/${id}`);
		await page.getByRole('link', { name: 'Parathed til løntimer' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			`Parathed til løntimer – ${INITIALS}`
		);
		const status = page.getByTestId('readiness-status');
		await expect(status).toHaveText(/Endnu ikke klar/);

		await addTask(page, 'Fylde varer på hylderne');
		await addTask(page, 'Møde til tiden kl. 7');
		await expectNoViolations(page, 'the readiness page with two tasks');

		// One score below the default threshold (7): not ready, in words.
		await followUp(page, { 'Fylde varer på hylderne': '8', 'Møde til tiden kl. 7': '5' });
		await expect(page.getByRole('status')).toHaveText('Opfølgningen er gemt.');
		await expect(status).toHaveText(/Endnu ikke klar/);
		await expect(page.getByText('1 af 2 åbne opgaver har endnu ikke')).toBeVisible();
		expect(jobReady(id)).toBe(0);

		// 11 is refused next to its own field; the other score stays as typed; nothing is stored.
		await followUp(page, { 'Fylde varer på hylderne': '11', 'Møde til tiden kl. 7': '7' });
		const wrong = page.getByLabel('Score for: Fylde varer på hylderne');
		await expect(wrong).toHaveAccessibleDescription(
			'Skriv et helt tal fra 1 til 10, eller lad feltet stå tomt.'
		);
		await expect(wrong).toHaveAttribute('aria-invalid', 'true');
		await expect(wrong).toBeFocused();
		await expect(page.getByLabel('Score for: Møde til tiden kl. 7')).toHaveValue('7');
		await expect(status).toHaveText(/Endnu ikke klar/);
		expect(jobReady(id)).toBe(0);

		await wrong.fill('9');
		await page.getByRole('button', { name: 'Gem opfølgning' }).click();
		await expect(status).toHaveText(/Klar til løntimer/);
		// The refusal's message is gone once the follow-up is saved.
		await expect(page.getByRole('alert')).toHaveCount(0);
		await expect(
			page.getByText('Alle åbne opgaver (2) har en seneste score på mindst 7.')
		).toBeVisible();
		expect(jobReady(id)).toBe(1);

		// The scores over time as a table (what a screen reader reads beside the chart).
		const table = page.getByRole('table', { name: 'Scorer for Møde til tiden kl. 7' });
		await expect(table.getByRole('row')).toHaveCount(3);
		await expect(table.getByRole('cell').nth(0)).toHaveText(/^\d\d\.\d\d\.\d{4} \d\d:\d\d$/);
		await expect(table.getByRole('cell').nth(1)).toHaveText('5');
		await expectNoViolations(page, 'the readiness page with scores and charts');
	} finally {
		await context.close();
	}
});

test('the readiness page works without JavaScript: a refused, an added and a closed task', async ({
	browser
}) => {
	const { id, teamId } = citizen();
	const context = await contextAs(browser, ACCOUNTS.consultant, { javaScriptEnabled: false });
	try {
		const page = await context.newPage();
		await page.goto(`/teams/${teamId}/citizens/${id}/readiness`);
		await page.getByLabel('Ny arbejdsopgave').fill('Ring 010190-1234');
		await page.getByRole('button', { name: 'Tilføj opgave' }).click();
		await expect(page.getByLabel('Ny arbejdsopgave')).toHaveAccessibleDescription(
			/Teksten ligner et CPR-nummer/
		);
		await expect(page.getByLabel('Ny arbejdsopgave')).toHaveValue('Ring 010190-1234');
		await page.getByLabel('Ny arbejdsopgave').fill('Tømme opvaskemaskinen');
		await page.getByRole('button', { name: 'Tilføj opgave' }).click();
		await expect(page.getByLabel('Score for: Tømme opvaskemaskinen')).toBeVisible();
		// A task without a score keeps the citizen not ready; closing it takes it out of the verdict.
		const status = page.getByTestId('readiness-status');
		await expect(status).toHaveText(/Endnu ikke klar/);
		await page.getByRole('button', { name: 'Luk opgaven: Tømme opvaskemaskinen' }).click();
		await expect(page.getByRole('status')).toHaveText('Opgaven er lukket.');
		await expect(page.getByLabel('Score for: Tømme opvaskemaskinen')).toHaveCount(0);
		await expect(
			page.getByRole('listitem').filter({ hasText: /^Tømme opvaskemaskinen \(lukket / })
		).toBeVisible();
		await expect(status).toHaveText(/Klar til løntimer/);
	} finally {
		await context.close();
	}
});

test('the admin sets forecast settings; a wrong weight is refused and the other values stay', async ({
	browser
}) => {
	const context = await contextAs(browser, ACCOUNTS.admin);
	try {
		const page = await context.newPage();
		await page.goto('/admin/forecast-settings');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			'Indstillinger for prognose og parathed'
		);
		await expect(page.getByLabel('Lav risiko')).toHaveValue('0,85');
		await expectNoViolations(page, 'the forecast settings page');

		await page.getByLabel('Lav risiko').fill('1,5');
		await page.getByLabel('Middel risiko').fill('0,55');
		await page.getByLabel('Tærskel for parathed til løntimer').fill('8');
		await page.getByRole('button', { name: 'Gem indstillinger' }).click();
		const low = page.getByLabel('Lav risiko');
		await expect(low).toHaveAccessibleDescription('Skriv et decimaltal fra 0 til 1, fx 0,85.');
		await expect(low).toBeFocused();
		await expect(low).toHaveValue('1,5');
		await expect(page.getByLabel('Middel risiko')).toHaveValue('0,55');
		await expect(page.getByLabel('Tærskel for parathed til løntimer')).toHaveValue('8');
		await expect(page.getByRole('alert')).toHaveText(
			'Indstillingerne er ikke gemt. Ret de markerede felter.'
		);
		await expectNoViolations(page, 'the forecast settings page with an error');
		// Nothing was saved: the stored settings (if any) do not have the typed threshold.
		const stored = queryOne<{ value: string } | undefined>(
			"select value from setting where key = 'forecast'"
		);
		expect(stored ? JSON.parse(stored.value).readinessThreshold : 7).not.toBe(8);
	} finally {
		await context.close();
	}
});
