import Database from 'better-sqlite3';
import { expect, test, type Page } from '@playwright/test';
import { expectNoViolations } from './axe';
import { cli, contextAs, databaseFile, dayFromToday, PASSWORD, queryOne } from './support';

/**
 * The forecast pages (issue 4, points 2-4): the caseload projection with its chart, table and
 * CSV, the variation between consultants (names for the leader only) and the sparring list. A
 * fresh team of its own (a leader and two consultants) with hand-made cases, so the expected
 * numbers below hold whatever the demo seed contains. Hand computation, SDP (weights from the
 * settings, lav 0,85 / middel 0,6 / høj 0,3 by default):
 * - HQ middel, horizon +10 days: the plan closes it at week 2; HR høj, +30: week 5;
 *   HP middel, passed 5 days ago: week 1; HL lav, +400: never within 26 weeks.
 * - plan 4, 3, 2, 2, 2, 1 … 1; risk-adjusted adds 1 − w for each closed case.
 * - one SDP case closed 31 days ago: history 5 up to 5 weeks back, then 4.
 */

const DAY = 86_400_000;
const suffix = Math.random().toString(36).slice(2, 8);
const TEAM = `Prognoseteam ${suffix}`;
const PEOPLE = {
	leader: { email: `frida-${suffix}@demoby.dk`, name: 'Frida Fremsyn' },
	karl: { email: `karl-${suffix}@demoby.dk`, name: 'Karl Kvist' },
	lise: { email: `lise-${suffix}@demoby.dk`, name: 'Lise Lund' }
};

let teamId = '';
const ids: Record<string, string> = {};

function newId(): string {
	return Array.from(
		{ length: 16 },
		() => 'abcdefghijklmnopqrstuvwxyz234567'[Math.floor(Math.random() * 32)]
	).join('');
}

interface CaseSpec {
	initials: string;
	owner: 'karl' | 'lise';
	group: string;
	goal: string;
	risk: 'low' | 'medium' | 'high';
	horizon: number;
	step?: number;
	openedDaysAgo?: number;
	closedDaysAgo?: number;
	updatedDaysAgo?: number;
	/** A change of goal to fleksjob this many days ago, from this goal. */
	toFlexjob?: { daysAgo: number; from: string };
}

const filler = (owner: 'karl' | 'lise', goal: string, n: number): CaseSpec => ({
	initials: `${owner === 'karl' ? 'K' : 'L'}${n}`,
	owner,
	group: 'DP',
	goal,
	risk: 'low',
	horizon: 100,
	step: 7
});

const CASES: CaseSpec[] = [
	// Karl: 10 open, 6 of them fleksjob.
	{
		initials: 'HQ',
		owner: 'karl',
		group: 'SDP',
		goal: 'ordinary-job',
		risk: 'medium',
		horizon: 10,
		step: 5
	},
	{ initials: 'HR', owner: 'karl', group: 'SDP', goal: 'flexjob', risk: 'high', horizon: 30 },
	{
		initials: 'HP',
		owner: 'karl',
		group: 'SDP',
		goal: 'flexjob',
		risk: 'medium',
		horizon: -5,
		step: 3
	},
	{
		initials: 'HL',
		owner: 'karl',
		group: 'SDP',
		goal: 'flexjob',
		risk: 'low',
		horizon: 400,
		step: 7
	},
	filler('karl', 'flexjob', 1),
	filler('karl', 'flexjob', 2),
	filler('karl', 'flexjob', 3),
	filler('karl', 'ordinary-job', 4),
	filler('karl', 'ordinary-job', 5),
	filler('karl', 'ordinary-job', 6),
	// Closed a month ago: history only.
	{
		initials: 'HC',
		owner: 'karl',
		group: 'SDP',
		goal: 'ordinary-job',
		risk: 'low',
		horizon: -40,
		closedDaysAgo: 31
	},
	// Lise: 10 open, 1 of them fleksjob.
	{
		initials: 'JA',
		owner: 'lise',
		group: 'JAF',
		goal: 'education',
		risk: 'low',
		horizon: 60,
		step: 7,
		openedDaysAgo: 10
	},
	{
		initials: 'SO',
		owner: 'lise',
		group: 'DP',
		goal: 'ordinary-job',
		risk: 'medium',
		horizon: 90,
		step: -3
	},
	{
		initials: 'ST',
		owner: 'lise',
		group: 'DP',
		goal: 'education',
		risk: 'low',
		horizon: 120,
		step: 14,
		updatedDaysAgo: 35
	},
	{
		initials: 'FX',
		owner: 'lise',
		group: 'DP',
		goal: 'flexjob',
		risk: 'medium',
		horizon: 150,
		step: 10,
		toFlexjob: { daysAgo: 3, from: 'small-job' }
	},
	...[1, 2, 3, 4, 5, 6].map((n) => filler('lise', 'ordinary-job', n))
];

