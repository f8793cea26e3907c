import { describe, expect, it } from 'vitest';
import { addCard, readBoard } from '../../src/lib/board/model';
import {
	cleanupAfterEach,
	connectClient,
	countUpdateRows,
	loadStoredDoc,
	makeVariedEdits,
	roundTrip,
	startSyncServer,
	startTestBoard,
	waitUntil,
	type TestBoard
} from '../fixtures/sync-harness';

const defer = cleanupAfterEach();

describe('compaction of the update log', () => {
	it('the board is intact after compaction, and the log holds only what came after the snapshot', async () => {
		const board = await startTestBoard(defer, { compactEvery: 5 });
		const a = board.client(board.team.cookies.consultant);
		await a.synced;
		makeVariedEdits(a.doc, 12);
		await roundTrip(a.provider);
		// Compaction is scheduled off the edit path; wait until it has happened.
		await waitUntil(async () => (await snapshotRow(board)) !== undefined, 5000, 'snapshot');
		await board.server.app.sync.drain();
		const snapshot = (await snapshotRow(board))!;
		const rows = await board.db
			.selectFrom('board_update')
			.select('id')
			.where('board_id', '=', board.team.boardId)
			.execute();
		// 1 initial state + 12 adds + 2 moves + 1 edit + 1 delete + 1 rename = 18 updates, fewer than 5 left.
		expect(rows.length).toBeLessThan(5);
		for (const row of rows) expect(row.id).toBeGreaterThan(snapshot.last_update_id);
		const expected = readBoard(a.doc);
		expect(readBoard(await loadStoredDoc(board.db, board.team.boardId))).toEqual(expected);

		// Unloading the room (last client leaves) folds the rest of the log into the snapshot.
		a.provider.destroy();
		await waitUntil(() => board.server.app.sync.roomCount() === 0, 5000, 'room unload');
		expect(await countUpdateRows(board.db, board.team.boardId)).toBe(0);

		await board.server.app.close();
		const again = await startSyncServer(board.db, { compactEvery: 5 });
		defer(() => again.app.close());
		const fresh = connectClient(again.url, board.team.boardId, board.team.cookies.viewer);
		defer(fresh.destroy);
		await fresh.synced;
		expect(readBoard(fresh.doc)).toEqual(expected);
		expect(readBoard(fresh.doc).lanes[0]!.title).toBe('Indbakke');
		expect(readBoard(fresh.doc).cardCount).toBe(11);
	});

	it('edits after a compaction are kept across a restart too', async () => {
		const board = await startTestBoard(defer, { compactEvery: 3 });
		const a = board.client(board.team.cookies.consultant);
		await a.synced;
		makeVariedEdits(a.doc, 6);
		await waitUntil(async () => (await snapshotRow(board)) !== undefined, 5000, 'snapshot');
		const late = addCard(
			a.doc,
			{ laneId: board.laneIds[6]!, title: 'Efter snapshot', createdBy: '', now: 5000 },
			'c'
		);
		await roundTrip(a.provider);
		const expected = readBoard(a.doc);
		// Closed with the client connected: close() compacts what is left.
		await board.server.app.close();
		a.provider.destroy();
		const again = await startSyncServer(board.db);
		defer(() => again.app.close());
		const fresh = connectClient(again.url, board.team.boardId, board.team.cookies.leader);
		defer(fresh.destroy);
		await fresh.synced;
		expect(readBoard(fresh.doc)).toEqual(expected);
		expect(readBoard(fresh.doc).lanes[6]!.cards.map((c) => c.id)).toEqual([late]);
	});
});

async function snapshotRow(board: TestBoard): Promise<{ last_update_id: number } | undefined> {
	return board.db
		.selectFrom('board_snapshot')
		.select('last_update_id')
		.where('board_id', '=', board.team.boardId)
		.executeTakeFirst();
}
