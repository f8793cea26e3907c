import { readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import * as Y from 'yjs';
import { addCard, listCards, listLanes, moveCard, readBoard } from '../src/lib/board/model';
import type { Db } from '../src/lib/server/db/connect';
import {
	connectClient,
	createTestDatabase,
	createTestTeam,
	roundTrip,
	seededRandom,
	startServerProcess,
	startSyncServer,
	stopServerProcess,
	waitFor,
	waitUntil,
	type TestTeam
} from '../tests/fixtures/sync-harness';
import {
	benchForecast,
	benchForecastQuietest,
	FORECAST_HEADING,
	forecastLines,
	renderForecastSection,
	type ForecastResult
} from './forecast';
import { benchBoardOpen, describeBoardOpen, renderBoardOpen } from './board-open';
import { benchMeetingSteps, MEETING_HEADING, renderMeetingSection } from './meeting';
import {
	benchOverview,
	renderOverviewSection,
	replaceOverviewSection,
	type OverviewBenchResult
} from './overview';
import { formatBytes, formatMs, machine, percentile, replaceSection } from './stats';

/**
 * `npm run bench`: the real sync server in this process on a temp SQLite file, and stock
 * y-websocket clients (disableBc) talking to it over real sockets. Writes docs/benchmarks.md.
 * Clients and server share one process and one clock, so a latency is simply the receiver's
 * doc update time minus the sender's move time. The server's own memory is measured separately,
 * with the same server code in a child process. `npm run bench -- forecast` runs only the
 * forecast maths (bench/forecast.ts) and writes nothing; `BENCH_ONLY=forecast npm run bench`
 * re-measures them and replaces their section of docs/benchmarks.md; `BENCH_ONLY=meeting` does
 * the same for a meeting step reaching the room (bench/meeting.ts).
 */

const RECEIVERS = [2, 20, 100];
const MOVES = Number(process.env.BENCH_MOVES ?? 400);
const WARMUP_MOVES = 10;
const PREFILLED_CARDS = 60;
const JOIN_CARDS = 500;
const WARM_JOIN_RUNS = Number(process.env.BENCH_JOIN_RUNS ?? 20);
const COLD_JOIN_RUNS = Math.max(3, Math.round(WARM_JOIN_RUNS / 2));
const MEMORY_CLIENTS = 100;
const MEMORY_MOVES = 50;

type Server = Awaited<ReturnType<typeof startSyncServer>>;
type Client = ReturnType<typeof connectClient>;

interface LogSize {
	label: string;
	rows: number;
	logBytes: number;
	snapshotBytes: number;
}

interface MoveResult {
	receivers: number;
	moves: number;
	samples: number[];
	log: LogSize;
}

interface JoinResult {
	label: string;
	samples: number[];
}

interface MemoryResult {
	idleRss: number;
	loadedRss: number;
	peakRss: number;
}

function print(line: string): void {
	process.stdout.write(`${line}\n`);
}

/** Receivers open the board as leader or viewer, like a meeting room with a few editors. */
function connectMany(url: string, team: TestTeam, count: number): Client[] {
	return Array.from({ length: count }, (_, i) =>
		connectClient(url, team.boardId, i % 2 === 0 ? team.cookies.leader : team.cookies.viewer)
	);
}

/** Moves random cards and resolves with each receiver's latency per move, in ms. */
async function runMoves(
	sender: Client,
	receivers: Client[],
	moves: number,
	seed: number
): Promise<number[]> {
	const lanes = listLanes(sender.doc).map((l) => l.id);
	const random = seededRandom(seed);
	const samples: number[] = [];
	for (let move = 0; move < moves; move++) {
		const cards = listCards(sender.doc);
		const card = cards[Math.floor(random() * cards.length)]!;
		const toLaneId = lanes[Math.floor(random() * lanes.length)]!;
		const arrived = receivers.map(
			(c) =>
				new Promise<number>((resolve) => c.doc.once('update', () => resolve(performance.now())))
		);
		const sentAt = performance.now();
		moveCard(sender.doc, { cardId: card.id, toLaneId, index: Math.floor(random() * 4) }, 'bench');
		for (const at of await Promise.all(arrived)) samples.push(at - sentAt);
	}
	return samples;
}

async function benchMoves(server: Server, db: Db, receivers: number): Promise<MoveResult> {
	const team = await createTestTeam(db);
	const sender = connectClient(server.url, team.boardId, team.cookies.consultant);
	const others = connectMany(server.url, team, receivers);
	const all = [sender, ...others];
	try {
		await Promise.all(all.map((c) => c.synced));
		const lanes = listLanes(sender.doc).map((l) => l.id);
		for (let batch = 0; batch < PREFILLED_CARDS / 20; batch++) {
			sender.doc.transact(() => {
				for (let i = 0; i < 20; i++)
					addCard(
						sender.doc,
						{
							laneId: lanes[i % lanes.length]!,
							title: `Åbning ${batch * 20 + i}`,
							createdBy: '',
							now: Date.now()
						},
						'bench'
					);
			}, 'bench');
		}
		await Promise.all(
			others.map((c) => waitFor(c.doc, () => listCards(c.doc).length === PREFILLED_CARDS, 30_000))
		);
		await runMoves(sender, others, WARMUP_MOVES, 1000 + receivers);
		const samples = await runMoves(sender, others, MOVES, receivers);
		await roundTrip(sender.provider);
		const log = await measureLog(
			db,
			team.boardId,
			`${receivers} receivers, after ${PREFILLED_CARDS / 20} card batches and ${WARMUP_MOVES + MOVES} moves`
		);
		return { receivers, moves: MOVES, samples, log };
	} finally {
		for (const c of all) c.destroy();
		await waitUntil(() => server.app.sync.roomCount() === 0, 30_000, 'room unload');
	}
}

async function timeJoin(server: Server, boardId: string, cookie: string): Promise<number> {
	const started = performance.now();
	const client = connectClient(server.url, boardId, cookie);
	try {
		await client.synced;
		const ms = performance.now() - started;
		const cards = readBoard(client.doc).cardCount;
		if (cards !== JOIN_CARDS)
			throw new Error(`late joiner saw ${cards} cards, expected ${JOIN_CARDS}`);
		return ms;
	} finally {
		client.destroy();
	}
}

/** A board of 500 opening cards, made by one stock client in batches of 25. */
async function build500CardBoard(
	server: Server,
	db: Db
): Promise<{ team: TestTeam; writer: Client; stateBytes: number }> {
	const team = await createTestTeam(db);
	const writer = connectClient(server.url, team.boardId, team.cookies.consultant);
	await writer.synced;
	const lanes = listLanes(writer.doc).map((l) => l.id);
	for (let batch = 0; batch < JOIN_CARDS / 25; batch++) {
		writer.doc.transact(() => {
			for (let i = batch * 25; i < batch * 25 + 25; i++)
				addCard(
					writer.doc,
					{
						laneId: lanes[i % lanes.length]!,
						title: `Jobåbning ${i}: lagermedarbejder, 15 t/uge`,
						description:
							'Virksomheden søger en stabil medarbejder til pluk og pak. Kørekort er en fordel.',
						ownerId: team.userIds.consultant,
						due: `2026-12-${String((i % 28) + 1).padStart(2, '0')}`,
						createdBy: team.userIds.consultant,
						now: Date.now()
					},
					'bench'
				);
		}, 'bench');
	}
	await roundTrip(writer.provider);
	return { team, writer, stateBytes: Y.encodeStateAsUpdate(writer.doc).byteLength };
}

async function benchLateJoiner(
	server: Server,
	db: Db,
	team: TestTeam,
	writer: Client
): Promise<JoinResult[]> {
	// Unmeasured: the first joins pay for JIT compilation of the decode paths.
	for (let run = 0; run < 2; run++) await timeJoin(server, team.boardId, team.cookies.viewer);
	const warm: number[] = [];
	for (let run = 0; run < WARM_JOIN_RUNS; run++)
		warm.push(await timeJoin(server, team.boardId, team.cookies.viewer));
	writer.destroy();
	await waitUntil(() => server.app.sync.roomCount() === 0, 30_000, 'room unload');
	const cold: number[] = [];
	for (let run = 0; run < COLD_JOIN_RUNS; run++) {
		cold.push(await timeJoin(server, team.boardId, team.cookies.viewer));
		await waitUntil(() => server.app.sync.roomCount() === 0, 30_000, 'room unload');
	}
	return [
		{ label: 'room live in memory (another client connected)', samples: warm },
		{ label: 'room loaded from SQLite (no other client connected)', samples: cold }
	];
}

async function measureLog(db: Db, boardId: string, label: string): Promise<LogSize> {
	const log = await db
		.selectFrom('board_update')
		.select((eb) => [
			eb.fn.countAll<number>().as('rows'),
			eb.fn.sum<number>(eb.fn('length', ['data'])).as('bytes')
		])
		.where('board_id', '=', boardId)
		.executeTakeFirstOrThrow();
	const snapshot = await db
		.selectFrom('board_snapshot')
		.select((eb) => eb.fn('length', ['data']).as('bytes'))
		.where('board_id', '=', boardId)
		.executeTakeFirst();
	return {
		label,
		rows: Number(log.rows),
		logBytes: Number(log.bytes ?? 0),
		snapshotBytes: Number(snapshot?.bytes ?? 0)
	};
}

/** VmRSS / VmHWM of a process from /proc (Linux); NaN elsewhere. */
function processMemory(pid: number): { rss: number; peak: number } {
	try {
		const status = readFileSync(`/proc/${pid}/status`, 'utf8');
		const kib = (key: string): number =>
			Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN) * 1024;
		return { rss: kib('VmRSS'), peak: kib('VmHWM') };
	} catch {
		return { rss: Number.NaN, peak: Number.NaN };
	}
}

