import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { getServerData, readForecastSummary, SERVER_KEYS } from '../../src/lib/board/server-data';
import { addDays } from '../../src/lib/forecast/week';
import { copenhagenDate } from '../../src/lib/forecast/week';
import { saveCase } from '../../src/lib/server/cases/case.service';
import { ensureDefaultCaseGoals } from '../../src/lib/server/cases/goal.repository';
import { insertCaseRow, selectCaseByCitizen } from '../../src/lib/server/cases/case.repository';
import { insertCitizen } from '../../src/lib/server/citizens/citizen.repository';
import {
	ensureDefaultTargetGroups,
	findTargetGroup
} from '../../src/lib/server/citizens/target-group.repository';
import { newId } from '../../src/lib/board/ids';
import type { Db } from '../../src/lib/server/db/connect';
import {
	cleanupAfterEach,
	connectClient,
	countUpdateRows,
	loadStoredDoc,
	providerClosed,
	roundTrip,
	startSyncServer,
	startTestBoard,
	waitFor,
	type TestBoard
} from '../fixtures/sync-harness';

const defer = cleanupAfterEach();
const today = copenhagenDate(Date.now());

/** A case for a new citizen of the team, in target group `group`, closing at its horizon. */
async function addCase(
	board: TestBoard,
	group: string,
	fields: { horizon: string; nextStepDue?: string }
): Promise<string> {
	const db: Db = board.db;
	const targetGroup = (await findTargetGroup(db, group))!;
	const consultantId = board.team.userIds.consultant;
	const citizen = await insertCitizen(db, {
		teamId: board.team.teamId,
		ownerId: consultantId,
		initials: 'AB',
		targetGroupId: targetGroup.id,
		jobAreas: [],
		hoursWanted: null,
		jobReady: false,
		now: Date.now()
	});
	await insertCaseRow(db, {
		id: newId(),
		citizenId: citizen.id,
		teamId: board.team.teamId,
		consultantId,
		goal: 'ordinary-job',
		horizon: fields.horizon,
		risk: 'medium',
		nextStep: fields.nextStepDue ? { text: 'Opfølgning', due: fields.nextStepDue } : null,
		previousStepOutcome: null,
		openedAt: Date.now() - 30 * 86_400_000,
		closedAt: null,
		updatedAt: Date.now(),
		extra: {}
	});
	return citizen.id;
}

async function boardWithCases(): Promise<TestBoard> {
	const board = await startTestBoard(defer);
	await ensureDefaultTargetGroups(board.db);
	await ensureDefaultCaseGoals(board.db);
	return board;
}

