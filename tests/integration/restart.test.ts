import { describe, expect, it } from 'vitest';
import { addCard, getCard, listLanes, moveCard, readBoard } from '../../src/lib/board/model';
import { checkBoard } from '../../src/lib/board/schema';
import { openDatabase } from '../../src/lib/server/db/connect';
import {
	cleanupAfterEach,
	connectClient,
	createTestDatabase,
	createTestTeam,
	makeVariedEdits,
	roundTrip,
	startSyncServer,
	waitUntil,
	whenSynced
} from '../fixtures/sync-harness';

const defer = cleanupAfterEach();

describe('after a server restart', () => {
	it('the board is intact, read by a new server from the same database file', async () => {
		const t = await createTestDatabase();
		defer(t.remove);
		const team = await createTestTeam(t.db);
		const first = await startSyncServer(t.db);
		const a = connectClient(first.url, team.boardId, team.cookies.consultant);
		defer(a.destroy);
		await a.synced;
		makeVariedEdits(a.doc, 8);
		await roundTrip(a.provider);
		const expected = readBoard(a.doc);
		expect(expected.cardCount).toBe(7);

		// Closed with the client still connected: the shutdown must not wait for it to leave.
		const closedCodes: (number | undefined)[] = [];
		a.provider.on('connection-close', (event) => closedCodes.push(event?.code));
		await first.app.close();
		await waitUntil(() => closedCodes.includes(1001), 5000, 'client told the server is going away');
		a.provider.destroy();

		// A second handle on the file, as a new process would open it.
		const db2 = openDatabase({ file: t.file });
		defer(() => db2.destroy());
		const second = await startSyncServer(db2);
		defer(() => second.app.close());
		const fresh = connectClient(second.url, team.boardId, team.cookies.leader);
		defer(fresh.destroy);
		await fresh.synced;
		expect(readBoard(fresh.doc)).toEqual(expected);
		expect(checkBoard(fresh.doc)).toEqual({ ok: true });
	});

	it('a client that stayed open keeps its offline edits and sends them to the new server', async () => {
		const t = await createTestDatabase();
		defer(t.remove);
		const team = await createTestTeam(t.db);
		const first = await startSyncServer(t.db);
		const a = connectClient(first.url, team.boardId, team.cookies.consultant);
		defer(a.destroy);
		await a.synced;
		const lanes = listLanes(a.doc).map((l) => l.id);
		const before = addCard(
			a.doc,
			{ laneId: lanes[0]!, title: 'Før genstart', createdBy: '', now: 1 },
			'a'
		);
		await roundTrip(a.provider);

		const down = new Promise<void>((resolve) => a.provider.once('status', () => resolve()));
		await first.app.close();
		await down;
		// Made while the server is down: only the client has these.
		const during = addCard(
			a.doc,
			{ laneId: lanes[1]!, title: 'Mens serveren var nede', createdBy: '', now: 2 },
			'a'
		);
		moveCard(a.doc, { cardId: before, toLaneId: lanes[2]!, index: 0 }, 'a');

		const second = await startSyncServer(t.db, { port: first.port });
		defer(() => second.app.close());
		await whenSynced(a.provider, 10_000);
		await roundTrip(a.provider);
		const b = connectClient(second.url, team.boardId, team.cookies.leader);
		defer(b.destroy);
		await b.synced;
		expect(getCard(b.doc, during)?.title).toBe('Mens serveren var nede');
		expect(getCard(b.doc, before)?.laneId).toBe(lanes[2]);
		expect(readBoard(b.doc)).toEqual(readBoard(a.doc));
	});
});
