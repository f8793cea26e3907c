import { describe, expect, it } from 'vitest';
import { addCard, readBoard } from '../../src/lib/board/model';
import { sessionIdFromToken } from '../../src/lib/server/auth/session';
import { removeMembership, setMembership } from '../../src/lib/server/teams/team.repository';
import {
	cleanupAfterEach,
	countUpdateRows,
	providerClosed,
	roundTrip,
	startTestBoard,
	waitUntil
} from '../fixtures/sync-harness';

const defer = cleanupAfterEach();
// Short enough for quick tests, long enough that a busy machine still answers pings in time.
const heartbeatMs = 150;

describe('the heartbeat', () => {
	it('closes a socket with 4401 once its session is deleted (signed out elsewhere)', async () => {
		const board = await startTestBoard(defer, { heartbeatMs });
		const other = board.client(board.team.cookies.leader);
		const client = board.client(board.team.cookies.consultant);
		await Promise.all([client.synced, other.synced]);
		const closed = providerClosed(client.provider);
		const token = board.team.cookies.consultant.slice('tavlen_session='.length);
		await board.db.deleteFrom('session').where('id', '=', sessionIdFromToken(token)).execute();
		expect(await closed).toEqual({ code: 4401, reason: 'session expired' });
		expect(client.provider.shouldConnect).toBe(false);
		// Only that socket: the other member keeps editing.
		addCard(other.doc, { laneId: board.laneIds[0]!, title: 'Videre', createdBy: '', now: 1 }, 'o');
		await roundTrip(other.provider);
		expect(other.provider.wsconnected).toBe(true);
	});

	it('closes a socket with 4403 once the membership is removed', async () => {
		const board = await startTestBoard(defer, { heartbeatMs });
		const client = board.client(board.team.cookies.consultant);
		await client.synced;
		const closed = providerClosed(client.provider);
		await removeMembership(board.db, board.team.teamId, board.team.userIds.consultant);
		expect(await closed).toEqual({ code: 4403, reason: 'no access to this board' });
	});

	it('stops accepting writes from a member demoted to viewer', async () => {
		const board = await startTestBoard(defer, { heartbeatMs });
		const client = board.client(board.team.cookies.consultant);
		const observer = board.client(board.team.cookies.leader);
		await Promise.all([client.synced, observer.synced]);
		// The re-check renews a session with less than 15 days left: that renewal shows it has run.
		const sessionId = sessionIdFromToken(
			board.team.cookies.consultant.slice('tavlen_session='.length)
		);
		const soon = Date.now() + 24 * 60 * 60 * 1000;
		// Demote first: a renewal seen after this can only come from a re-check that saw the new role.
		await setMembership(board.db, board.team.teamId, board.team.userIds.consultant, 'viewer');
		await board.db
			.updateTable('session')
			.set({ expires_at: soon })
			.where('id', '=', sessionId)
			.execute();
		await waitUntil(
			async () => {
				const row = await board.db
					.selectFrom('session')
					.select('expires_at')
					.where('id', '=', sessionId)
					.executeTakeFirstOrThrow();
				return row.expires_at > soon;
			},
			5000,
			'access re-check'
		);
		await roundTrip(client.provider);
		const rows = await countUpdateRows(board.db, board.team.boardId);
		addCard(
			client.doc,
			{ laneId: board.laneIds[0]!, title: 'Efter degradering', createdBy: '', now: 1 },
			'c'
		);
		await roundTrip(client.provider);
		await roundTrip(observer.provider);
		expect(await countUpdateRows(board.db, board.team.boardId)).toBe(rows);
		expect(readBoard(observer.doc).cardCount).toBe(0);
	});

	it('drops a peer that stops answering pings', async () => {
		const board = await startTestBoard(defer, { heartbeatMs });
		const dead = board.raw({ cookie: board.team.cookies.consultant, autoPong: false });
		dead.requestSync();
		await dead.synced;
		expect(board.server.app.sync.roomCount()).toBe(1);
		const closed = await dead.closed;
		// Terminated without a close frame.
		expect(closed.code).toBe(1006);
		await waitUntil(() => board.server.app.sync.roomCount() === 0, 5000, 'room unload');
	});
});

describe('a room', () => {
	it('is unloaded when its last peer leaves, and loaded again by the next', async () => {
		const board = await startTestBoard(defer);
		const a = board.client(board.team.cookies.consultant);
		const b = board.client(board.team.cookies.leader);
		await Promise.all([a.synced, b.synced]);
		expect(board.server.app.sync.roomCount()).toBe(1);
		const card = addCard(
			a.doc,
			{ laneId: board.laneIds[0]!, title: 'Før unload', createdBy: '', now: 1 },
			'a'
		);
		await roundTrip(a.provider);
		a.provider.destroy();
		await roundTrip(b.provider);
		expect(board.server.app.sync.roomCount()).toBe(1);
		b.provider.destroy();
		await waitUntil(() => board.server.app.sync.roomCount() === 0, 5000, 'room unload');

		const c = board.client(board.team.cookies.viewer);
		await c.synced;
		expect(board.server.app.sync.roomCount()).toBe(1);
		expect(readBoard(c.doc).lanes[0]!.cards.map((x) => x.id)).toEqual([card]);
		c.provider.destroy();
		await waitUntil(() => board.server.app.sync.roomCount() === 0, 5000, 'room unload');
	});

	it('is unloaded when a refused or malformed socket was its only peer', async () => {
		const board = await startTestBoard(defer);
		const raw = board.raw({ cookie: board.team.cookies.consultant });
		raw.requestSync();
		await raw.synced;
		raw.send(new Uint8Array([9]));
		expect((await raw.closed).code).toBe(1007);
		await waitUntil(() => board.server.app.sync.roomCount() === 0, 5000, 'room unload');
	});

	it('is unloaded when a client leaves before the board finished loading', async () => {
		const board = await startTestBoard(defer);
		for (let i = 0; i < 5; i++) {
			const raw = board.raw({ cookie: board.team.cookies.consultant });
			await raw.opened;
			raw.ws.terminate();
		}
		await waitUntil(() => board.server.app.sync.roomCount() === 0, 5000, 'room unload');
		const c = board.client(board.team.cookies.consultant);
		await c.synced;
		expect(readBoard(c.doc).lanes).toHaveLength(7);
	});
});

describe('an access change announced by the admin pages', () => {
	it('closes the socket at once, without waiting for the heartbeat', async () => {
		// A heartbeat far beyond the test's timeout: only recheckAccess can close the socket.
		const board = await startTestBoard(defer, { heartbeatMs: 3_600_000 });
		const client = board.client(board.team.cookies.consultant);
		const bystander = board.client(board.team.cookies.leader);
		await Promise.all([client.synced, bystander.synced]);
		const closed = providerClosed(client.provider);
		await removeMembership(board.db, board.team.teamId, board.team.userIds.consultant);
		board.server.app.sync.recheckAccess(['some-other-board']);
		board.server.app.sync.recheckAccess([board.team.boardId]);
		expect(await closed).toEqual({ code: 4403, reason: 'no access to this board' });
		expect(bystander.provider.wsconnected).toBe(true);
	});
});
