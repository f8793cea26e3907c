import { devices, expect, test } from '@playwright/test';
import { expectNoViolations } from './axe';
import { addAction, listLanes } from '../../src/lib/board/model';
import { editBoardAs } from './board-client';
import {
	ACCOUNTS,
	boardIdByName,
	cardByTitle,
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

// Two browser contexts and an axe run, on a shared 2-core machine.
test.describe.configure({ timeout: 90_000 });

// A phone: small viewport, touch only, mobile layout. Launched with the project's Chromium.
const { defaultBrowserType: _browserType, ...phone } = devices['Pixel 7'];

test('a consultant on a phone creates an action; the leader sees it live, and done shows on both', async ({
	browser
}) => {
	const boardId = boardIdByName(DEMO_BOARD);
	const phoneContext = await contextAs(browser, ACCOUNTS.consultant, phone);
	const laptopContext = await contextAs(browser, ACCOUNTS.leader);
	try {
		const mobile = await phoneContext.newPage();
		const laptop = await laptopContext.newPage();
		await openBoard(mobile, boardId);
		await openBoard(laptop, boardId);
		expect(mobile.viewportSize()!.width).toBeLessThan(500);

		const title = uniqueTitle('Ring til Fjordlager');
		await mobile.getByTestId('new-action').click();
		const dialog = mobile.getByTestId('action-dialog-add');
		await expect(dialog).toBeVisible();
		await expect(dialog.getByLabel('Hvad skal gøres')).toBeFocused();
		await dialog.getByLabel('Hvad skal gøres').fill(title);
		await dialog.getByLabel('Frist', { exact: true }).fill(dayFromToday(-2));
		await dialog.getByLabel('Opfølgning', { exact: true }).fill(dayFromToday(1));
		await dialog.getByLabel('Tidsregistrering').selectOption({ label: 'Opsøgende kontakt' });

		// No owner: refused with the Danish message next to the field, focus there, values kept.
		await dialog.getByTestId('action-save').click();
		const owner = dialog.getByLabel('Ansvarlig');
		await expect(owner).toBeFocused();
		await expect(owner).toHaveAttribute('aria-invalid', 'true');
		await expect(owner).toHaveAccessibleDescription('Vælg én ansvarlig.');
		await expect(dialog.getByTestId('action-form-error')).toBeVisible();
		await expect(dialog.getByLabel('Hvad skal gøres')).toHaveValue(title);
		await expect(dialog.getByLabel('Frist', { exact: true })).toHaveValue(dayFromToday(-2));
		await expectNoViolations(mobile, 'the new action dialog', '[data-testid="action-dialog-add"]');
		await expect(cardByTitle(laptop, title)).toHaveCount(0);

		await owner.selectOption({ label: NAMES.consultant2 });
		await dialog.getByTestId('action-save').click();
		await expect(dialog).toHaveCount(0);

		for (const page of [mobile, laptop]) {
			const card = cardByTitle(page, title);
			await expect(card).toBeVisible();
			await expect(card.getByTestId('card-due')).toHaveText(/^\W*Forfalden \(2 dage\)$/);
			await expect(card.getByTestId('action-tag')).toHaveText(/Opsøgende kontakt/);
			await expect(card).toContainText(NAMES.consultant2);
		}
		const stored = () =>
			queryOne<{ owner_id: string; status: string; time_tag: string; follow_up: string }>(
				'select owner_id, status, time_tag, follow_up from action where title = ?',
				title
			);
		expect(stored()).toEqual({
			owner_id: userIdByEmail(ACCOUNTS.consultant2),
			status: 'open',
			time_tag: 'outreach',
			follow_up: dayFromToday(1)
		});

		// Udført in the card's dialog: both devices show it, and the projection has it.
		await cardByTitle(mobile, title).getByTestId('card-open').click();
		const editor = mobile.getByTestId('card-editor');
		await expect(editor.getByTestId('action-status')).toHaveText(/Åben · Forfalden \(2 dage\)/);
		await expectNoViolations(mobile, 'an action’s dialog', '[data-testid="card-editor"]');
		await editor.getByRole('button', { name: 'Udført' }).click();
		await expect(editor.getByTestId('action-status')).toHaveText('Udført');
		await expect(editor.getByRole('button', { name: 'Genåbn' })).toBeVisible();
		await editor.getByRole('button', { name: 'Annuller' }).click();
		for (const page of [mobile, laptop])
			await expect(cardByTitle(page, title).getByTestId('card-due')).toHaveText(/Udført/);
		await expect.poll(() => stored().status).toBe('done');
	} finally {
		await phoneContext.close();
		await laptopContext.close();
	}
});

test('moving needs valid dates, dropping needs a reason, and reopening brings it back', async ({
	browser
}) => {
	const boardId = boardIdByName(DEMO_BOARD);
	const context = await contextAs(browser, ACCOUNTS.leader);
	try {
		const page = await context.newPage();
		await openBoard(page, boardId);
		const title = uniqueTitle('Opfølgning på praktik');
		await page.getByTestId('add-action').first().click();
		const dialog = page.getByTestId('action-dialog-add');
		await dialog.getByLabel('Hvad skal gøres').fill(title);
		await dialog.getByLabel('Ansvarlig').selectOption({ label: NAMES.leader });
		await dialog.getByLabel('Frist', { exact: true }).fill(dayFromToday(3));
		await dialog.getByLabel('Opfølgning', { exact: true }).fill(dayFromToday(2));
		await dialog.getByTestId('action-save').click();
		await expect(dialog.getByLabel('Opfølgning', { exact: true })).toHaveAccessibleDescription(
			/Opfølgningen kan ikke ligge før fristen\./
		);
		await dialog.getByLabel('Opfølgning', { exact: true }).fill(dayFromToday(4));
		await dialog.getByTestId('action-save').click();
		await expect(cardByTitle(page, title).getByTestId('card-due')).toHaveText('Frist om 3 dage');

		await cardByTitle(page, title).getByTestId('card-open').click();
		const editor = page.getByTestId('card-editor');
		await editor.getByRole('button', { name: 'Flyt' }).click();
		await editor.getByLabel('Ny frist').fill(dayFromToday(1));
		await editor.getByLabel('Ny opfølgning').fill(dayFromToday(5));
		await editor.getByRole('button', { name: 'Flyt handlingen' }).click();
		await expect(editor.getByTestId('action-status')).toHaveText(/Frist i morgen/);

		await editor.getByRole('button', { name: 'Drop' }).click();
		await editor.getByRole('button', { name: 'Drop handlingen' }).click();
		const reason = editor.getByLabel('Begrundelse');
		await expect(reason).toBeFocused();
		await expect(reason).toHaveAccessibleDescription('Skriv hvorfor handlingen droppes.');
		await reason.fill('Virksomheden har ansat selv');
		await editor.getByRole('button', { name: 'Drop handlingen' }).click();
		await expect(editor.getByTestId('action-status')).toHaveText('Droppet');
		await expect(editor).toContainText('Virksomheden har ansat selv');
		await expect
			.poll(() =>
				queryOne<{ status: string; due: string }>(
					'select status, due from action where title = ?',
					title
				)
			)
			.toEqual({ status: 'dropped', due: dayFromToday(1) });

		await editor.getByRole('button', { name: 'Genåbn' }).click();
		await expect(editor.getByTestId('action-status')).toHaveText(/Åben · Frist i morgen/);
	} finally {
		await context.close();
	}
});

test('the leader’s overview lists an action more than three days overdue, and counts it once done', async ({
	browser
}) => {
	const boardId = boardIdByName(DEMO_BOARD);
	const teamId = teamIdByName(DEMO_TEAM);
	const context = await contextAs(browser, ACCOUNTS.leader);
	try {
		const title = uniqueTitle('Dokumentér samtaler');
		const recent = uniqueTitle('Nylig handling');
		await editBoardAs(context, boardId, (doc) => {
			const laneId = listLanes(doc)[0]!.id;
			const common = {
				laneId,
				ownerId: userIdByEmail(ACCOUNTS.consultant),
				followUp: dayFromToday(2),
				timeTag: 'documentation' as const,
				createdBy: userIdByEmail(ACCOUNTS.leader),
				now: Date.now()
			};
			addAction(doc, { ...common, title, due: dayFromToday(-5) }, 'e2e');
			addAction(doc, { ...common, title: recent, due: dayFromToday(-3) }, 'e2e');
		});
		const page = await context.newPage();
		await page.goto(`/teams/${teamId}/overview`);
		const escalated = page.getByTestId('actions-escalated');
		const row = escalated.getByRole('row').filter({ hasText: title });
		await expect(row).toContainText(NAMES.consultant);
		await expect(row).toContainText('5 dage over');
		await expect(
			escalated.getByRole('row').filter({ hasText: recent }),
			'three days over is not yet escalated'
		).toHaveCount(0);
		const production = page.getByTestId('actions-production');
		const thisWeek = production.locator('tbody tr').last();
		const documented = Number(await thisWeek.locator('[data-tag="documentation"]').innerText());
		await expectNoViolations(page, 'the overview with actions');

		await row.getByRole('link', { name: title }).click();
		const editor = page.getByTestId('card-editor');
		await editor.getByRole('button', { name: 'Udført' }).click();
		await expect(editor.getByTestId('action-status')).toHaveText('Udført');
		await expect
			.poll(() => queryOne<{ status: string }>('select status from action where title = ?', title))
			.toEqual({ status: 'done' });

		await page.goto(`/teams/${teamId}/overview`);
		await expect(page.getByTestId('actions-escalated')).not.toContainText(title);
		await expect(
			page
				.getByTestId('actions-production')
				.locator('tbody tr')
				.last()
				.locator('[data-tag="documentation"]')
		).toHaveText(String(documented + 1));
	} finally {
		await context.close();
	}
});
