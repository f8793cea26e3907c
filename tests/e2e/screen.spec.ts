import { expect, test } from '@playwright/test';
import { addAction } from '../../src/lib/board/actions';
import { addOpening } from '../../src/lib/board/openings';
import { listLanes } from '../../src/lib/board/model';
import { expectNoViolations } from './axe';
import { expectNoInitials, expectNoScrollbars } from './screen-support';
import { editBoardAs } from './board-client';
import {
	ACCOUNTS,
	boardIdByName,
	contextAs,
	dayFromToday,
	DEMO_BOARD,
	queryOne,
	uniqueTitle
} from './support';

test('a leader hands the meeting room a screen link; the TV reads the board live, shows no initials, and goes dark when revoked', async ({
	browser
}) => {
	const boardId = boardIdByName(DEMO_BOARD);
	const leader = await contextAs(browser, ACCOUNTS.leader);
	const tv = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
	try {
		const laptop = await leader.newPage();
		await laptop.goto(`/boards/${boardId}`);
		await laptop.getByTestId('screens-link').click();
		await expect(laptop.getByRole('heading', { level: 1, name: 'Skærmlinks' })).toBeVisible();

		// A wrong value keeps what was typed and says why, in Danish, next to the field.
		await laptop.getByLabel('Skærmens navn').fill('Skærm 010190-1234');
		await laptop.getByRole('button', { name: 'Opret skærmlink' }).click();
		await expect(laptop.getByText('Navnet ligner et CPR-nummer')).toBeVisible();
		await expect(laptop.getByLabel('Skærmens navn')).toHaveValue('Skærm 010190-1234');

		await laptop.getByLabel('Skærmens navn').fill('Mødelokale 2');
		await laptop.getByRole('button', { name: 'Opret skærmlink' }).click();
		const url = await laptop.getByTestId('screen-link-url').inputValue();
		expect(url).toMatch(/\/screen\/[a-z2-7]{52}$/);

		const screen = await tv.newPage();
		await screen.goto(url);
		await expect(screen.getByTestId('screen')).toHaveAttribute('data-connection', 'online');
		const deadlines = screen.getByTestId('screen-deadlines');
		await expect(deadlines.getByTestId('screen-opening').first()).toBeVisible();
		// The seed holds an overdue opening: it leads the list.
		await expect(
			deadlines.getByTestId('screen-opening').first().getByTestId('opening-status')
		).toHaveAttribute('data-state', 'overdue');
		await expectNoScrollbars(screen);
		await expectNoInitials(screen);
		await expectNoViolations(screen, 'the meeting-room screen');

		// A consultant adds an opening on another device: the TV shows it without anyone touching it.
		const consultant = await contextAs(browser, ACCOUNTS.consultant);
		const position = uniqueTitle('Pedel');
		const actionTitle = uniqueTitle('Ring til Demoby Skole');
		const anna = queryOne<{ id: string; name: string }>(
			'select id, name from user where email = ?',
			ACCOUNTS.consultant
		);
		const company = queryOne<{ id: string; name: string }>('select id, name from company limit 1');
		await editBoardAs(consultant, boardId, (doc) => {
			const lane = listLanes(doc)[0]!;
			addOpening(
				doc,
				{
					laneId: lane.id,
					title: position,
					companyId: company.id,
					companyName: company.name,
					position,
					jobType: 'ordinary',
					positions: 1,
					deadline: '2020-01-01',
					source: 'phone',
					createdBy: '',
					now: Date.now()
				},
				'e2e-setup'
			);
			addAction(
				doc,
				{
					laneId: lane.id,
					title: actionTitle,
					ownerId: anna.id,
					// Long overdue, so it leads the list: other specs leave actions on this board, and a
					// later place could be on the list's second page.
					due: dayFromToday(-400),
					followUp: dayFromToday(3),
					createdBy: anna.id,
					now: Date.now()
				},
				'e2e-setup'
			);
		});
		await consultant.close();
		await expect(deadlines.getByText(position)).toBeVisible();
		const action = screen.getByTestId('screen-actions').getByTestId('screen-action').filter({
			hasText: actionTitle
		});
		await expect(action).toContainText(anna.name);
		await expect(action).toContainText('Forfalden (400 dage)');
		await expectNoScrollbars(screen);

		// The leader sees that the screen has been there, and revokes it: the TV says so at once.
		await laptop.reload();
		const row = laptop.getByTestId('screen-link').filter({ hasText: 'Mødelokale 2' });
		await expect(row.getByTestId('screen-link-seen')).not.toHaveText('Aldrig');
		await expectNoViolations(laptop, 'the screen links page');
		await row.getByRole('button', { name: /Tilbagekald/ }).click();
		await expect(row).toHaveAttribute('data-state', 'revoked');
		await expect(screen.getByTestId('screen-revoked')).toBeVisible();
		await expect(screen.getByTestId('screen-deadlines')).toHaveCount(0);

		const again = await tv.newPage();
		const response = await again.goto(url);
		expect(response?.status()).toBe(404);
	} finally {
		await leader.close();
		await tv.close();
	}
});

test('the screen fills a 4K TV without scrollbars, and an unknown link gets no board', async ({
	browser
}) => {
	const boardId = boardIdByName(DEMO_BOARD);
	const leader = await contextAs(browser, ACCOUNTS.leader);
	const tv = await browser.newContext({ viewport: { width: 3840, height: 2160 } });
	try {
		const laptop = await leader.newPage();
		await laptop.goto(`/boards/${boardId}/screens`);
		await laptop.getByLabel('Skærmens navn').fill('Kantinen 4K');
		await laptop.getByRole('button', { name: 'Opret skærmlink' }).click();
		const url = await laptop.getByTestId('screen-link-url').inputValue();
		const screen = await tv.newPage();
		await screen.goto(url);
		await expect(
			screen.getByTestId('screen-deadlines').getByTestId('screen-opening').first()
		).toBeVisible();
		await expectNoScrollbars(screen);
		const fontSize = await screen
			.getByTestId('screen')
			.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
		expect(fontSize).toBeGreaterThanOrEqual(40);

		const unknown = await tv.newPage();
		const response = await unknown.goto(`/screen/${'a'.repeat(52)}`);
		expect(response?.status()).toBe(404);
	} finally {
		await leader.close();
		await tv.close();
	}
});