test.beforeAll(() => {
	teamId = cli(['team', 'create', '--name', TEAM]);
	for (const [key, person] of Object.entries(PEOPLE)) {
		ids[key] = cli(
			['user', 'create', '--email', person.email, '--name', person.name],
			`${PASSWORD}\n`
		);
		cli([
			'member',
			'add',
			'--team',
			teamId,
			'--email',
			person.email,
			'--role',
			key === 'leader' ? 'leader' : 'consultant'
		]);
	}
	const db = new Database(databaseFile(), { fileMustExist: true });
	try {
		const group = db.prepare('select id from target_group where code = ?');
		const citizen = db.prepare(
			`insert into citizen (id, team_id, owner_id, initials, target_group_id, job_areas, job_ready, created_at)
			 values (?, ?, ?, ?, ?, '', 0, ?)`
		);
		const forecast = db.prepare(
			`insert into case_forecast (id, team_id, citizen_id, consultant_id, goal, horizon, risk,
			   next_step_text, next_step_due, extra, opened_at, closed_at, updated_at)
			 values (?, ?, ?, ?, ?, ?, ?, ?, ?, '{}', ?, ?, ?)`
		);
		const history = db.prepare(
			'insert into case_history (case_id, team_id, at, by, changes) values (?, ?, ?, ?, ?)'
		);
		const now = Date.now();
		db.transaction(() => {
			for (const c of CASES) {
				const citizenId = newId();
				const caseId = newId();
				ids[c.initials] = caseId;
				const owner = ids[c.owner]!;
				const opened = now - (c.openedDaysAgo ?? 100) * DAY;
				citizen.run(
					citizenId,
					teamId,
					owner,
					c.initials,
					(group.get(c.group) as { id: string }).id,
					opened
				);
				forecast.run(
					caseId,
					teamId,
					citizenId,
					owner,
					c.goal,
					dayFromToday(c.horizon),
					c.risk,
					c.step === undefined ? null : 'Samtale om praktik',
					c.step === undefined ? null : dayFromToday(c.step),
					opened,
					c.closedDaysAgo === undefined ? null : now - c.closedDaysAgo * DAY,
					now - (c.updatedDaysAgo ?? 0) * DAY
				);
				if (c.toFlexjob)
					history.run(
						caseId,
						teamId,
						now - c.toFlexjob.daysAgo * DAY,
						owner,
						JSON.stringify([{ field: 'goal', from: c.toFlexjob.from, to: 'flexjob' }])
					);
			}
		})();
	} finally {
		db.close();
	}
});

/** The municipality's risk weights as the server reads them (the defaults unless an admin changed them). */
function weights(): { low: number; medium: number; high: number } {
	const row = queryOne<{ value: string } | undefined>(
		"select value from setting where key = 'forecast'"
	);
	const stored = row
		? (JSON.parse(row.value) as { riskWeights?: { low: number; medium: number; high: number } })
		: {};
	return stored.riskWeights ?? { low: 0.85, medium: 0.6, high: 0.3 };
}

const decimal = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 1 });

function cell(page: Page, offset: number, col: 'plan' | 'risk' | 'history') {
	return page.locator(
		`[data-testid="forecast-table"] tr[data-offset="${offset}"] td[data-col="${col}"]`
	);
}

