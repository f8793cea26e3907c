import { expect, test, type Page } from '@playwright/test';
import { addAction, listLanes } from '../../src/lib/board/model';
import { addOpening } from '../../src/lib/board/openings';
import { expectNoViolations } from './axe';
import { editBoardAs } from './board-client';
import {
	ACCOUNTS,
	cardByTitle,
	cli,
	contextAs,
	dayFromToday,
	DEMO_TEAM,
	NAMES,
	openBoard,
	PHONE,
	queryOne,
	teamIdByName,
	uniqueTitle,
	userIdByEmail
} from './support';

/**
 * The board meeting (tavlemøde, issue 5 points 3 and 4) on the participants' own devices: the
 * leader starts it on a laptop from the start page, a consultant follows on a phone, and both see
 * the item, the timer, the card in focus, attendance, decisions and the follow-up of actions
 * change live, until the leader ends it. On a board of its own, so no other spec sees the meeting.
 */

// Two browsers, axe runs and a real meeting on a shared 2-core machine.
test.describe.configure({ timeout: 180_000 });
// A control that never appears fails the step that needed it, not the whole test's time.
test.use({ actionTimeout: 15_000 });

/** A marker on the window: still there after a change means the page was not reloaded. */
async function markWindow(page: Page): Promise<void> {
	await page.evaluate(() => ((window as unknown as { marker: string }).marker = 'kept'));
}

async function windowKept(page: Page): Promise<boolean> {
	return page.evaluate(() => (window as unknown as { marker?: string }).marker === 'kept');
}

