import { expect, test } from '@playwright/test';
import { expectNoViolations } from './axe';
import { addAction, listLanes } from '../../src/lib/board/model';
import { editBoardAs } from './board-client';
import {
	ACCOUNTS,
	boardIdByName,
	cardByTitle,
	citizenIdByInitials,
	contextAs,
	dayFromToday,
	DEMO_BOARD,
	DEMO_TEAM,
	NAMES,
	openBoard,
	queryOne,
	teamIdByName,
	uniqueTitle,
	userIdByEmail
} from './support';

// Up to four browser contexts and axe runs, on a shared 2-core machine.
test.describe.configure({ timeout: 120_000 });

/** A seeded citizen of the demo team that no other spec closes. */
const INITIALS = 'SB';

function auditRowsOf(email: string): number {
	return queryOne<{ n: number }>(
		'select count(*) as n from audit_log where user_id = ?',
		userIdByEmail(email)
	).n;
}

function storedCitizen(title: string): string | undefined {
	return queryOne<{ citizen_id: string } | undefined>(
		'select citizen_id from action where title = ?',
		title
	)?.citizen_id;
}

test('a consultant links a citizen to an action and sees the initials; a viewer and the meeting-room screen never do; the link can be cleared', async ({
	browser
}) => {
	const boardId = boardIdByName(DEMO_BOARD);
	const citizenId = citizenIdByInitials(DEMO_TEAM, INITIALS);
	const viewerReadsBefore = auditRowsOf(ACCOUNTS.viewer);
	const anna = await contextAs(browser, ACCOUNTS.consultant);
	const viewer = await contextAs(browser, ACCOUNTS.viewer);
	const leader = await contextAs(browser, ACCOUNTS.leader);
	const tv = await browser.newContext();
	try {
		const page = await anna.newPage();
		const watching = await viewer.newPage();
		await openBoard(page, boardId);
		await openBoard(watching, boardId);

		// Long overdue, so it leads the screen's action list whatever other specs left there.
		const title = uniqueTitle('Ring til borger om praktik');
		await page.getByTestId('new-action').click();
		const dialog = page.getByTestId('action-dialog-add');
		await dialog.getByLabel('Hvad skal gøres').fill(title);
		await dialog.getByLabel('Ansvarlig').selectOption({ label: NAMES.consultant });
		await dialog.getByLabel('Frist', { exact: true }).fill(dayFromToday(-300));
		await dialog.getByLabel('Opfølgning', { exact: true }).fill(dayFromToday(1));
		const citizen = dialog.getByLabel('Borger', { exact: true });
		await expect(citizen, 'no citizen unless one is chosen').toHaveValue('');
		await expect(citizen).toHaveAccessibleDescription(/aldrig på skærmen i mødelokalet/);
		await expect(citizen.locator(`option[value="${citizenId}"]`)).toHaveText(
			new RegExp(`^${INITIALS} \\(`)
		);
		await expectNoViolations(
			page,
			'the new action dialog with the citizen field',
			'[data-testid="action-dialog-add"]'
		);
		await citizen.selectOption(citizenId);
		await dialog.getByTestId('action-save').click();
		await expect(dialog).toHaveCount(0);

		// The consultant's card names the citizen; the document and SQL hold only the id.
		const mine = cardByTitle(page, title);
		await expect(mine.getByTestId('action-citizen-tag')).toHaveText(`Borger: ${INITIALS}`);
		await expect.poll(() => storedCitizen(title)).toBe(citizenId);

		// The viewer sees that a citizen is linked, live, but not who.
		const theirs = cardByTitle(watching, title);
		await expect(theirs.getByTestId('action-citizen-tag')).toHaveText('Borger tilknyttet');
		await theirs.getByTestId('card-open').click();
		const viewerEditor = watching.getByTestId('card-editor');
		await expect(viewerEditor.getByTestId('action-citizen-label')).toHaveText('Borger tilknyttet');
		await expect(viewerEditor.getByRole('button', { name: /borger/i })).toHaveCount(0);
		await expect(viewerEditor.getByTestId('action-citizen')).toHaveCount(0);
		expect(await watching.getByTestId('board').innerText()).not.toMatch(
			new RegExp(`\\b${INITIALS}\\b`)
		);
		await viewerEditor.getByRole('button', { name: 'Luk' }).click();

		// The meeting-room screen lists the action without the citizen.
		const laptop = await leader.newPage();
		await laptop.goto(`/boards/${boardId}/screens`);
		await laptop.getByLabel('Skærmens navn').fill(uniqueTitle('Handlinger'));
		await laptop.getByRole('button', { name: 'Opret skærmlink' }).click();
		const url = await laptop.getByTestId('screen-link-url').inputValue();
		const screen = await tv.newPage();
		await screen.goto(url);
		await expect(screen.getByTestId('screen')).toHaveAttribute('data-connection', 'online');
		await expect(
			screen.getByTestId('screen-actions').getByTestId('screen-action').filter({ hasText: title })
		).toBeVisible();
		expect(await screen.getByTestId('screen').innerText()).not.toMatch(
			new RegExp(`\\b${INITIALS}\\b`)
		);

		// Clearing the link in the card's dialog: gone on both devices and in SQL.
		await mine.getByTestId('card-open').click();
		const editor = page.getByTestId('card-editor');
		await expect(editor.getByTestId('action-citizen-label')).toHaveText(INITIALS);
		await editor.getByRole('button', { name: 'Skift borger' }).click();
		const field = editor.getByLabel('Borger', { exact: true });
		await expect(field).toBeFocused();
		await expect(field).toHaveValue(citizenId);
		await field.selectOption({ label: 'Ingen borger' });
		await editor.getByRole('button', { name: 'Gem borger' }).click();
		await expect(editor.getByTestId('action-citizen-label')).toHaveCount(0);
		await expect(editor.getByRole('button', { name: 'Tilknyt borger' })).toBeVisible();
		await expect(page.getByText('Handlingen har ikke længere en borger.')).toBeVisible();
		await expect(mine.getByTestId('action-citizen-tag')).toHaveCount(0);
		await expect(theirs.getByTestId('action-citizen-tag')).toHaveCount(0);
		await expect.poll(() => storedCitizen(title)).toBe('');

		// The viewer's device never asked for citizen data.
		expect(auditRowsOf(ACCOUNTS.viewer)).toBe(viewerReadsBefore);
	} finally {
		await anna.close();
		await viewer.close();
		await leader.close();
		await tv.close();
	}
});

