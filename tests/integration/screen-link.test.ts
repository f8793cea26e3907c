import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addCard, getCards, listLanes, readBoard } from '../../src/lib/board/model';
import {
	createScreenLink,
	revokeScreenLink
} from '../../src/lib/server/screens/screen-link.service';
import { selectScreenLink } from '../../src/lib/server/screens/screen-link.repository';
import {
	cleanupAfterEach,
	connectClient,
	countUpdateRows,
	createTestTeam,
	providerClosed,
	roundTrip,
	startTestBoard,
	waitFor,
	type TestBoard
} from '../fixtures/sync-harness';

const defer = cleanupAfterEach();
const DAY_MS = 24 * 60 * 60 * 1000;

async function screenOf(board: TestBoard, boardId = board.team.boardId, days = 365) {
	return createScreenLink(
		board.db,
		{ boardId, label: 'Mødelokale 2', createdBy: board.team.userIds.leader, days },
		Date.now()
	);
}

function connectScreen(board: TestBoard, token: string, boardId = board.team.boardId) {
	const client = connectClient(board.server.url, boardId, undefined, new Y.Doc(), {
		screen: token
	});
	defer(client.destroy);
	return client;
}

describe('a screen link', () => {
	it('reads the board without a session and sees edits live, and is marked as seen', async () => {
		const board = await startTestBoard(defer);
		const { link, token } = await screenOf(board);
		const editor = board.client(board.team.cookies.consultant);
		const screen = connectScreen(board, token);
		await Promise.all([editor.synced, screen.synced]);
		expect(listLanes(screen.doc)).toHaveLength(7);

		const cardId = addCard(
			editor.doc,
			{ laneId: board.laneIds[0]!, title: 'Ny jobåbning på skærmen', createdBy: '', now: 1 },
			'e'
		);
		await waitFor(screen.doc, () => getCards(screen.doc).has(cardId));
		expect((await selectScreenLink(board.db, link.id))?.lastSeenAt).not.toBeNull();
	});

	it('cannot write: its updates are neither stored nor broadcast', async () => {
		const board = await startTestBoard(defer);
		const { token } = await screenOf(board);
		const observer = board.client(board.team.cookies.leader);
		const screen = connectScreen(board, token);
		await Promise.all([observer.synced, screen.synced]);
		await roundTrip(screen.provider);
		const rows = await countUpdateRows(board.db, board.team.boardId);

		addCard(
			screen.doc,
			{ laneId: board.laneIds[0]!, title: 'Fra skærmen', createdBy: '', now: 1 },
			's'
		);
		await roundTrip(screen.provider);
		await roundTrip(observer.provider);
		expect(readBoard(observer.doc).cardCount).toBe(0);
		expect(await countUpdateRows(board.db, board.team.boardId)).toBe(rows);
	});

	it('does not appear in the presence of the people on the board', async () => {
		const board = await startTestBoard(defer);
		const { token } = await screenOf(board);
		const person = board.client(board.team.cookies.consultant);
		await person.synced;
		const screen = connectScreen(board, token);
		await screen.synced;
		// A stock client announces itself; the server must not pass a screen's state on.
		screen.provider.awareness.setLocalState({ user: { id: 'screen', name: 'Skærm' } });
		person.provider.awareness.setLocalState({ user: { id: 'p', name: 'Person' } });
		// Each socket's frames are handled in order: after these round trips both states were.
		await roundTrip(screen.provider);
		await roundTrip(person.provider);
		await roundTrip(screen.provider);
		expect(screen.provider.awareness.getStates().get(person.doc.clientID)).toEqual({
			user: { id: 'p', name: 'Person' }
		});
		expect(person.provider.awareness.getStates().has(screen.doc.clientID)).toBe(false);
	});

	it('is closed within the same moment it is revoked, and stays out', async () => {
		const board = await startTestBoard(defer);
		const { link, token } = await screenOf(board);
		const screen = connectScreen(board, token);
		await screen.synced;
		const closed = providerClosed(screen.provider);
		expect(await revokeScreenLink(board.db, board.team.boardId, link.id, Date.now())).toBe(true);
		board.server.app.sync.closeScreenLink(link.id);
		expect(await closed).toEqual({ code: 4403, reason: 'screen link revoked or expired' });

		const again = connectScreen(board, token);
		expect(await providerClosed(again.provider)).toEqual({
			code: 4403,
			reason: 'screen link revoked or expired'
		});
		expect(listLanes(again.doc)).toHaveLength(0);
	});

	for (const bad of [
		{ name: 'an unknown token', token: 'a'.repeat(52) },
		{ name: 'a malformed token', token: 'not a token' },
		{ name: 'an empty token', token: '' }
	])
		it(`gets no board with ${bad.name}`, async () => {
			const board = await startTestBoard(defer);
			const screen = connectScreen(board, bad.token);
			expect((await providerClosed(screen.provider)).code).toBe(4403);
			expect(listLanes(screen.doc)).toHaveLength(0);
		});

	it('gets no board once expired', async () => {
		const board = await startTestBoard(defer);
		const { token } = await createScreenLink(
			board.db,
			{
				boardId: board.team.boardId,
				label: 'Gammel',
				createdBy: board.team.userIds.leader,
				days: 30
			},
			Date.now() - 31 * DAY_MS
		);
		const screen = connectScreen(board, token);
		expect((await providerClosed(screen.provider)).code).toBe(4403);
		expect(listLanes(screen.doc)).toHaveLength(0);
	});

	it("opens only its own board, not another team's", async () => {
		const board = await startTestBoard(defer);
		const other = await createTestTeam(board.db);
		const { token } = await screenOf(board);
		const screen = connectScreen(board, token, other.boardId);
		expect((await providerClosed(screen.provider)).code).toBe(4403);
		expect(listLanes(screen.doc)).toHaveLength(0);
	});

	it('cannot be revoked through another board', async () => {
		const board = await startTestBoard(defer);
		const other = await createTestTeam(board.db);
		const { link } = await screenOf(board);
		expect(await revokeScreenLink(board.db, other.boardId, link.id, Date.now())).toBe(false);
		expect((await selectScreenLink(board.db, link.id))?.revokedAt).toBeNull();
	});
});
