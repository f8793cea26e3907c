import { afterEach, describe, expect, it } from 'vitest';
import { addCard, listLanes, readBoard } from '../../src/lib/board/model';
import {
	connectClient,
	createTestDatabase,
	createTestTeam,
	startSyncServer,
	waitFor
} from '../fixtures/sync-harness';

describe('sync smoke', () => {
	const cleanups: (() => Promise<void> | void)[] = [];
	afterEach(async () => {
		for (const c of cleanups.splice(0).reverse()) await c();
	});

	it('two stock clients converge', async () => {
		const t = await createTestDatabase();
		cleanups.push(t.remove);
		const team = await createTestTeam(t.db);
		const server = await startSyncServer(t.db);
		cleanups.push(() => server.app.close());
		const a = connectClient(server.url, team.boardId, team.cookies.consultant);
		const b = connectClient(server.url, team.boardId, team.cookies.leader);
		cleanups.push(
			() => a.provider.destroy(),
			() => b.provider.destroy()
		);
		await Promise.all([a.synced, b.synced]);
		expect(listLanes(a.doc)).toHaveLength(7);
		const lane = listLanes(a.doc)[0]!;
		addCard(
			a.doc,
			{ laneId: lane.id, title: 'Hej', createdBy: team.userIds.consultant, now: 1 },
			'test'
		);
		await waitFor(b.doc, () => readBoard(b.doc).cardCount === 1);
		expect(readBoard(b.doc).lanes[0]!.cards[0]!.title).toBe('Hej');
	});
});