test('a leader runs a board meeting from a laptop and a consultant follows on a phone', async ({
	browser
}) => {
	const teamId = teamIdByName(DEMO_TEAM);
	const boardId = cli(['board', 'create', '--team', teamId, '--name', uniqueTitle('Tavlemøde')]);
	const position = uniqueTitle('Lagermedarbejder');
	const openingTitle = `${position}, Demoby Logistik`;
	const actionTitle = uniqueTitle('Ring tilbage til Fjordlager');
	const laptopContext = await contextAs(browser, ACCOUNTS.leader);
	const phoneContext = await contextAs(browser, ACCOUNTS.consultant, PHONE);
	try {
		// An opening to discuss, and an action that fell due yesterday (to follow up).
		await editBoardAs(laptopContext, boardId, (doc) => {
			const laneId = listLanes(doc)[0]!.id;
			addOpening(
				doc,
				{
					laneId,
					title: openingTitle,
					companyId: 'e2e-company',
					companyName: 'Demoby Logistik',
					position,
					jobType: 'ordinary',
					positions: 1,
					deadline: dayFromToday(5),
					source: 'phone',
					createdBy: userIdByEmail(ACCOUNTS.leader),
					now: Date.now()
				},
				'e2e'
			);
			addAction(
				doc,
				{
					laneId,
					title: actionTitle,
					ownerId: userIdByEmail(ACCOUNTS.consultant),
					due: dayFromToday(-1),
					followUp: dayFromToday(1),
					createdBy: userIdByEmail(ACCOUNTS.leader),
					now: Date.now()
				},
				'e2e'
			);
		});
		const laptop = await laptopContext.newPage();
		const phone = await phoneContext.newPage();

		await test.step('the leader opens the start page from the board', async () => {
			await openBoard(laptop, boardId);
			await expect(laptop.getByTestId('meeting-bar')).toHaveCount(0);
			await expect(laptop.getByTestId('meeting-minutes-link')).toHaveAttribute(
				'href',
				`/boards/${boardId}/meetings`
			);
			await expectNoViolations(laptop, 'the board’s meeting links', '.board-tools');
			await laptop.getByTestId('meeting-start-link').click();
			await expect(laptop).toHaveURL(`/boards/${boardId}/meeting`);
			await expect(laptop.getByRole('heading', { level: 1 })).toHaveText('Start tavlemøde');
			await expect(laptop.getByTestId('agenda-row')).toHaveCount(5);
			await expect(laptop.getByTestId('agenda-total')).toHaveText(/Planlagt tid i alt: 13 min/);
			await expectNoViolations(laptop, 'the meeting start page');
		});

		await test.step('own items can be added, moved and removed with buttons', async () => {
			await laptop.getByRole('button', { name: 'Tilføj eget punkt' }).click();
			const ownTitle = laptop.getByLabel('Titel på eget punkt');
			await expect(ownTitle).toBeFocused();
			await ownTitle.fill('Nyt fra ledelsen');
			await expect(laptop.getByTestId('agenda-total')).toHaveText(/15 min/);
			await laptop.getByRole('button', { name: 'Flyt Nyt fra ledelsen op' }).click();
			await expect(laptop.getByTestId('agenda-row').nth(4)).toHaveAttribute('data-kind', 'custom');
			await expect(laptop.getByRole('button', { name: 'Flyt Nyt fra ledelsen op' })).toBeFocused();
			await laptop.getByRole('button', { name: 'Fjern Nyt fra ledelsen' }).click();
			await expect(laptop.getByTestId('agenda-row')).toHaveCount(5);
			await expect(laptop.getByTestId('agenda-total')).toHaveText(/13 min/);
		});

		await test.step('0 minutes is refused next to the field, with the typed value kept', async () => {
			const first = laptop.getByRole('textbox', {
				name: 'Minutter til punktet Frist overskredet og snart'
			});
			await first.fill('0');
			await laptop.getByTestId('meeting-start').click();
			await expect(first).toHaveAttribute('aria-invalid', 'true');
			await expect(first).toHaveAccessibleDescription(
				/Skriv et helt antal minutter fra 1 til 30\.$/
			);
			await expect(first).toHaveValue('0');
			await expect(first).toBeFocused();
			await expect(laptop.getByTestId('agenda-issues')).toBeVisible();
			await expect(laptop).toHaveURL(`/boards/${boardId}/meeting`);
			expect(
				queryOne<{ n: number }>('select count(*) as n from meeting where board_id = ?', boardId).n
			).toBe(0);
		});

		await test.step('with 4 minutes the meeting starts and the board shows the bar', async () => {
			const first = laptop.getByRole('textbox', {
				name: 'Minutter til punktet Frist overskredet og snart'
			});
			await first.fill('4');
			await expect(laptop.getByTestId('agenda-total')).toHaveText(/Planlagt tid i alt: 14 min/);
			await laptop.getByTestId('meeting-start').click();
			await expect(laptop).toHaveURL(`/boards/${boardId}`);
			const bar = laptop.getByTestId('meeting-bar');
			await expect(bar.getByTestId('meeting-position')).toHaveText('· Punkt 1 af 5');
			await expect(bar.getByTestId('meeting-item-title')).toHaveText('Frist overskredet og snart');
			await expect(bar.getByTestId('meeting-timer')).toContainText('af 4 min');
			await expect(bar.getByTestId('meeting-facilitator')).toHaveText(`Mødeleder: ${NAMES.leader}`);
			await expect(laptop.getByTestId('meeting-start-link')).toHaveCount(0);
		});

		await test.step('a second start is refused with a way back to the board', async () => {
			const other = await laptopContext.newPage();
			await other.goto(`/boards/${boardId}/meeting`);
			const running = other.getByTestId('meeting-running');
			await expect(running).toContainText('Der kører allerede et tavlemøde på denne tavle.');
			await running.getByRole('link', { name: 'Gå til tavlen' }).click();
			await expect(other).toHaveURL(`/boards/${boardId}`);
			await other.close();
		});

		await test.step('the consultant’s phone shows the bar and a running timer, without steering', async () => {
			await openBoard(phone, boardId);
			expect(phone.viewportSize()!.width).toBeLessThan(500);
			const bar = phone.getByTestId('meeting-bar');
			await expect(bar.getByTestId('meeting-position')).toHaveText('· Punkt 1 af 5');
			const elapsed = bar.getByTestId('meeting-elapsed');
			await expect(elapsed).toHaveText(/^\d+:\d{2}$/);
			const before = await elapsed.textContent();
			await expect(elapsed).not.toHaveText(before!, { timeout: 3000 });
			await expect(bar.getByTestId('meeting-next')).toHaveCount(0);
			await expect(bar.getByTestId('meeting-previous')).toHaveCount(0);
			await expect(bar.getByTestId('meeting-end')).toHaveCount(0);
			// Touch targets: every control in the bar is at least 44 px high.
			for (const control of await bar.getByRole('button').all()) {
				const box = await control.boundingBox();
				expect(box!.height).toBeGreaterThanOrEqual(44);
			}
			await markWindow(phone);
		});

		await test.step('the leader moves on, and the phone follows without a reload', async () => {
			await laptop.getByTestId('meeting-next').click();
			await expect(laptop.getByTestId('meeting-position')).toHaveText('· Punkt 2 af 5');
			const bar = phone.getByTestId('meeting-bar');
			await expect(bar.getByTestId('meeting-position')).toHaveText('· Punkt 2 af 5');
			await expect(bar.getByTestId('meeting-item-title')).toHaveText(
				'Nye jobåbninger og kandidater'
			);
			expect(await windowKept(phone)).toBe(true);
		});

		await test.step('the leader puts the opening in focus; the phone shows “I fokus” on it', async () => {
			await cardByTitle(laptop, openingTitle).getByTestId('card-open').click();
			const dialog = laptop.getByTestId('opening-dialog');
			await dialog.getByRole('button', { name: 'Sæt i fokus' }).click();
			await expect(dialog.getByRole('button', { name: 'Tag ud af fokus' })).toBeVisible();
			await dialog.press('Escape');
			await expect(dialog).toHaveCount(0);
			const card = cardByTitle(phone, openingTitle);
			await expect(card.getByTestId('card-in-focus')).toHaveText('I fokus');
			await expect(card.getByTestId('card-in-focus')).toBeInViewport();
			await expect(cardByTitle(laptop, openingTitle).getByTestId('card-in-focus')).toBeVisible();
			// Taken out, and put back for the rest of the meeting.
			await cardByTitle(laptop, openingTitle).getByTestId('card-open').click();
			await dialog.getByRole('button', { name: 'Tag ud af fokus' }).click();
			await expect(card.getByTestId('card-in-focus')).toHaveCount(0);
			await dialog.getByRole('button', { name: 'Sæt i fokus' }).click();
			await expect(card.getByTestId('card-in-focus')).toBeVisible();
			await dialog.press('Escape');
		});

		await test.step('attendance shows the consultant present; the leader marks her absent', async () => {
			await phone.getByTestId('meeting-panel-toggle').click();
			await phone.getByRole('tab', { name: /^Fremmøde/ }).click();
			const annaOnPhone = phone.getByTestId('attendee').filter({ hasText: NAMES.consultant });
			await expect(annaOnPhone).toContainText('Til stede');
			await expect(annaOnPhone.getByRole('switch')).toHaveCount(0);

			await laptop.getByTestId('meeting-panel-toggle').click();
			await laptop.getByRole('tab', { name: /^Fremmøde/ }).click();
			const annaSwitch = laptop.getByRole('switch', { name: new RegExp(NAMES.consultant) });
			await expect(annaSwitch).toHaveAttribute('aria-checked', 'true');
			await annaSwitch.click();
			await expect(annaSwitch).toHaveAttribute('aria-checked', 'false');
			await expect(annaOnPhone).toContainText('Ikke til stede');
			await expect(annaOnPhone).toContainText('rettet');
		});

		await test.step('a decision with a CPR number is refused next to the field, text kept', async () => {
			await phone.getByRole('tab', { name: /^Beslutninger/ }).click();
			const field = phone.getByLabel('Ny beslutning');
			const cpr = 'Ring til borger 010190-1234 i morgen';
			await field.fill(cpr);
			await phone.getByRole('button', { name: 'Tilføj beslutning' }).click();
			await expect(field).toHaveAttribute('aria-invalid', 'true');
			await expect(field).toHaveAccessibleDescription(/Det ligner et CPR-nummer/);
			await expect(field).toHaveValue(cpr);
			const decision = uniqueTitle('Vi ringer til alle nye virksomheder');
			await field.fill(decision);
			await phone.getByRole('button', { name: 'Tilføj beslutning' }).click();
			await expect(field).toHaveValue('');
			await expect(field).not.toHaveAttribute('aria-invalid', 'true');
			await laptop.getByRole('tab', { name: /^Beslutninger/ }).click();
			await expect(laptop.getByTestId('meeting-decisions')).toContainText(decision);
			await expect(laptop.getByRole('tab', { name: 'Beslutninger (1)' })).toBeVisible();
		});

		await test.step('at “actions to follow up” the follow-up opens and an action is marked done', async () => {
			await laptop.getByTestId('meeting-next').click();
			for (const page of [laptop, phone]) {
				await expect(page.getByTestId('meeting-position')).toHaveText('· Punkt 3 af 5');
				await expect(page.getByRole('tab', { name: 'Opfølgning (1)' })).toHaveAttribute(
					'aria-selected',
					'true'
				);
			}
			const item = phone.getByTestId('follow-up-item').filter({ hasText: actionTitle });
			await expect(item).toContainText(`Ansvarlig: ${NAMES.consultant}`);
			await expect(item.getByTestId('action-status')).toContainText('Åben');
			await item.getByRole('button', { name: 'Udført' }).click();
			await expect(item.getByTestId('action-status')).toHaveText('Udført');
			const onLaptop = laptop.getByTestId('follow-up-item').filter({ hasText: actionTitle });
			await expect(onLaptop.getByTestId('action-status')).toHaveText('Udført');
			await expect
				.poll(
					() =>
						queryOne<{ status: string }>('select status from action where title = ?', actionTitle)
							.status
				)
				.toBe('done');
		});

		await test.step('the board with the meeting bar and panel passes axe, on both devices', async () => {
			await expectNoViolations(laptop, 'the board with the meeting bar and panel');
			await expectNoViolations(phone, 'the phone’s board with the meeting bar and panel');
		});

		await test.step('at “new actions” the new action button is prominent', async () => {
			await laptop.getByTestId('meeting-next').click();
			await laptop.getByTestId('meeting-next').click();
			await expect(phone.getByTestId('meeting-position')).toHaveText('· Punkt 5 af 5');
			// The phone's panel was opened by hand, so it stays open: closing gives focus back.
			await phone.getByTestId('meeting-panel-close').click();
			await expect(phone.getByTestId('meeting-panel')).toHaveCount(0);
			await expect(phone.getByTestId('meeting-panel-toggle')).toBeFocused();
			await phone.getByTestId('meeting-new-action').click();
			await expect(phone.getByTestId('action-dialog-add')).toBeVisible();
			await phone.getByTestId('action-dialog-add').press('Escape');
			await expect(phone.getByTestId('action-dialog-add')).toHaveCount(0);
		});

		await test.step('the leader ends the meeting; the phone’s bar goes away', async () => {
			await laptop.getByTestId('meeting-end').click();
			const confirm = laptop.getByTestId('meeting-end-confirm');
			await expect(confirm).toContainText('Afslut mødet for alle?');
			await confirm.getByRole('button', { name: 'Ja, afslut mødet' }).click();
			const meetingId = queryOne<{ id: string }>(
				'select id from meeting where board_id = ?',
				boardId
			).id;
			await expect(laptop).toHaveURL(`/boards/${boardId}/meetings/${meetingId}`);
			await expect(phone.getByTestId('meeting-bar')).toHaveCount(0);
			await expect(cardByTitle(phone, openingTitle).getByTestId('card-in-focus')).toHaveCount(0);
			expect(await windowKept(phone)).toBe(true);
		});
	} finally {
		await laptopContext.close();
		await phoneContext.close();
	}
});