/** The server alone in a child process, with the 500-card board open on 100 clients and some moves. */
async function benchServerMemory(file: string, team: TestTeam): Promise<MemoryResult> {
	const server = await startServerProcess(file);
	const pid = server.child.pid!;
	const clients: Client[] = [];
	try {
		const idleRss = processMemory(pid).rss;
		const sender = connectClient(server.url, team.boardId, team.cookies.consultant);
		clients.push(sender, ...connectMany(server.url, team, MEMORY_CLIENTS));
		await Promise.all(clients.map((c) => c.synced));
		await runMoves(sender, clients.slice(1), MEMORY_MOVES, 7);
		const loaded = processMemory(pid);
		return { idleRss, loadedRss: loaded.rss, peakRss: loaded.peak };
	} finally {
		for (const c of clients) c.destroy();
		await stopServerProcess(server, 'SIGTERM');
	}
}

function fileSize(path: string): number {
	try {
		return statSync(path).size;
	} catch {
		return 0;
	}
}

const REPORT = fileURLToPath(new URL('../docs/benchmarks.md', import.meta.url));

async function main(): Promise<void> {
	// BENCH_ONLY=overview re-measures the overview alone and replaces its section of the report.
	if (process.env.BENCH_ONLY === 'overview') {
		print(`Tavlen overview benchmark on ${machine()}`);
		const overview = await benchOverview(print);
		writeFileSync(
			REPORT,
			replaceOverviewSection(readFileSync(REPORT, 'utf8'), renderOverviewSection(overview))
		);
		print(`updated ${REPORT}`);
		return;
	}
	// BENCH_ONLY=forecast re-measures the forecast maths alone (BENCH_FORECAST_ROUNDS rounds, the
	// quietest kept) and replaces their section of the report.
	if (process.env.BENCH_ONLY === 'forecast') {
		print(`Tavlen forecast benchmark on ${machine()}`);
		const rounds = Number(process.env.BENCH_FORECAST_ROUNDS ?? 3);
		const forecast = benchForecastQuietest(rounds, (r) => {
			print(`round at load average ${r.load.toFixed(2)}:`);
			for (const line of forecastLines(r)) print(`  ${line}`);
		});
		writeFileSync(
			REPORT,
			replaceSection(
				readFileSync(REPORT, 'utf8'),
				FORECAST_HEADING,
				renderForecastSection(forecast)
			)
		);
		print(`updated ${REPORT}`);
		return;
	}
	// BENCH_ONLY=meeting re-measures a meeting step reaching the room and replaces its section.
	if (process.env.BENCH_ONLY === 'meeting') {
		process.setMaxListeners(100);
		print(`Tavlen meeting benchmark on ${machine()}`);
		const meeting = await benchMeetingSteps(print);
		writeFileSync(
			REPORT,
			replaceSection(readFileSync(REPORT, 'utf8'), MEETING_HEADING, renderMeetingSection(meeting))
		);
		print(`updated ${REPORT}`);
		return;
	}
	// Every y-websocket provider in Node adds a process 'exit' listener.
	process.setMaxListeners(Math.max(...RECEIVERS, MEMORY_CLIENTS) + 20);
	const startedAt = new Date();
	const loadBefore = os.loadavg()[0]!;
	// First, alone: it needs no server, and the sync clients would only add noise to it.
	const overview = await benchOverview(print);
	const t = await createTestDatabase();
	const server = await startSyncServer(t.db);
	print(`Tavlen sync benchmark on ${machine()}`);
	try {
		const moves: MoveResult[] = [];
		for (const n of RECEIVERS) {
			const began = performance.now();
			const r = await benchMoves(server, t.db, n);
			moves.push(r);
			print(
				`move -> ${n} receivers: p50 ${formatMs(percentile(r.samples, 50))} ms, p95 ${formatMs(percentile(r.samples, 95))} ms, p99 ${formatMs(percentile(r.samples, 99))} ms (${r.samples.length} samples, ${((performance.now() - began) / 1000).toFixed(1)} s)`
			);
		}
		const big = await build500CardBoard(server, t.db);
		const logs = [
			...moves.map((m) => m.log),
			await measureLog(
				t.db,
				big.team.boardId,
				`${JOIN_CARDS} cards in ${JOIN_CARDS / 25} updates, room live`
			)
		];
		const joins = await benchLateJoiner(server, t.db, big.team, big.writer);
		for (const j of joins)
			print(
				`late joiner, ${JOIN_CARDS} cards, ${j.label}: p50 ${formatMs(percentile(j.samples, 50))} ms, p95 ${formatMs(percentile(j.samples, 95))} ms (${j.samples.length} runs)`
			);
		logs.push(
			await measureLog(
				t.db,
				big.team.boardId,
				`${JOIN_CARDS} cards, after the room was unloaded (compacted)`
			)
		);
		const memory = await benchServerMemory(t.file, big.team);
		print(
			`server process RSS: ${formatBytes(memory.idleRss)} idle, ${formatBytes(memory.loadedRss)} with ${MEMORY_CLIENTS + 1} clients on the ${JOIN_CARDS}-card board, peak ${formatBytes(memory.peakRss)}`
		);
		const forecast = benchForecast();
		for (const line of forecastLines(forecast)) print(line);
		const meeting = await benchMeetingSteps(print);
		// Last, and on its own server process: Chromium must not compete with the sync benches.
		const boardOpen = await benchBoardOpen();
		print(describeBoardOpen(boardOpen));
		const report =
			renderReport({
				startedAt,
				loadBefore,
				loadAfter: os.loadavg()[0]!,
				moves,
				joins,
				stateBytes: big.stateBytes,
				logs,
				memory,
				fileBytes: fileSize(t.file) + fileSize(`${t.file}-wal`),
				overview,
				forecast
			}) +
			renderBoardOpen(boardOpen) +
			`\n${renderMeetingSection(meeting)}`;
		writeFileSync(REPORT, report);
		print(`wrote ${REPORT} in ${((Date.now() - startedAt.getTime()) / 1000).toFixed(1)} s`);
	} finally {
		await server.app.close();
		await t.remove();
	}
}

