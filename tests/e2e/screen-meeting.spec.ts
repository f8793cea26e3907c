import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { addAction, completeAction } from '../../src/lib/board/actions';
import { listLanes } from '../../src/lib/board/model';
import { addOpening, proposeCandidate } from '../../src/lib/board/openings';
import { expectNoViolations } from './axe';
import { expectNoInitials, expectNoScrollbars } from './screen-support';
import { editBoardAs } from './board-client';
import {
	ACCOUNTS,
	cli,
	contextAs,
	dayFromToday,
	DEMO_TEAM,
	NAMES,
	queryOne,
	teamIdByName,
	uniqueTitle
} from './support';

/**
 * Issue 5 points 2-3 on the meeting-room TV: a leader runs a board meeting from a laptop and the
 * TV follows it by itself (agenda, timer, focus card, the item's list), shows candidate counts and
 * never a citizen's initials, fits 1080p and 4K without scrollbars, and goes back to its everyday
 * view when the meeting ends. Runs on its own board: other specs use the demo board.
 */

/** Both TV sizes the design names, on the same page; back to 1080p afterwards. */
async function expectFitsBothTvs(page: Page): Promise<void> {
	await expectNoScrollbars(page);
	await page.setViewportSize({ width: 3840, height: 2160 });
	await expect(page.getByTestId('screen')).toHaveCSS('font-size', /^5\d(\.\d+)?px$/);
	await expectNoScrollbars(page);
	await page.setViewportSize({ width: 1920, height: 1080 });
	await expectNoScrollbars(page);
}

/** Posts one of the meeting's form actions as the facilitator's laptop would (enhanced form). */
async function meetingStep(
	context: BrowserContext,
	boardId: string,
	action: 'start' | 'goto' | 'focus' | 'end',
	form: Record<string, string> = {}
): Promise<void> {
	const baseURL = test.info().project.use.baseURL!;
	const response = await context.request.post(`/boards/${boardId}/meeting?/${action}`, {
		form: { ...form, _: '' },
		headers: { origin: baseURL, accept: 'application/json', 'x-sveltekit-action': 'true' },
		maxRedirects: 0
	});
	expect(response.status(), `?/${action}`).toBe(200);
	const body = (await response.json()) as { type: string };
	expect(['success', 'redirect'], `?/${action}: ${JSON.stringify(body)}`).toContain(body.type);
}

