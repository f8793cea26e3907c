import { describe, expect, it } from 'vitest';
import { addCard, moveCard, readBoard, updateCard } from '../../src/lib/board/model';
import { checkBoard } from '../../src/lib/board/schema';
import {
	cleanupAfterEach,
	roundTrip,
	startTestBoard,
	waitUntil,
	type TestBoard
} from '../fixtures/sync-harness';

const defer = cleanupAfterEach();

/** 200 cards spread over the lanes, some moved and edited, made by one stock client. */
async function fillBoard(board: TestBoard): Promise<ReturnType<TestBoard['client']>> {
	const writer = board.client(board.team.cookies.consultant);
	await writer.synced;
	const ids: string[] = [];
	// Ten cards per transaction: 20 updates in the log rather than 200 keeps the test quick.
	for (let chunk = 0; chunk < 20; chunk++) {
		writer.doc.transact(() => {
			for (let i = chunk * 10; i < chunk * 10 + 10; i++) {
				ids.push(
					addCard(
						writer.doc,
						{
							laneId: board.laneIds[i % board.laneIds.length]!,
							title: `Jobåbning ${i}`,
							description: `Virksomhed ${i}, ${i % 3} stillinger`,
							ownerId: board.team.userIds.consultant,
							due: `2026-12-${String((i % 28) + 1).padStart(2, '0')}`,
							createdBy: board.team.userIds.consultant,
							now: 1_700_000_000_000 + i
						},
						'writer'
					)
				);
			}
		}, 'writer');
	}
	for (let i = 0; i < 20; i++)
		moveCard(writer.doc, { cardId: ids[i]!, toLaneId: board.laneIds[5]!, index: 0 }, 'writer');
	updateCard(writer.doc, ids[42]!, { title: 'Besat i dag' }, 1_700_000_001_000, 'writer');
	await roundTrip(writer.provider);
	return writer;
}

describe('a late joiner', () => {
	it('receives the full board from a live room', async () => {
		const board = await startTestBoard(defer);
		const writer = await fillBoard(board);
		const expected = readBoard(writer.doc);
		expect(expected.cardCount).toBe(200);

		const late = board.client(board.team.cookies.leader);
		// Everything arrives in the server's sync step 2, before the provider reports synced.
		await late.synced;
		expect(readBoard(late.doc)).toEqual(expected);
		expect(checkBoard(late.doc)).toEqual({ ok: true });
		expect(expected.lanes[5]!.cards.length).toBeGreaterThanOrEqual(20);
		expect(
			expected.lanes.flatMap((l) => l.cards).find((c) => c.title === 'Besat i dag')
		).toBeDefined();
	});

	it('receives the full board when the room is loaded again from the database', async () => {
		const board = await startTestBoard(defer);
		const writer = await fillBoard(board);
		const expected = readBoard(writer.doc);
		writer.provider.destroy();
		await waitUntil(() => board.server.app.sync.roomCount() === 0, 5000, 'room unload');

		const late = board.client(board.team.cookies.viewer);
		await late.synced;
		expect(readBoard(late.doc)).toEqual(expected);
		expect(readBoard(late.doc).cardCount).toBe(200);
	});
});