/** Sets "Eskalér handlinger efter (dage)" on the admin page and expects it saved. */
async function setEscalationDays(
	page: import('@playwright/test').Page,
	days: string
): Promise<void> {
	await page.goto('/admin/forecast-settings');
	await page.getByLabel('Eskalér handlinger efter (dage)').fill(days);
	await page.getByRole('button', { name: 'Gem indstillinger' }).click();
	await expect(page.getByText('Indstillingerne er gemt.')).toBeVisible();
}

test('the admin sets after how many days actions escalate, and the leader’s overview follows', async ({
	browser
}) => {
	const boardId = boardIdByName(DEMO_BOARD);
	const teamId = teamIdByName(DEMO_TEAM);
	const admin = await contextAs(browser, ACCOUNTS.admin);
	const leader = await contextAs(browser, ACCOUNTS.leader);
	const settings = await admin.newPage();
	let restore: string | undefined;
	try {
		const title = uniqueTitle('To dage over fristen');
		await editBoardAs(leader, boardId, (doc) => {
			addAction(
				doc,
				{
					laneId: listLanes(doc)[0]!.id,
					title,
					ownerId: userIdByEmail(ACCOUNTS.consultant),
					due: dayFromToday(-2),
					followUp: dayFromToday(1),
					createdBy: userIdByEmail(ACCOUNTS.leader),
					now: Date.now()
				},
				'e2e'
			);
		});

		await settings.goto('/admin/forecast-settings');
		const days = settings.getByLabel('Eskalér handlinger efter (dage)');
		await expect(
			settings
				.getByRole('group', { name: 'Handlinger' })
				.getByLabel('Eskalér handlinger efter (dage)')
		).toBeVisible();
		restore = await days.inputValue();
		expect(restore).toMatch(/^\d+$/);

		// Out of range or not a number: refused next to the field, in Danish, as typed.
		for (const typed of ['0', '31', 'abc']) {
			await days.fill(typed);
			await settings.getByRole('button', { name: 'Gem indstillinger' }).click();
			await expect(days).toHaveAccessibleDescription(/Skriv et helt antal dage fra 1 til 30\.$/);
			await expect(days).toHaveAttribute('aria-invalid', 'true');
			await expect(days).toBeFocused();
			await expect(days).toHaveValue(typed);
		}
		await expectNoViolations(settings, 'the forecast settings with a wrong escalation value');

		const overview = await leader.newPage();
		const escalated = overview.getByTestId('actions-escalated');
		const row = escalated.getByRole('row').filter({ hasText: title });

		await setEscalationDays(settings, '1');
		await overview.goto(`/teams/${teamId}/overview`);
		await expect(overview.getByTestId('actions-escalated-threshold')).toHaveText(
			'Handlinger mere end 1 dag over fristen.'
		);
		await expect(row).toContainText('2 dage over');
		await expect(row).toContainText(NAMES.consultant);

		await setEscalationDays(settings, '3');
		await overview.goto(`/teams/${teamId}/overview`);
		await expect(overview.getByTestId('actions-escalated-threshold')).toHaveText(
			'Handlinger mere end 3 dage over fristen.'
		);
		await expect(overview.getByTestId('actions-escalated')).toBeVisible();
		await expect(row, 'two days over is not more than three').toHaveCount(0);
	} finally {
		// Other specs expect the default threshold: put back what was there.
		if (restore !== undefined) await setEscalationDays(settings, restore);
		await admin.close();
		await leader.close();
	}
});