test('the TV follows a board meeting by itself: agenda, timer, focus, the item’s list, and back when it ends', async ({
	browser
}) => {
	test.slow();
	const teamId = teamIdByName(DEMO_TEAM);
	const boardName = uniqueTitle('Tavlemøde TV');
	const boardId = cli(['board', 'create', '--team', teamId, '--name', boardName]);
	const citizen = queryOne<{ id: string; initials: string }>(
		'select id, initials from citizen where team_id = ? order by initials limit 1',
		teamId
	);
	const anna = queryOne<{ id: string }>('select id from user where email = ?', ACCOUNTS.consultant);
	const company = queryOne<{ id: string; name: string }>('select id, name from company limit 1');
	const position = uniqueTitle('Lagermedarbejder');
	const followUpTitle = uniqueTitle('Ring til Demoby Bageri');

	const leader = await contextAs(browser, ACCOUNTS.leader);
	const consultant = await contextAs(browser, ACCOUNTS.consultant);
	const tv = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
	try {
		// Before the meeting: a new opening with a proposed candidate, and an action due yesterday.
		let openingId = '';
		let followUpId = '';
		await editBoardAs(consultant, boardId, (doc) => {
			const lane = listLanes(doc)[0]!;
			const now = Date.now();
			openingId = addOpening(
				doc,
				{
					laneId: lane.id,
					title: position,
					companyId: company.id,
					companyName: company.name,
					position,
					jobType: 'smalljob',
					positions: 2,
					deadline: dayFromToday(2),
					source: 'phone',
					createdBy: anna.id,
					now
				},
				'e2e-setup'
			);
			proposeCandidate(
				doc,
				{ openingId, citizenId: citizen.id, proposedBy: anna.id, now },
				'e2e-setup'
			);
			followUpId = addAction(
				doc,
				{
					laneId: lane.id,
					title: followUpTitle,
					ownerId: anna.id,
					due: dayFromToday(-1),
					followUp: dayFromToday(-1),
					createdBy: anna.id,
					now
				},
				'e2e-setup'
			);
		});

		// The leader makes a screen link for the meeting room; the TV opens it and is never touched.
		const laptop = await leader.newPage();
		await laptop.goto(`/boards/${boardId}/screens`);
		await laptop.getByLabel('Skærmens navn').fill('Mødelokale TV');
		await laptop.getByRole('button', { name: 'Opret skærmlink' }).click();
		const url = await laptop.getByTestId('screen-link-url').inputValue();
		const screen = await tv.newPage();
		await screen.goto(url);
		await expect(screen.getByTestId('screen')).toHaveAttribute('data-connection', 'online');
		await expect(screen.getByTestId('screen-overview')).toBeVisible();
		await expect(screen.getByTestId('screen-meeting')).toHaveCount(0);

		// The meeting starts: the agenda strip and the first item's timer appear and tick.
		await meetingStep(leader, boardId, 'start');
		const meeting = screen.getByTestId('screen-meeting');
		await expect(meeting).toHaveAttribute('data-item-kind', 'deadlines');
		const items = screen.getByTestId('screen-agenda-item');
		await expect(items).toHaveCount(5);
		await expect(items.nth(0)).toHaveAttribute('data-current', 'true');
		await expect(items.nth(0)).toContainText('Nu:');
		await expect(items.nth(0)).toContainText('Frist overskredet og snart');
		await expect(items.nth(0)).toContainText('3 min');
		await expect(items.nth(3)).toContainText('Prognose og tal');
		await expect(items.nth(3)).toContainText('2 min');
		await expect(items.nth(1)).not.toContainText('Nu:');
		await expect(screen.getByTestId('screen-overview')).toHaveCount(0);
		const elapsed = screen.getByTestId('screen-timer-elapsed');
		await expect(elapsed).toHaveText(/^0:\d\d$/);
		const first = await elapsed.textContent();
		await expect(elapsed).not.toHaveText(first!, { timeout: 4_000 });
		await expect(screen.getByTestId('screen-timer')).toContainText('af 3 min');
		await expect(screen.getByTestId('screen-timer-left')).toContainText('tilbage');
		await expect(screen.getByTestId('screen-meeting-facilitator')).toHaveText(NAMES.leader);
		await expect(screen.getByTestId('screen-meeting-present')).toContainText(NAMES.leader);
		const present = await screen.getByTestId('screen-meeting-present').innerText();
		await expect(screen.getByTestId('screen-meeting-present-count')).toHaveText(
			`Til stede (${present.split(', ').length})`
		);
		await expect(screen.getByTestId('screen-meeting-total')).toHaveText(/^\d+:\d\d$/);
		// The opening is due in two days: it is on the deadlines item's list.
		await expect(
			screen.getByTestId('screen-meeting-deadlines').getByTestId('screen-opening')
		).toContainText(position);

		// Next item: the TV follows to the new openings, with their candidate counts.
		await meetingStep(leader, boardId, 'goto', { item: '1' });
		await expect(meeting).toHaveAttribute('data-item-kind', 'openings');
		await expect(items.nth(1)).toHaveAttribute('data-current', 'true');
		await expect(items.nth(1)).toContainText('Nu:');
		await expect(items.nth(0)).toHaveAttribute('data-current', 'false');
		const newOpening = screen
			.getByTestId('screen-meeting-openings')
			.getByTestId('screen-opening')
			.filter({ hasText: position });
		await expect(newOpening).toContainText('1 kandidat');

		// The opening in focus: large, with its candidate count and nobody's initials.
		await meetingStep(leader, boardId, 'focus', { cardId: openingId });
		const focus = screen.getByTestId('screen-focus');
		await expect(focus).toHaveAttribute('data-kind', 'opening');
		await expect(focus).toContainText(company.name);
		await expect(focus).toContainText(position);
		await expect(focus).toContainText('Småjob');
		await expect(focus).toContainText('2 stillinger');
		await expect(focus.getByTestId('opening-status')).toHaveText('Frist om 2 dage');
		await expect(focus.getByTestId('screen-focus-candidates')).toHaveText('1 kandidat');
		expect(
			await focus.getByTestId('screen-focus-candidates').evaluate((el) => {
				return parseFloat(getComputedStyle(el).fontSize);
			})
		).toBeGreaterThanOrEqual(56);
		await expectNoInitials(screen);
		expect(await screen.locator('body').innerText()).not.toContain(citizen.initials);
		await expectFitsBothTvs(screen);
		await expectNoViolations(screen, 'the meeting-room screen during a meeting');

		// The follow-ups: yesterday's action, then marked done on a consultant's device.
		await meetingStep(leader, boardId, 'focus', { cardId: '' });
		await expect(focus).toHaveCount(0);
		await meetingStep(leader, boardId, 'goto', { item: '2' });
		await expect(meeting).toHaveAttribute('data-item-kind', 'actions');
		const followUp = screen
			.getByTestId('screen-meeting-actions')
			.getByTestId('screen-action')
			.filter({ hasText: followUpTitle });
		await expect(followUp).toContainText(NAMES.consultant);
		await expect(followUp.getByTestId('screen-action-status')).toHaveText('Forfalden (1 dag)');
		await editBoardAs(consultant, boardId, (doc) =>
			completeAction(doc, { cardId: followUpId, now: Date.now() }, 'e2e-phone')
		);
		await expect(followUp.getByTestId('screen-action-status')).toHaveText('Udført');
		await expect(followUp.getByTestId('screen-action-status')).toHaveAttribute(
			'data-state',
			'done'
		);

		// The forecast, large.
		await meetingStep(leader, boardId, 'goto', { item: '3' });
		await expect(meeting).toHaveAttribute('data-item-kind', 'forecast');
		await expect(screen.getByTestId('screen-meeting-forecast')).toBeVisible();

		// New actions: one added on a consultant's phone appears on the TV at once.
		await meetingStep(leader, boardId, 'goto', { item: '4' });
		await expect(meeting).toHaveAttribute('data-item-kind', 'new-actions');
		const newActions = screen.getByTestId('screen-meeting-new-actions');
		await expect(newActions).toContainText('Ingen nye handlinger endnu');
		const newTitle = uniqueTitle('Besøg Demoby Vognmand');
		await editBoardAs(consultant, boardId, (doc) => {
			addAction(
				doc,
				{
					laneId: listLanes(doc)[0]!.id,
					title: newTitle,
					ownerId: anna.id,
					due: dayFromToday(2),
					followUp: dayFromToday(3),
					createdBy: anna.id,
					now: Date.now()
				},
				'e2e-phone'
			);
		});
		const added = newActions.getByTestId('screen-action').filter({ hasText: newTitle });
		await expect(added).toContainText(NAMES.consultant);
		await expect(newActions.getByTestId('screen-action')).toHaveCount(1);

		// The action in focus: title, owner and due date, large beside the list.
		const addedId = await added.getAttribute('data-action-id');
		await meetingStep(leader, boardId, 'focus', { cardId: addedId! });
		await expect(focus).toHaveAttribute('data-kind', 'action');
		await expect(focus).toContainText(newTitle);
		await expect(focus).toContainText(`Ansvarlig: ${NAMES.consultant}`);
		await expect(focus.getByTestId('screen-action-status')).toHaveText('Frist om 2 dage');
		await expectFitsBothTvs(screen);
		await expectNoInitials(screen);
		await expectNoViolations(screen, 'the meeting-room screen with an action in focus');

		// The meeting ends: the TV is back to its everyday view.
		await meetingStep(leader, boardId, 'end');
		await expect(screen.getByTestId('screen-meeting')).toHaveCount(0);
		await expect(screen.getByTestId('screen-overview')).toBeVisible();
		await expect(
			screen.getByTestId('screen-deadlines').getByTestId('screen-opening').filter({
				hasText: position
			})
		).toBeVisible();
		await expectNoScrollbars(screen);
	} finally {
		await leader.close();
		await consultant.close();
		await tv.close();
	}
});