test('the forecast page shows the chart and the table with the numbers the database holds', async ({
	browser
}) => {
	const context = await contextAs(browser, PEOPLE.leader.email);
	try {
		const page = await context.newPage();
		await page.goto(`/teams/${teamId}/forecast?gruppe=SDP`);
		await expect(page.getByRole('heading', { level: 1 })).toContainText(TEAM);
		await expect(page.getByTestId('forecast-live')).toHaveAttribute('data-connected', 'true');
		await expect(page.getByTestId('group-SDP')).toHaveAttribute('aria-current', 'page');
		// The chart is drawn, with a line per series, and left to the table for assistive technology.
		const chart = page.getByTestId('forecast-chart');
		await expect(chart).toHaveAttribute('aria-hidden', 'true');
		await expect(chart.locator('svg path').first()).toBeVisible();
		await expect(page.locator('figure figcaption')).toContainText('4 åbne sager nu');

		const open = queryOne<{ n: number }>(
			`select count(*) as n from case_forecast f join citizen c on c.id = f.citizen_id
			 join target_group g on g.id = c.target_group_id
			 where f.team_id = ? and g.code = 'SDP' and f.closed_at is null`,
			teamId
		).n;
		expect(open).toBe(4);
		await expect(page.getByTestId('open-now')).toHaveText(String(open));
		await expect(page.getByTestId('inflow')).toHaveText('0 sager pr. uge');

		const w = weights();
		const slip = { medium: 1 - w.medium, high: 1 - w.high };
		const expected: [number, string, string, string][] = [
			[-12, '', '', '5'],
			[-5, '', '', '5'],
			[-4, '', '', '4'],
			[0, '4', '4', '4'],
			[1, '3', decimal.format(3 + slip.medium), ''],
			[2, '2', decimal.format(2 + 2 * slip.medium), ''],
			[4, '2', decimal.format(2 + 2 * slip.medium), ''],
			[5, '1', decimal.format(1 + 2 * slip.medium + slip.high), ''],
			[26, '1', decimal.format(1 + 2 * slip.medium + slip.high), '']
		];
		for (const [offset, plan, risk, history] of expected) {
			await expect(cell(page, offset, 'plan'), `plan at ${offset}`).toHaveText(plan);
			await expect(cell(page, offset, 'risk'), `risk-adjusted at ${offset}`).toHaveText(risk);
			await expect(cell(page, offset, 'history'), `history at ${offset}`).toHaveText(history);
		}
		await expect(page.locator('[data-testid="forecast-table"] tbody tr')).toHaveCount(39);
		await expectNoViolations(page, 'the forecast page');

		// Switching target group is a link: the choice is in the URL.
		await page.getByTestId('group-JAF').click();
		await expect(page).toHaveURL(/gruppe=JAF/);
		await expect(page.getByTestId('open-now')).toHaveText('1');
		// One JAF case opened 10 days ago: 1/8 case per week, added to both series.
		await expect(page.getByTestId('inflow')).toHaveText('0,1 sager pr. uge');
		await expect(cell(page, 1, 'plan')).toHaveText('1,1');
		await page.getByTestId('group-alle').click();
		await expect(page).toHaveURL(/gruppe=alle/);
		await expect(page.getByTestId('open-now')).toHaveText('20');
	} finally {
		await context.close();
	}
});

test('the CSV export has a byte-order mark and the table’s rows', async ({ browser }) => {
	const context = await contextAs(browser, PEOPLE.karl.email);
	try {
		const page = await context.newPage();
		await page.goto(`/teams/${teamId}/forecast?gruppe=SDP`);
		// Server-rendered links are relative ("../../teams/…"), hydrated ones absolute: compare the target.
		const href = await page.getByTestId('forecast-export').getAttribute('href');
		const url = new URL(href!, page.url());
		expect(url.pathname + url.search).toBe(`/teams/${teamId}/forecast/export?gruppe=SDP`);
		const response = await context.request.get(url.href);
		expect(response.status()).toBe(200);
		expect(response.headers()['content-type']).toMatch(/^text\/csv/);
		expect(response.headers()['content-disposition']).toContain('SDP');
		const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.body());
		expect(text.startsWith('\uFEFF')).toBe(true);
		const lines = text.slice(1).split('\r\n');
		expect(lines[0]).toBe('Uge;Dato;Plan;Risikojusteret;Faktisk');
		expect(lines).toHaveLength(1 + 39 + 1);
		const week = (await page.locator('tr[data-offset="1"] th').textContent())!.trim();
		const date = (await page.locator('tr[data-offset="1"] td').first().textContent())!.trim();
		const risk = 3 + (1 - weights().medium);
		expect(lines[14]).toBe(
			`${week};${date.replaceAll('.', '-')};3;${String(Math.round(risk * 100) / 100).replace('.', ',')};`
		);
		expect(lines[13]).toMatch(/;4;4;4$/);
	} finally {
		await context.close();
	}
});

