import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { expectNoViolations } from './axe';
import type * as Y from 'yjs';
import { addOpening, listLanes } from '../../src/lib/board/model';
import { editBoardAs } from './board-client';
import {
	ACCOUNTS,
	boardIdByName,
	dayFromToday,
	DEMO_BOARD,
	DEMO_TEAM,
	teamIdByName,
	uniqueTitle,
	withTwoPeople
} from './support';

/**
 * The leader's overview (issue 3, point 5): live figures, the openings behind each figure, the CSV
 * downloads. Openings are set up through the real sync server as a consultant's other device would.
 */

function addTestOpening(position: string, deadline: string) {
	return (doc: Y.Doc): void => {
		addOpening(
			doc,
			{
				laneId: listLanes(doc)[0]!.id,
				title: `${position}, Demoby Logistik`,
				companyId: 'e2e-company',
				companyName: 'Demoby Logistik',
				position,
				jobType: 'smalljob',
				hoursPerWeek: 7.5,
				positions: 1,
				deadline,
				source: 'phone',
				createdBy: '',
				now: Date.now()
			},
			'e2e'
		);
	};
}

async function figureValue(page: Page, key: string): Promise<string> {
	return (await page.getByTestId(`figure-${key}`).getByTestId('figure-value').textContent()) ?? '';
}

const overviewPath = (): string => `/teams/${teamIdByName(DEMO_TEAM)}/overview`;

test('the leader’s overview updates without reload when a consultant adds an opening', ({
	browser
}) =>
	withTwoPeople(browser, ACCOUNTS.leader, ACCOUNTS.consultant, async ({ page }, consultant) => {
		await page.goto('/');
		// The leader leads two teams: the link in this team's section.
		await page.getByRole('region', { name: DEMO_TEAM }).getByTestId('overview-link').click();
		await expect(page).toHaveURL(new RegExp(`${overviewPath()}$`));
		await expect(page.getByTestId('overview-live')).toHaveAttribute('data-connected', 'true');
		const before = Number(await figureValue(page, 'open'));
		const smallBefore = Number(await figureValue(page, 'smalljob'));
		// A reload would lose this marker.
		await page.evaluate(() => ((window as unknown as { marker: string }).marker = 'same page'));

		await editBoardAs(
			consultant.context,
			boardIdByName(DEMO_BOARD),
			addTestOpening(uniqueTitle('Opvasker'), dayFromToday(10))
		);

		await expect(page.getByTestId('figure-open').getByTestId('figure-value')).toHaveText(
			String(before + 1)
		);
		await expect(page.getByTestId('figure-smalljob').getByTestId('figure-value')).toHaveText(
			String(smallBefore + 1)
		);
		expect(await page.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe(
			'same page'
		);
	}));

test('an overdue opening counts in “overdue and unfilled” and its figure lists it', ({ browser }) =>
	withTwoPeople(browser, ACCOUNTS.leader, ACCOUNTS.consultant, async ({ page }, consultant) => {
		await page.goto(overviewPath());
		await expect(page.getByTestId('overview-live')).toHaveAttribute('data-connected', 'true');
		const before = Number(await figureValue(page, 'overdue'));
		const position = uniqueTitle('Pakkemedarbejder');
		await editBoardAs(
			consultant.context,
			boardIdByName(DEMO_BOARD),
			addTestOpening(position, dayFromToday(-2))
		);
		await expect(page.getByTestId('figure-overdue').getByTestId('figure-value')).toHaveText(
			String(before + 1)
		);

		await page.getByRole('link', { name: 'Frist overskredet, ikke besat' }).click();
		await expect(page).toHaveURL(/figure=overdue/);
		await expect(
			page.getByRole('heading', { name: 'Jobåbninger bag: Frist overskredet, ikke besat' })
		).toBeVisible();
		const row = page.getByTestId('figure-openings').getByRole('row').filter({ hasText: position });
		await expect(row).toHaveCount(1);
		await expect(row).toContainText('frist overskredet');
		await expect(row).toContainText('Demoby Logistik');
		const boardLink = row.getByRole('link', { name: `${position} på tavlen ${DEMO_BOARD}` });
		const cardId = await row.getAttribute('data-opening-id');
		await expect(boardLink).toHaveAttribute(
			'href',
			`/boards/${boardIdByName(DEMO_BOARD)}#card-${cardId}`
		);
		await expectNoViolations(page, 'the openings behind a figure');

		// Not in a figure it does not belong to.
		await page.goto(`${overviewPath()}/openings?figure=due-soon`);
		await expect(
			page.getByTestId('figure-openings').getByRole('row').filter({ hasText: position })
		).toHaveCount(0);
	}));

test('the CSV downloads open in Danish Excel: BOM, semicolons, CRLF, Danish dates', ({ browser }) =>
	withTwoPeople(browser, ACCOUNTS.leader, ACCOUNTS.consultant, async ({ page }, consultant) => {
		const position = uniqueTitle('Rengøring; "morgen"');
		const deadline = dayFromToday(5);
		await editBoardAs(
			consultant.context,
			boardIdByName(DEMO_BOARD),
			addTestOpening(position, deadline)
		);
		await page.goto(overviewPath());

		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.getByTestId('export-openings').click()
		]);
		expect(download.suggestedFilename()).toMatch(
			/^jobåbninger-Virksomhedsservice-\d{4}-\d{2}-\d{2}\.csv$/
		);
		const bytes = readFileSync((await download.path())!);
		expect([...bytes.subarray(0, 3)], 'UTF-8 byte-order mark').toEqual([0xef, 0xbb, 0xbf]);
		const text = bytes.subarray(3).toString('utf8');
		const lines = text.split('\r\n');
		expect(lines[0]).toMatch(
			/^Tavle;Stilling;Virksomhed;Type;Antal stillinger;Timer pr\. uge;Frist;/
		);
		const [y, mth, d] = deadline.split('-');
		const quoted = `"${position.replaceAll('"', '""')}"`;
		const line = lines.find((l) => l.includes(quoted));
		expect(line, 'the opening, with ; and " quoted').toBeDefined();
		expect(line).toContain(
			`Jobåbninger;${quoted};Demoby Logistik;Småjob / løntimer;1;7,5;${d}-${mth}-${y};Nej;`
		);

		const [figures] = await Promise.all([
			page.waitForEvent('download'),
			page.getByTestId('export-figures').click()
		]);
		const figureText = readFileSync((await figures.path())!).toString('utf8');
		expect(figureText.startsWith('\uFEFFNøgletal;Værdi;Jobåbninger bag tallet\r\n')).toBe(true);
		expect(figureText).toMatch(/\r\nÅbne jobåbninger;\d+;\d+\r\n/);

		const [matches] = await Promise.all([
			page.waitForEvent('download'),
			page.getByTestId('export-matches').click()
		]);
		const matchText = readFileSync((await matches.path())!).toString('utf8');
		expect(matchText.startsWith('\uFEFFStilling;Virksomhed;Borger-id;Initialer;Status;')).toBe(
			true
		);
	}));

test('the overview has no WCAG A/AA violations; viewers have no link to it', ({ browser }) =>
	withTwoPeople(browser, ACCOUNTS.leader, ACCOUNTS.viewer, async ({ page }, viewer) => {
		await page.goto(overviewPath());
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Overblik: ${DEMO_TEAM}`);
		await expectNoViolations(page, 'the overview');

		await viewer.page.goto('/');
		await expect(viewer.page.getByRole('heading', { name: 'Dine tavler' })).toBeVisible();
		await expect(viewer.page.getByTestId('overview-link')).toHaveCount(0);
	}));
