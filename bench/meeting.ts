import { performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import { readMeetingState } from '../src/lib/board/server-data';
import { DEFAULT_AGENDA } from '../src/lib/meeting/agenda';
import { goToItem, startMeeting } from '../src/lib/server/meetings/meeting.service';
import { createScreenLink } from '../src/lib/server/screens/screen-link.service';
import {
	connectClient,
	createTestDatabase,
	createTestTeam,
	startSyncServer
} from '../tests/fixtures/sync-harness';
import { formatMs, machine, percentile } from './stats';

/**
 * A facilitator's step reaching the room (issue 5: "the TV follows"): from the call to the
 * meeting service (what the form action runs) until every connected device and a screen link
 * hold the new current item. The path is the whole one: SQL commit, the in-process hub, the
 * state read back from SQL, the room's checked and logged write, the broadcast, and the stock
 * client applying it. All in this process on a temp SQLite file, so one clock measures it.
 */

export const MEETING_HEADING = '## A meeting step reaching the room';
const DEVICES = Number(process.env.BENCH_MEETING_DEVICES ?? 30);
const STEPS = Number(process.env.BENCH_MEETING_STEPS ?? 200);
const WARMUP = 10;

export interface MeetingBenchResult {
	devices: number;
	samples: number[];
	measuredAt: Date;
	machine: string;
}

export async function benchMeetingSteps(
	print: (line: string) => void
): Promise<MeetingBenchResult> {
	const t = await createTestDatabase();
	const server = await startSyncServer(t.db);
	const clients: ReturnType<typeof connectClient>[] = [];
	try {
		const team = await createTestTeam(t.db);
		const { token } = await createScreenLink(
			t.db,
			{ boardId: team.boardId, label: 'Bench', createdBy: team.userIds.leader, days: 30 },
			Date.now()
		);
		clients.push(
			connectClient(server.url, team.boardId, undefined, new Y.Doc(), { screen: token })
		);
		for (let i = 0; i < DEVICES; i++)
			clients.push(connectClient(server.url, team.boardId, team.cookies.consultant));
		await Promise.all(clients.map((c) => c.synced));
		const actor = { userId: team.userIds.leader, role: 'leader' as const };
		const started = await startMeeting(t.db, {
			boardId: team.boardId,
			actor,
			agenda: DEFAULT_AGENDA,
			connectedUserIds: server.app.sync.connectedUsers(team.boardId),
			now: Date.now()
		});
		if (!started.ok) throw new Error(started.error);
		const samples: number[] = [];
		let current = 0;
		for (let step = 0; step < WARMUP + STEPS; step++) {
			const to = (current + 1) % DEFAULT_AGENDA.length;
			const arrived = clients.map((c) => arrival(c.doc, to));
			const began = performance.now();
			const result = await goToItem(t.db, team.boardId, actor, to, Date.now());
			if (!result.ok) throw new Error(result.error);
			const last = Math.max(...(await Promise.all(arrived)));
			if (step >= WARMUP) samples.push(last - began);
			current = to;
		}
		const result = { devices: DEVICES + 1, samples, measuredAt: new Date(), machine: machine() };
		print(
			`meeting step -> ${result.devices} devices: p50 ${formatMs(percentile(samples, 50))} ms, p95 ${formatMs(percentile(samples, 95))} ms (${samples.length} steps)`
		);
		return result;
	} finally {
		for (const c of clients) c.destroy();
		await server.app.close();
		await t.remove();
	}
}

/** When the doc's meeting reaches item `to`, timed at the update that brought it. */
function arrival(doc: Y.Doc, to: number): Promise<number> {
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error('a step did not arrive in 5 s')), 5000);
		const check = () => {
			if (readMeetingState(doc)?.current !== to) return;
			clearTimeout(timer);
			doc.off('update', check);
			resolve(performance.now());
		};
		doc.on('update', check);
	});
}

export function renderMeetingSection(r: MeetingBenchResult): string {
	return `${MEETING_HEADING}

From the facilitator's step (the meeting service call a form action runs) until all ${r.devices}
devices on the board (${r.devices - 1} signed-in stock y-websocket clients and one screen link)
hold the new current item: SQL commit, hub, state read back, the room's checked and logged
write, broadcast, applied; timed at the document update that brings the step to the last
device. ${r.samples.length} steps after ${WARMUP} unmeasured ones. Machine:
${r.machine}. Measured ${r.measuredAt.toISOString()}. Reproduce: \`BENCH_ONLY=meeting npm run bench\`.

| devices | steps | p50 ms | p95 ms | p99 ms | max ms |
| ------- | ----- | ------ | ------ | ------ | ------ |
| ${r.devices} | ${r.samples.length} | ${formatMs(percentile(r.samples, 50))} | ${formatMs(percentile(r.samples, 95))} | ${formatMs(percentile(r.samples, 99))} | ${formatMs(Math.max(...r.samples))} |
`;
}
