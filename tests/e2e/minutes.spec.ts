import { expect, test } from '@playwright/test';
import { addAction, listLanes } from '../../src/lib/board/model';
import { copenhagenToday } from '../../src/lib/openings/countdown';
import { expectNoViolations } from './axe';
import { editBoardAs } from './board-client';
import { createMeetingBoard, postMeetingAction } from './meeting-actions';
import {
	ACCOUNTS,
	contextAs,
	dayFromToday,
	NAMES,
	queryOne,
	uniqueTitle,
	userIdByEmail
} from './support';

/**
 * Issue 5 point 5: when a meeting ends, Tavlen writes the minutes. A leader runs a short meeting
 * on a board of its own (the form actions the board posts), an action card is added on the board
 * during it, and the minutes are then listed, shown, printed and downloaded.
 */

// Several contexts, a socket client and two axe runs, on a shared 2-core machine.
test.describe.configure({ timeout: 90_000 });

/** `27.11.2026` for `2026-11-27`. */
function danish(date: string): string {
	const [y, m, d] = date.split('-');
	return `${d}.${m}.${y}`;
}

test('a meeting’s minutes: listed, shown, printed and downloaded; a viewer gets nothing', async ({
	browser
}) => {
	const { boardId, name: boardName } = createMeetingBoard('Referattavle');
	const leader = await contextAs(browser, ACCOUNTS.leader);
	const viewer = await contextAs(browser, ACCOUNTS.viewer);
	try {
		const page = await leader.newPage();

		// Before any meeting: the empty list says what to do, in words.
		await page.goto(`/boards/${boardId}/meetings`);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tavlemøder');
		await expect(page.getByTestId('meetings-empty')).toContainText(
			'Tavlen har ikke holdt noget tavlemøde endnu'
		);

		// The meeting: started by the leader, Anna marked absent, an action added on the board,
		// a decision noted, on to the next item, ended.
		const started = await postMeetingAction(leader.request, boardId, 'start');
		expect(started).toMatchObject({ type: 'redirect', location: `/boards/${boardId}` });
		await postMeetingAction(leader.request, boardId, 'attendance', {
			userId: userIdByEmail(ACCOUNTS.consultant),
			present: '0'
		});
		const actionTitle = uniqueTitle('Ring til Havnens Café');
		await editBoardAs(leader, boardId, (doc) => {
			addAction(
				doc,
				{
					laneId: listLanes(doc)[0]!.id,
					title: actionTitle,
					ownerId: userIdByEmail(ACCOUNTS.consultant2),
					due: dayFromToday(3),
					followUp: dayFromToday(5),
					timeTag: 'outreach',
					createdBy: userIdByEmail(ACCOUNTS.leader),
					now: Date.now()
				},
				'test'
			);
		});
		const decision = uniqueTitle('Vi ringer til alle nye virksomheder inden fredag');
		expect(
			await postMeetingAction(leader.request, boardId, 'decision', { text: decision })
		).toEqual(expect.objectContaining({ type: 'success' }));
		expect(await postMeetingAction(leader.request, boardId, 'goto', { item: '1' })).toEqual(
			expect.objectContaining({ type: 'success' })
		);
		const ended = await postMeetingAction(leader.request, boardId, 'end');
		expect(ended.type).toBe('redirect');
		const minutesPath = ended.location!;
		const meetingId = minutesPath.split('/').pop()!;
		expect(minutesPath).toBe(`/boards/${boardId}/meetings/${meetingId}`);
		const meeting = queryOne<{ started_at: number }>(
			'select started_at from meeting where id = ?',
			meetingId
		);
		const date = copenhagenToday(new Date(meeting.started_at));
		const spent = (position: number): number =>
			queryOne<{ spent_ms: number }>(
				'select spent_ms from meeting_item where meeting_id = ? and position = ?',
				meetingId,
				position
			).spent_ms;
		// A short meeting: each item used well under a minute, shown in whole seconds.
		const seconds = (ms: number): string => {
			expect(ms).toBeLessThan(60_000);
			return `${Math.floor(ms / 1000)} s`;
		};

		// The list: the meeting with its figures, linked to its minutes.
		await page.goto(`/boards/${boardId}/meetings`);
		const row = page.locator(`[data-testid="meeting"][data-meeting-id="${meetingId}"]`);
		await expect(row).toBeVisible();
		await expect(row.locator('td')).toHaveText([
			/^\d\d:\d\d–\d\d:\d\d$/,
			/^\d+ s$|^\d+ min/,
			NAMES.leader,
			'1',
			'1',
			'1'
		]);
		await expect(row.getByRole('link')).toHaveText(new RegExp(`${danish(date)}$`));
		await expectNoViolations(page, 'the meetings list');

		// The minutes page.
		await row.getByRole('link').click();
		await expect(page).toHaveURL(new RegExp(`${minutesPath}$`));
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			new RegExp(`^Referat: ${boardName}, \\S+ ${danish(date).replaceAll('.', '\\.')}$`)
		);
		await expect(page.getByTestId('minutes-facilitator')).toHaveText(NAMES.leader);
		await expect(page.getByTestId('minutes-present')).toHaveText(NAMES.leader);
		await expect(page.getByTestId('minutes-absent')).toHaveText(NAMES.consultant);
		const items = page.getByTestId('minutes-item');
		await expect(items).toHaveCount(5);
		await expect(items.nth(0).locator('th, td')).toHaveText([
			'1. Frist overskredet og snart',
			'3 min',
			seconds(spent(0)),
			'Inden for tiden'
		]);
		await expect(items.nth(1).locator('th, td')).toHaveText([
			'2. Nye jobåbninger og kandidater',
			'3 min',
			seconds(spent(1)),
			'Inden for tiden'
		]);
		await expect(items.nth(4).locator('th, td')).toHaveText([
			'5. Nye handlinger',
			'2 min',
			'0 s',
			'Inden for tiden'
		]);
		await expect(page.getByTestId('minutes-decisions')).toContainText(decision);
		await expect(page.getByTestId('minutes-new-action').locator('th, td')).toHaveText([
			actionTitle,
			NAMES.consultant2,
			danish(dayFromToday(3)),
			danish(dayFromToday(5)),
			'Opsøgende kontakt'
		]);
		// Empty sections say so in words.
		await expect(page.getByText('Ingen jobåbninger blev drøftet.')).toBeVisible();
		await expect(page.getByText('Ingen handlinger skulle følges op på dette møde.')).toBeVisible();
		await expectNoViolations(page, 'the minutes');

		// On paper: no navigation, no buttons, black on white.
		const print = page.getByRole('button', { name: 'Udskriv' });
		const download = page.getByTestId('minutes-download');
		await expect(print).toBeVisible();
		await page.emulateMedia({ media: 'print' });
		await expect(print).toBeHidden();
		await expect(download).toBeHidden();
		await expect(page.getByRole('navigation')).toBeHidden();
		await expect(page.getByRole('link', { name: `← ${boardName}` })).toBeHidden();
		await expect(page.getByRole('heading', { level: 1 })).toHaveCSS('color', 'rgb(0, 0, 0)');
		await expect(page.locator('body')).toHaveCSS('background-color', 'rgb(255, 255, 255)');
		await expect(page.getByTestId('minutes-new-action')).toHaveCSS('break-inside', 'avoid');
		await page.emulateMedia({ media: 'screen' });
		await expect(print).toBeVisible();

		// The download: a text file for Notepad.
		const response = await leader.request.get(`${minutesPath}/download`);
		expect(response.status()).toBe(200);
		expect(response.headers()['content-type']).toBe('text/plain; charset=utf-8');
		const slug = boardName.toLowerCase().replace(' ', '-');
		expect(response.headers()['content-disposition']).toBe(
			`attachment; filename="referat-${slug}-${date}.txt"`
		);
		const body = await response.body();
		expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const text = body.toString('utf8').slice(1);
		expect(text).not.toMatch(/[^\r]\n/);
		const lines = text.split('\r\n');
		expect(lines[0]).toBe('Referat af tavlemøde');
		expect(lines).toContain(`Tavle: ${boardName}`);
		expect(lines).toContain(`Mødeleder: ${NAMES.leader}`);
		expect(lines).toContain(`Til stede: ${NAMES.leader}`);
		expect(lines).toContain(`Fraværende: ${NAMES.consultant}`);
		expect(lines).toContain(
			`1. Frist overskredet og snart: planlagt 3 min, brugt ${seconds(spent(0))}`
		);
		expect(lines).toContain(`• ${actionTitle}`);
		expect(lines).toContain(
			`  Ansvarlig: ${NAMES.consultant2} · Frist: ${danish(dayFromToday(3))} · Opfølgning: ${danish(dayFromToday(5))} · Tidsregistrering: Opsøgende kontakt`
		);
		expect(lines.some((l) => /^• \d\d:\d\d /.test(l) && l.endsWith(decision))).toBe(true);

		// The viewer (the meeting room's screen account) is told nothing exists.
		for (const path of [`/boards/${boardId}/meetings`, minutesPath, `${minutesPath}/download`])
			expect((await viewer.request.get(path, { maxRedirects: 0 })).status(), path).toBe(404);

		// A meeting that still runs: on top of the list, and its page points to the board.
		await postMeetingAction(leader.request, boardId, 'start');
		const running = queryOne<{ id: string }>(
			'select id from meeting where board_id = ? and ended_at is null',
			boardId
		).id;
		await page.goto(`/boards/${boardId}/meetings`);
		await expect(page.getByTestId('meeting-running')).toContainText('Kører nu');
		await expect(
			page.getByTestId('meeting-running').getByRole('link', { name: 'Gå til tavlen' })
		).toHaveAttribute('href', `/boards/${boardId}`);
		await page.goto(`/boards/${boardId}/meetings/${running}`);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mødet kører stadig');
		expect(
			(await leader.request.get(`/boards/${boardId}/meetings/${running}/download`)).status()
		).toBe(404);
		const endedAgain = await postMeetingAction(leader.request, boardId, 'end');
		expect(endedAgain.location).toBe(`/boards/${boardId}/meetings/${running}`);
	} finally {
		await leader.close();
		await viewer.close();
	}
});
