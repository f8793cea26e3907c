import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	addCard,
	getCard,
	listLanes,
	moveCard,
	readBoard,
	renameLane
} from '../../src/lib/board/model';
import {
	cleanupAfterEach,
	countUpdateRows,
	craftCardUpdate,
	hasClient,
	loadStoredDoc,
	roundTrip,
	startTestBoard,
	waitFor
} from '../fixtures/sync-harness';

const defer = cleanupAfterEach();

describe('a viewer', () => {
	it('receives edits live, but its own writes reach neither other clients nor the database', async () => {
		const board = await startTestBoard(defer);
		const editor = board.client(board.team.cookies.consultant);
		await editor.synced;
		const [ny, behov] = board.laneIds;
		const existing = addCard(
			editor.doc,
			{ laneId: ny!, title: 'Eksisterende', createdBy: '', now: 1 },
			'e'
		);
		await board.server.app.sync.drain();

		// The viewer comes with an edit made before it connected: it travels in its sync step 2.
		const viewerDoc = new Y.Doc();
		const offline = craftCardUpdate(ny!, { title: 'Seerens offline-kort' });
		Y.applyUpdate(viewerDoc, offline.update);
		const viewer = board.client(board.team.cookies.viewer, viewerDoc);
		await viewer.synced;
		await waitFor(viewer.doc, () => getCard(viewer.doc, existing) !== undefined);
		const before = await countUpdateRows(board.db, board.team.boardId);
		const editorBefore = readBoard(editor.doc);

		const sneaky = addCard(
			viewer.doc,
			{ laneId: ny!, title: 'Fra seeren', createdBy: '', now: 2 },
			'v'
		);
		moveCard(viewer.doc, { cardId: existing, toLaneId: behov!, index: 0 }, 'v');
		renameLane(viewer.doc, ny!, 'Omdøbt af seeren', 'v');
		await roundTrip(viewer.provider);

		// A round trip: the editor's next edit reaches the viewer, so anything the server had
		// broadcast from the viewer would have reached the editor before it.
		const after = addCard(
			editor.doc,
			{ laneId: ny!, title: 'Efter seeren', createdBy: '', now: 3 },
			'e'
		);
		await waitFor(viewer.doc, () => getCard(viewer.doc, after) !== undefined);
		const third = board.client(board.team.cookies.leader);
		await third.synced;
		await board.server.app.sync.drain();

		for (const doc of [editor.doc, third.doc]) {
			expect(hasClient(doc, viewer.doc.clientID)).toBe(false);
			expect(getCard(doc, sneaky)).toBeUndefined();
			expect(getCard(doc, offline.cardId)).toBeUndefined();
			expect(getCard(doc, existing)!.laneId).toBe(ny);
			expect(listLanes(doc)[0]!.title).toBe('Ny');
		}
		const editorView = readBoard(editor.doc);
		expect(editorView.cardCount).toBe(editorBefore.cardCount + 1);
		expect(editorView.lanes[0]!.cards.map((c) => c.title)).toEqual([
			'Eksisterende',
			'Efter seeren'
		]);
		expect(readBoard(third.doc)).toEqual(editorView);

		// Exactly one new row (the editor's card), and the stored board has nothing from the viewer.
		expect(await countUpdateRows(board.db, board.team.boardId)).toBe(before + 1);
		const stored = await loadStoredDoc(board.db, board.team.boardId);
		expect(hasClient(stored, viewer.doc.clientID)).toBe(false);
		expect(hasClient(stored, offline.clientId)).toBe(false);
		expect(readBoard(stored)).toEqual(editorView);

		// The viewer's socket stays open: writes are dropped silently, not punished.
		expect(viewer.provider.wsconnected).toBe(true);
	});

	it('sends nothing to the database when it reconnects with local edits', async () => {
		const board = await startTestBoard(defer);
		const viewer = board.client(board.team.cookies.viewer);
		await viewer.synced;
		await board.server.app.sync.drain();
		const before = await countUpdateRows(board.db, board.team.boardId);
		viewer.provider.disconnect();
		for (let i = 0; i < 5; i++)
			addCard(
				viewer.doc,
				{ laneId: board.laneIds[0]!, title: `Lokal ${i}`, createdBy: '', now: 1 },
				'v'
			);
		const resynced = new Promise<void>((resolve) => viewer.provider.once('sync', () => resolve()));
		viewer.provider.connect();
		await resynced;
		// Its sync step 2 (the local cards) went out before the step 1 of this round trip.
		await roundTrip(viewer.provider);
		expect(readBoard(viewer.doc).cardCount).toBe(5);
		expect(await countUpdateRows(board.db, board.team.boardId)).toBe(before);
		const stored = await loadStoredDoc(board.db, board.team.boardId);
		expect(readBoard(stored).cardCount).toBe(0);
	});
});