test('the start page works without JavaScript: a plain form post, errors kept, then the start', async ({
	browser
}) => {
	const teamId = teamIdByName(DEMO_TEAM);
	const boardId = cli(['board', 'create', '--team', teamId, '--name', uniqueTitle('Uden JS')]);
	const context = await contextAs(browser, ACCOUNTS.consultant, { javaScriptEnabled: false });
	try {
		const page = await context.newPage();
		await page.goto(`/boards/${boardId}/meeting`);
		// Moving and adding need JavaScript; the agenda as shown can still be posted.
		await expect(page.getByRole('button', { name: 'Tilføj eget punkt' })).toHaveCount(0);
		const last = page.getByRole('textbox', { name: 'Minutter til punktet Nye handlinger' });
		await last.fill('2,5');
		await page.getByTestId('meeting-start').click();
		await expect(last).toHaveValue('2,5');
		await expect(last).toHaveAttribute('aria-invalid', 'true');
		await expect(last).toHaveAccessibleDescription(/Skriv et helt antal minutter fra 1 til 30\.$/);
		await last.fill('5');
		await page.getByTestId('meeting-start').click();
		await expect(page).toHaveURL(`/boards/${boardId}`);
		const meeting = queryOne<{ facilitator_id: string; minutes: number }>(
			`select m.facilitator_id, i.minutes from meeting m join meeting_item i on i.meeting_id = m.id
			 where m.board_id = ? and m.ended_at is null order by i.position desc limit 1`,
			boardId
		);
		expect(meeting).toEqual({ facilitator_id: userIdByEmail(ACCOUNTS.consultant), minutes: 5 });
	} finally {
		await context.close();
	}
});