test('an item that runs over says so on the TV in words, not only in colour', async ({
	browser
}) => {
	const teamId = teamIdByName(DEMO_TEAM);
	const boardId = cli(['board', 'create', '--team', teamId, '--name', uniqueTitle('Over tid')]);
	const leader = await contextAs(browser, ACCOUNTS.leader);
	const tv = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
	try {
		const laptop = await leader.newPage();
		await laptop.goto(`/boards/${boardId}/screens`);
		await laptop.getByLabel('Skærmens navn').fill('Kantinen');
		await laptop.getByRole('button', { name: 'Opret skærmlink' }).click();
		const url = await laptop.getByTestId('screen-link-url').inputValue();
		await meetingStep(leader, boardId, 'start');

		// The TV's clock is the test's: four minutes on, the three-minute item is one minute over.
		const screen = await tv.newPage();
		await screen.clock.install();
		await screen.goto(url);
		const timer = screen.getByTestId('screen-timer');
		await expect(timer).toHaveAttribute('data-over', 'false');
		await screen.clock.fastForward('04:00');
		await expect(timer).toHaveAttribute('data-over', 'true');
		await expect(screen.getByTestId('screen-timer-over')).toHaveText(/^\s*1:0\d over tid$/);
		await expect(screen.getByTestId('screen-timer-over').locator('svg')).toBeVisible();
		await expectNoScrollbars(screen);
		await expectNoViolations(screen, 'the meeting-room screen with an item over time');
		await meetingStep(leader, boardId, 'end');
		await expect(screen.getByTestId('screen-meeting')).toHaveCount(0);
	} finally {
		await leader.close();
		await tv.close();
	}
});
