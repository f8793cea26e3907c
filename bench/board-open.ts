import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from '@playwright/test';
import { newId } from '../src/lib/board/ids';
import { listLanes } from '../src/lib/board/model';
import { addOpening, openingTitle, proposeCandidate } from '../src/lib/board/openings';
import { JOB_TYPES, type JobType } from '../src/lib/board/types';
import { createCompany } from '../src/lib/server/companies/company.repository';
import {
	connectClient,
	createTestDatabase,
	createTestTeam,
	roundTrip
} from '../tests/fixtures/sync-harness';
import { CHROMIUM_ARGS, findChromium } from '../tests/fixtures/chromium';
import { formatMs, percentile } from './stats';

/**
 * "A board with 500 openings opens in Chromium (time to interactive)": the production build
 * (build/server.js) on a temp SQLite file, a board of 500 opening cards with deadlines and
 * matches written through the stock y-websocket client, and Debian's Chromium driven by
 * Playwright. Time to interactive = from the navigation's start (the page's time origin) to the
 * first animation frame in which every card is rendered, the board says it is loaded and the
 * connection badge says online.
 */

export const BOARD_OPEN_CARDS = 500;
const RUNS = Number(process.env.BENCH_OPEN_RUNS ?? 10);
const COMPANIES = 25;
const CITIZENS = 40;
/** Every third opening gets candidates, 1-3 of them. */
const MATCH_EVERY = 3;

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SERVER = fileURLToPath(new URL('../build/server.js', import.meta.url));

export interface BoardOpenResult {
	cards: number;
	matches: number;
	runs: number;
	/** Fresh browser context: no IndexedDB copy, no HTTP cache. */
	cold: number[];
	/** Reload in the same context: the board's IndexedDB copy and cached assets are there. */
	warm: number[];
	/** First contentful paint of the cold runs, for scale. */
	coldPaint: number[];
	chromium: string;
}

function chromiumPath(): string {
	const path = findChromium();
	if (!path)
		throw new Error(
			'the board-open benchmark needs Chromium: apt-get install -y chromium (or set CHROMIUM_PATH)'
		);
	return path;
}

/** The benchmark measures the production build; it builds once when there is none. */
function ensureBuild(): void {
	if (existsSync(SERVER) && process.env.BENCH_BUILD !== '1') return;
	process.stdout.write('board-open benchmark: building the app (npm run build) …\n');
	const result = spawnSync('npm', ['run', '-s', 'build'], { cwd: ROOT, stdio: 'inherit' });
	if (result.status !== 0 || !existsSync(SERVER))
		throw new Error('npm run build failed; the board-open benchmark needs build/server.js');
}

function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() =>
				typeof address === 'object' && address
					? resolve(address.port)
					: reject(new Error('no port'))
			);
		});
	});
}

async function startBuiltServer(file: string): Promise<{ child: ChildProcess; base: string }> {
	const port = await freePort();
	const base = `http://127.0.0.1:${port}`;
	const child = spawn(process.execPath, [SERVER], {
		cwd: ROOT,
		env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ORIGIN: base, TAVLEN_DB: file },
		stdio: ['ignore', 'ignore', 'pipe']
	});
	let stderr = '';
	child.stderr!.setEncoding('utf8');
	child.stderr!.on('data', (chunk: string) => (stderr += chunk));
	const deadline = Date.now() + 30_000;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`build/server.js exited: ${stderr}`);
		try {
			if ((await fetch(`${base}/login`)).ok) return { child, base };
		} catch {
			// not listening yet
		}
		if (Date.now() > deadline) throw new Error(`build/server.js did not answer: ${stderr}`);
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
}

function stopServer(child: ChildProcess): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	child.kill('SIGTERM');
	return exited;
}

/** 500 openings over the open stages, deadlines from a week ago to two months ahead, and matches. */
async function fillBoard(
	wsUrl: string,
	boardId: string,
	cookie: string,
	userId: string,
	companies: { id: string; name: string }[]
): Promise<number> {
	const client = connectClient(wsUrl, boardId, cookie);
	try {
		await client.synced;
		const doc = client.doc;
		const lanes = listLanes(doc).filter((l) => l.stage !== 'filled' && l.stage !== 'not-filled');
		const citizens = Array.from({ length: CITIZENS }, () => newId());
		const start = Date.UTC(2026, 10, 20);
		let matches = 0;
		for (let batch = 0; batch < BOARD_OPEN_CARDS / 25; batch++) {
			doc.transact(() => {
				for (let i = batch * 25; i < batch * 25 + 25; i++) {
					const company = companies[i % companies.length]!;
					const position = `Medarbejder ${i + 1}`;
					const jobType: JobType = JOB_TYPES[i % JOB_TYPES.length]!;
					const id = addOpening(
						doc,
						{
							laneId: lanes[i % lanes.length]!.id,
							title: openingTitle(position, company.name),
							ownerId: i % 2 === 0 ? userId : '',
							companyId: company.id,
							companyName: company.name,
							position,
							jobType,
							hoursPerWeek: jobType === 'smalljob' ? 8 : 37,
							positions: (i % 3) + 1,
							deadline: new Date(start + (i % 70) * 86_400_000).toISOString().slice(0, 10),
							jobAreas: ['Lager', 'Service', 'Kantine'].slice(0, (i % 3) + 1),
							requirements: 'Kørekort B. Kan starte med kort varsel.',
							source: 'phone',
							createdBy: userId,
							now: Date.now()
						},
						'bench'
					);
					if (i % MATCH_EVERY === 0)
						for (let k = 0; k <= i % 3; k++) {
							proposeCandidate(
								doc,
								{
									openingId: id,
									citizenId: citizens[(i + k) % CITIZENS]!,
									proposedBy: userId,
									now: Date.now()
								},
								'bench'
							);
							matches++;
						}
				}
			}, 'bench');
		}
		await roundTrip(client.provider, 30_000);
		return matches;
	} finally {
		client.destroy();
	}
}