test('a consultant facilitates from a phone: starts, steps on and ends, and the leader’s laptop follows', async ({
	browser
}) => {
	const teamId = teamIdByName(DEMO_TEAM);
	const boardId = cli([
		'board',
		'create',
		'--team',
		teamId,
		'--name',
		uniqueTitle('Fra telefonen')
	]);
	const phoneContext = await contextAs(browser, ACCOUNTS.consultant, PHONE);
	const laptopContext = await contextAs(browser, ACCOUNTS.leader);
	try {
		const phone = await phoneContext.newPage();
		const laptop = await laptopContext.newPage();
		await openBoard(laptop, boardId);
		await openBoard(phone, boardId);
		await phone.getByTestId('meeting-start-link').click();
		await phone.getByTestId('meeting-start').click();
		await expect(phone).toHaveURL(`/boards/${boardId}`);
		const phoneBar = phone.getByTestId('meeting-bar');
		await expect(phoneBar.getByTestId('meeting-facilitator')).toHaveText(
			`Mødeleder: ${NAMES.consultant}`
		);
		await expect(laptop.getByTestId('meeting-position')).toHaveText('· Punkt 1 af 5');

		// The facilitator steers with one thumb: the bar's own buttons, no panel needed.
		const next = phoneBar.getByTestId('meeting-next');
		expect((await next.boundingBox())!.height).toBeGreaterThanOrEqual(44);
		await next.click();
		await expect(laptop.getByTestId('meeting-position')).toHaveText('· Punkt 2 af 5');
		await expect(laptop.getByTestId('meeting-item-title')).toHaveText(
			'Nye jobåbninger og kandidater'
		);
		await phoneBar.getByTestId('meeting-previous').click();
		await expect(laptop.getByTestId('meeting-position')).toHaveText('· Punkt 1 af 5');

		await phoneBar.getByTestId('meeting-end').click();
		await phone
			.getByTestId('meeting-end-confirm')
			.getByRole('button', { name: 'Ja, afslut mødet' })
			.click();
		await expect(phone).toHaveURL(new RegExp(`/boards/${boardId}/meetings/[a-z0-9_-]+$`));
		await expect(laptop.getByTestId('meeting-bar')).toHaveCount(0);
	} finally {
		await phoneContext.close();
		await laptopContext.close();
	}
});