describe("the board's forecast summary", () => {
	it('is written by the server when the board loads, and follows a saved case live', async () => {
		const board = await boardWithCases();
		await addCase(board, 'SDP', { horizon: addDays(today, 10) });
		const citizenId = await addCase(board, 'JAF', {
			horizon: addDays(today, 60),
			nextStepDue: addDays(today, 5)
		});
		const leader = board.client(board.team.cookies.leader);
		const viewer = board.client(board.team.cookies.viewer);
		await Promise.all([leader.synced, viewer.synced]);

		const first = readForecastSummary(viewer.doc);
		expect(first?.total).toEqual({ now: 2, in4Weeks: 1, in13Weeks: 0 });
		expect(first?.groups.find((g) => g.targetGroup === 'SDP')?.now).toBe(1);
		expect(first?.stepsOverdue).toBe(0);

		// The consultant moves the JAF case's horizon out and lets its step slip into the past,
		// through the case service, which publishes the change after its commit.
		const before = (await selectCaseByCitizen(board.db, board.team.teamId, citizenId))!;
		const saved = await saveCase(
			board.db,
			{ userId: board.team.userIds.consultant, teamId: board.team.teamId },
			citizenId,
			{
				targetGroupId: (await findTargetGroup(board.db, 'JAF'))!.id,
				goal: before.goal,
				horizon: addDays(today, 200),
				risk: before.risk,
				previousStepOutcome: '',
				nextStepText: 'Opfølgning',
				nextStepDue: addDays(today, -2),
				extra: {}
			},
			Date.now()
		);
		expect(saved?.ok).toBe(true);

		for (const client of [leader, viewer])
			await waitFor(client.doc, () => readForecastSummary(client.doc)?.stepsOverdue === 1);
		expect(readForecastSummary(leader.doc)?.total).toEqual({ now: 2, in4Weeks: 1, in13Weeks: 1 });
		expect(readForecastSummary(leader.doc)).toEqual(readForecastSummary(viewer.doc));
	});

	it('is kept in the update log, so a restarted server serves it before recomputing', async () => {
		const board = await boardWithCases();
		await addCase(board, 'SDP', { horizon: addDays(today, 10) });
		const client = board.client(board.team.cookies.consultant);
		await client.synced;
		await board.server.app.close();
		const stored = await loadStoredDoc(board.db, board.team.boardId);
		expect(readForecastSummary(stored)?.total.now).toBe(1);
	});

	it('is not written for a team without cases, and an unchanged summary adds no update', async () => {
		const board = await boardWithCases();
		const client = board.client(board.team.cookies.consultant);
		await client.synced;
		expect(getServerData(client.doc).size).toBe(0);

		await addCase(board, 'SDP', { horizon: addDays(today, 10) });
		await board.server.app.sync.refreshTeamSummary(board.team.teamId);
		await waitFor(client.doc, () => readForecastSummary(client.doc) !== null);
		const rows = await countUpdateRows(board.db, board.team.boardId);
		await board.server.app.sync.refreshTeamSummary(board.team.teamId);
		expect(await countUpdateRows(board.db, board.team.boardId)).toBe(rows);
	});

	it("is not touched by another team's case change", async () => {
		const board = await boardWithCases();
		await addCase(board, 'SDP', { horizon: addDays(today, 10) });
		const client = board.client(board.team.cookies.consultant);
		await client.synced;
		const rows = await countUpdateRows(board.db, board.team.boardId);
		await addCase(board, 'JAF', { horizon: addDays(today, 10) });
		await board.server.app.sync.refreshTeamSummary('someotherteam');
		await roundTrip(client.provider);
		expect(readForecastSummary(client.doc)?.total.now).toBe(1);
		expect(await countUpdateRows(board.db, board.team.boardId)).toBe(rows);
	});
});

describe('a client writing the server data', () => {
	// The stock client logs the refusal ("Permission denied ...") with console.warn.
	afterEach(() => {
		vi.restoreAllMocks();
	});
	for (const attempt of [
		{
			name: 'a forged summary',
			write: (doc: Y.Doc) =>
				getServerData(doc).set(
					SERVER_KEYS.forecast,
					JSON.stringify({
						today,
						groups: [],
						total: { now: 0, in4Weeks: 0, in13Weeks: 0 },
						stepsOverdue: 0,
						sparringCount: 0
					})
				)
		},
		{
			name: 'a deletion of the summary',
			write: (doc: Y.Doc) => getServerData(doc).delete('forecast')
		},
		{ name: 'an unknown key', write: (doc: Y.Doc) => getServerData(doc).set('note', 'x') }
	])
		it(`is refused (${attempt.name}): 4422 with a reason, not stored, not broadcast`, async () => {
			const board = await boardWithCases();
			await addCase(board, 'SDP', { horizon: addDays(today, 10) });
			const writer = board.client(board.team.cookies.leader);
			const observer = board.client(board.team.cookies.consultant);
			await Promise.all([writer.synced, observer.synced]);
			const summary = readForecastSummary(observer.doc);
			expect(summary?.total.now).toBe(1);
			const rows = await countUpdateRows(board.db, board.team.boardId);

			vi.spyOn(console, 'warn').mockImplementation(() => undefined);
			const closed = providerClosed(writer.provider);
			attempt.write(writer.doc);
			expect(await closed).toEqual({
				code: 4422,
				reason: 'invalid update: server data is written by the server only'
			});
			await roundTrip(observer.provider);
			expect(readForecastSummary(observer.doc)).toEqual(summary);
			expect(getServerData(observer.doc).has('note')).toBe(false);
			expect(await countUpdateRows(board.db, board.team.boardId)).toBe(rows);

			// Still served correctly after a restart: the refused write never reached the log.
			await board.server.app.close();
			const again = await startSyncServer(board.db);
			defer(() => again.app.close());
			const fresh = connectClient(again.url, board.team.boardId, board.team.cookies.viewer);
			defer(fresh.destroy);
			await fresh.synced;
			expect(readForecastSummary(fresh.doc)).toEqual(summary);
		});
});