/** Navigates and returns [time to interactive, first contentful paint] in ms from navigation start. */
async function openOnce(page: Page, url: string, reload: boolean): Promise<[number, number]> {
	if (reload) await page.reload({ waitUntil: 'commit' });
	else await page.goto(url, { waitUntil: 'commit' });
	const handle = await page.waitForFunction(
		(cards) => {
			const rendered = document.querySelectorAll('li[data-card-id]').length;
			const board = document.querySelector('[data-testid="board"]');
			const badge = document.querySelector('[data-testid="connection-state"]');
			return rendered === cards &&
				board?.getAttribute('data-board-ready') === 'true' &&
				badge?.getAttribute('data-state') === 'online'
				? performance.now()
				: false;
		},
		BOARD_OPEN_CARDS,
		{ polling: 'raf', timeout: 60_000 }
	);
	const tti = (await handle.jsonValue()) as number;
	const paint = await page.evaluate(
		() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN
	);
	return [tti, paint];
}

async function measure(
	browser: Browser,
	base: string,
	boardId: string,
	cookie: string
): Promise<Pick<BoardOpenResult, 'cold' | 'warm' | 'coldPaint'>> {
	const url = `${base}/boards/${boardId}`;
	const token = cookie.split('=')[1]!;
	const cold: number[] = [];
	const warm: number[] = [];
	const coldPaint: number[] = [];
	// One unmeasured run first: the server compiles its code paths and loads the room.
	for (let run = -1; run < RUNS; run++) {
		const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
		try {
			await context.addCookies([{ name: 'tavlen_session', value: token, url: base }]);
			const page = await context.newPage();
			const [tti, paint] = await openOnce(page, url, false);
			const [again] = await openOnce(page, url, true);
			if (run < 0) continue;
			cold.push(tti);
			coldPaint.push(paint);
			warm.push(again);
		} finally {
			await context.close();
		}
	}
	return { cold, warm, coldPaint };
}

export async function benchBoardOpen(): Promise<BoardOpenResult> {
	const executablePath = chromiumPath();
	ensureBuild();
	const t = await createTestDatabase();
	let server: ChildProcess | undefined;
	let browser: Browser | undefined;
	try {
		const team = await createTestTeam(t.db);
		const companies = [];
		for (let i = 0; i < COMPANIES; i++)
			companies.push(
				await createCompany(t.db, {
					name: `Benchfirma ${i + 1}`,
					cvr: null,
					industry: '',
					contactPerson: '',
					now: Date.now()
				})
			);
		const started = await startBuiltServer(t.file);
		server = started.child;
		const matches = await fillBoard(
			`${started.base.replace(/^http/, 'ws')}/sync`,
			team.boardId,
			team.cookies.consultant,
			team.userIds.consultant,
			companies
		);
		browser = await chromium.launch({
			executablePath,
			args: CHROMIUM_ARGS
		});
		const times = await measure(browser, started.base, team.boardId, team.cookies.consultant);
		return {
			cards: BOARD_OPEN_CARDS,
			matches,
			runs: RUNS,
			...times,
			chromium: `Chromium ${browser.version()}`
		};
	} finally {
		await browser?.close();
		if (server) await stopServer(server);
		await t.remove();
	}
}

export function describeBoardOpen(r: BoardOpenResult): string {
	return `board with ${r.cards} openings opens in Chromium: cold p50 ${formatMs(percentile(r.cold, 50))} ms, p95 ${formatMs(percentile(r.cold, 95))} ms; warm p50 ${formatMs(percentile(r.warm, 50))} ms, p95 ${formatMs(percentile(r.warm, 95))} ms (${r.runs} runs each)`;
}

export function renderBoardOpen(r: BoardOpenResult): string {
	const row = (label: string, samples: number[]) =>
		`| ${label} | ${samples.length} | ${formatMs(percentile(samples, 50))} | ${formatMs(percentile(samples, 95))} | ${formatMs(Math.max(...samples))} |`;
	return `
## A board with ${r.cards} openings opens in Chromium (time to interactive)

The production build (\`build/server.js\`, as \`npm run serve\` runs it) on its own temp SQLite
file; a board of ${r.cards} opening cards over the five open stages, with deadlines from a week ago to
two months ahead and ${r.matches} matches (candidates), written through the stock y-websocket client.
${r.chromium} (Debian's, headless, driven by Playwright), 1920×1080, signed in as a consultant.
Time to interactive = from the start of the navigation (the page's time origin) to the first
animation frame in which all ${r.cards} cards are rendered, the board reports it is loaded and the
connection badge shows online. One unmeasured run first; then per run a fresh browser context
(cold: no IndexedDB copy of the board, no HTTP cache) and a reload in that context (warm).
\`BENCH_OPEN_RUNS\` changes the number of runs; the build is made first when there is none
(\`BENCH_BUILD=1\` rebuilds).

| run | runs | p50 ms | p95 ms | max ms |
|---|---:|---:|---:|---:|
${row('cold: first visit on this device', r.cold)}
${row('warm: reload, board cached in IndexedDB', r.warm)}
${row('first contentful paint (cold)', r.coldPaint)}
`;
}

// `tsx bench/board-open.ts` runs only this benchmark and prints the result (no report written).
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
	const result = await benchBoardOpen();
	process.stdout.write(`${describeBoardOpen(result)}\n${renderBoardOpen(result)}`);
}