function renderReport(r: {
	startedAt: Date;
	loadBefore: number;
	loadAfter: number;
	moves: MoveResult[];
	joins: JoinResult[];
	stateBytes: number;
	logs: LogSize[];
	memory: MemoryResult;
	fileBytes: number;
	forecast: ForecastResult;
	overview: OverviewBenchResult;
}): string {
	const moveRows = r.moves.map(
		(m) =>
			`| ${m.receivers} | ${m.moves} | ${m.samples.length} | ${formatMs(percentile(m.samples, 50))} | ${formatMs(percentile(m.samples, 95))} | ${formatMs(percentile(m.samples, 99))} | ${formatMs(Math.max(...m.samples))} |`
	);
	const joinRows = r.joins.map(
		(j) =>
			`| ${j.label} | ${j.samples.length} | ${formatMs(percentile(j.samples, 50))} | ${formatMs(percentile(j.samples, 95))} |`
	);
	const logRows = r.logs.map(
		(l) =>
			`| ${l.label} | ${l.rows} | ${formatBytes(l.logBytes)} | ${formatBytes(l.snapshotBytes)} |`
	);
	const m = r.memory;
	return `# Benchmarks

Written by \`npm run bench\` (bench/run.ts); do not edit by hand, run it again.

- Date: ${r.startedAt.toISOString()}
- Machine: ${machine()}
- Load average (1 min) before / after: ${r.loadBefore.toFixed(2)} / ${r.loadAfter.toFixed(2)} (a shared machine makes every number slower)
- Command: \`npm run bench\` (\`tsx bench/run.ts\`; \`BENCH_MOVES\`, \`BENCH_JOIN_RUNS\` and \`BENCH_OVERVIEW_RUNS\` change the counts; \`BENCH_ONLY=overview\` re-measures only the overview section)

The real sync server (createAppServer; SQLite in WAL mode with synchronous=FULL; every update
checked, appended and committed before it is broadcast) runs in the benchmark's process on a temp
file. The clients are stock y-websocket providers (\`disableBc: true\`) in the same process, on
real sockets over loopback. Clients, server and clock share one process and its two cores: the
numbers include the clients' own work (100 receivers decode every update), so they overstate
the server's part and leave out a real network.

## A card move reaching N other clients

One client moves a random card to a random lane and position on a board of ${PREFILLED_CARDS} cards
(${WARMUP_MOVES} warm-up moves, then ${MOVES} measured). The next move is sent only after every receiver has
the previous one. Latency = time of the receiver's doc update minus time of the move; one sample
per receiver per move.

| N receivers | moves | samples | p50 ms | p95 ms | p99 ms | max ms |
|---:|---:|---:|---:|---:|---:|---:|
${moveRows.join('\n')}

## A late joiner syncing a 500-card board

Time from creating a new provider to its \`sync\` event: socket, upgrade with session and
membership check, sync step 1/2, board decoded. Each run checks that all ${JOIN_CARDS} cards arrived (2
unmeasured warm-up joins first). The board's state is ${formatBytes(r.stateBytes)} as one Yjs update.

| room | runs | p50 ms | p95 ms |
|---|---:|---:|---:|
${joinRows.join('\n')}

## Update log size

Rows and bytes in \`board_update\` for one board, and its snapshot in \`board_snapshot\`. The log
is compacted into the snapshot every 200 updates (off the edit path) and when a room is unloaded.

| board | log rows | log bytes | snapshot bytes |
|---|---:|---:|---:|
${logRows.join('\n')}

SQLite file + WAL after the run (all boards): ${formatBytes(r.fileBytes)}.

## Server memory

The same server code alone in a child process (tests/fixtures/sync-server-process.ts, run with
tsx, which adds its own few MiB), on the same database file.

| state | resident set (RSS) |
|---|---:|
| listening, no room loaded | ${formatBytes(m.idleRss)} |
| ${MEMORY_CLIENTS + 1} clients on the ${JOIN_CARDS}-card board, after ${MEMORY_MOVES} moves | ${formatBytes(m.loadedRss)} |
| peak (VmHWM) | ${formatBytes(m.peakRss)} |

${renderOverviewSection(r.overview)}

${renderForecastSection(r.forecast)}`;
}

const only = process.argv.slice(2);
if (only.length === 0) await main();
else if (only.length === 1 && only[0] === 'forecast') {
	print(`Tavlen forecast benchmark on ${machine()}, load average ${os.loadavg()[0]!.toFixed(2)}`);
	for (const line of forecastLines(benchForecast())) print(line);
} else if (only.length === 1 && only[0] === 'board-open') {
	print(`Tavlen board-open benchmark on ${machine()}, load average ${os.loadavg()[0]!.toFixed(2)}`);
	print(describeBoardOpen(await benchBoardOpen()));
} else
	throw new Error(
		`unknown benchmark "${only.join(' ')}": use "forecast", "board-open", or nothing for all`
	);