test('the variation view names consultants for the leader only', async ({ browser }) => {
	const leader = await contextAs(browser, PEOPLE.leader.email);
	const karl = await contextAs(browser, PEOPLE.karl.email);
	try {
		const page = await leader.newPage();
		await page.goto(`/teams/${teamId}/forecast`);
		await page.getByRole('link', { name: 'Variation' }).click();
		await expect(page).toHaveURL(new RegExp(`/teams/${teamId}/forecast/variation$`));
		const marks = page.getByTestId('variation-marks');
		const karlRow = marks.getByRole('row', { name: /Karl Kvist/ });
		await expect(karlRow).toContainText('Til sparring');
		await expect(karlRow).toContainText('Fleksjob: 60 % mod teamets 35 %');
		await expect(marks.getByRole('row', { name: /Lise Lund/ })).toContainText(
			'Fleksjob: 10 % mod teamets 35 %'
		);
		await expect(marks.getByRole('row', { name: /Hele teamet/ })).toContainText('20');
		await expect(page.getByTestId('variation-goals')).toContainText('Lise Lund');
		await expectNoViolations(page, 'the variation view (leader)');

		const own = await karl.newPage();
		await own.goto(`/teams/${teamId}/forecast/variation`);
		const body = own.locator('main');
		await expect(
			own.getByTestId('variation-marks').getByRole('row', { name: /^Dig/ })
		).toContainText('Fleksjob: 60 % mod teamets 35 %');
		await expect(
			own.getByTestId('variation-marks').getByRole('row', { name: /Hele teamet/ })
		).toBeVisible();
		// The team row and Karl's own: no row, name or figure of Lise's.
		await expect(own.getByTestId('variation-marks').locator('tbody tr')).toHaveCount(2);
		await expect(body).not.toContainText('Lise Lund');
		await expect(body).not.toContainText('Karl Kvist');
		await expect(body).not.toContainText('10 % mod teamets');
		await expectNoViolations(own, 'the variation view (consultant)');
	} finally {
		await leader.close();
		await karl.close();
	}
});

test('the sparring list shows the leader every reason and a consultant only their own cases', async ({
	browser
}) => {
	const leader = await contextAs(browser, PEOPLE.leader.email);
	const karl = await contextAs(browser, PEOPLE.karl.email);
	try {
		const page = await leader.newPage();
		await page.goto(`/teams/${teamId}/forecast/sparring`);
		const list = page.getByTestId('sparring-list');
		const row = (initials: string) => list.locator(`tr[data-case-id="${ids[initials]}"]`);
		await expect(list.locator('tbody tr')).toHaveCount(5);
		await expect(row('SO')).toContainText('næste skridt overskredet 3 dage');
		await expect(row('HP')).toContainText('tidsperspektiv passeret for 5 dage siden');
		await expect(row('HR')).toContainText('høj risiko uden næste skridt');
		await expect(row('ST')).toContainText('ikke opdateret i 5 uger');
		await expect(row('FX')).toContainText('mål ændret mod fleksjob (fra Småjob)');
		await expect(row('FX')).toContainText('Lise Lund');
		await expect(row('HR')).toContainText('Karl Kvist');
		await expect(row('FX').getByRole('link', { name: 'Åbn sag for FX' })).toHaveAttribute(
			'href',
			new RegExp(`/teams/${teamId}/cases/${ids.FX}\\?fra=sparring$`)
		);
		// Showing the initials is a read of each case, audited.
		const audited = queryOne<{ n: number }>(
			"select count(*) as n from audit_log where entity = 'case' and entity_id = ? and detail = 'sparring' and user_id = ?",
			ids.FX,
			ids.leader
		).n;
		expect(audited).toBeGreaterThan(0);
		await expectNoViolations(page, 'the sparring list (leader)');

		const own = await karl.newPage();
		await own.goto(`/teams/${teamId}/forecast/sparring`);
		const ownList = own.getByTestId('sparring-list');
		await expect(ownList.locator('tbody tr')).toHaveCount(2);
		await expect(ownList.locator(`tr[data-case-id="${ids.HR}"]`)).toBeVisible();
		await expect(ownList.locator(`tr[data-case-id="${ids.HP}"]`)).toBeVisible();
		await expect(ownList).not.toContainText('FX');
		await expect(ownList.getByRole('columnheader', { name: 'Konsulent' })).toHaveCount(0);
	} finally {
		await leader.close();
		await karl.close();
	}
});
