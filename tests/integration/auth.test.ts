import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { readBoard } from '../../src/lib/board/model';
import { sessionIdFromToken } from '../../src/lib/server/auth/session';
import {
	cleanupAfterEach,
	createOutsider,
	providerClosed,
	signIn,
	startTestBoard,
	type RawClient
} from '../fixtures/sync-harness';

const defer = cleanupAfterEach();

/** A refused socket is upgraded, told why with a close code, and never sees any board data. */
async function expectRefused(client: RawClient, code: number, reason: string): Promise<void> {
	await client.opened;
	client.requestSync();
	const closed = await client.closed;
	expect(closed).toEqual({ code, reason });
	expect(client.messages).toEqual([]);
}

describe('the upgrade to /sync/<boardId>', () => {
	it('refuses a request without a session cookie with 4401', async () => {
		const board = await startTestBoard(defer);
		await expectRefused(board.raw(), 4401, 'session expired');
		expect(board.server.app.sync.roomCount()).toBe(0);
	});

	it('refuses a made-up session token and a malformed cookie with 4401', async () => {
		const board = await startTestBoard(defer);
		await expectRefused(
			board.raw({ cookie: 'tavlen_session=abcdefghijklmnopqrstuvwxyz234567' }),
			4401,
			'session expired'
		);
		await expectRefused(board.raw({ cookie: 'tavlen_session=%E0%A4%A' }), 4401, 'session expired');
		await expectRefused(board.raw({ cookie: 'other_cookie=1' }), 4401, 'session expired');
		expect(board.server.app.sync.roomCount()).toBe(0);
	});

	it('refuses an expired session with 4401 and deletes it', async () => {
		const board = await startTestBoard(defer);
		const cookie = await signIn(board.db, board.team.userIds.consultant);
		const id = sessionIdFromToken(cookie.slice('tavlen_session='.length));
		await board.db
			.updateTable('session')
			.set({ expires_at: Date.now() - 1000 })
			.where('id', '=', id)
			.execute();
		await expectRefused(board.raw({ cookie }), 4401, 'session expired');
		const row = await board.db
			.selectFrom('session')
			.select('id')
			.where('id', '=', id)
			.executeTakeFirst();
		expect(row).toBeUndefined();
	});

	it('makes the stock client stop and emit closed on 4401', async () => {
		const board = await startTestBoard(defer);
		const client = board.client(undefined);
		const closed = await providerClosed(client.provider);
		expect(closed).toEqual({ code: 4401, reason: 'session expired' });
		expect(client.provider.shouldConnect).toBe(false);
		expect(readBoard(client.doc).lanes).toEqual([]);
	});

	it('refuses a signed-in user outside the team with 4403', async () => {
		const board = await startTestBoard(defer);
		const outsider = await createOutsider(board.db);
		await expectRefused(board.raw({ cookie: outsider.cookie }), 4403, 'no access to this board');
		expect(board.server.app.sync.roomCount()).toBe(0);
	});

	it('answers an unknown board id exactly like a board of another team', async () => {
		const board = await startTestBoard(defer);
		const member = board.team.cookies.leader;
		await expectRefused(
			board.raw({ cookie: member, path: 'nosuchboard0000' }),
			4403,
			'no access to this board'
		);
		expect(board.server.app.sync.roomCount()).toBe(0);
	});

	it('refuses a foreign Origin with 4403 even with a valid session', async () => {
		const board = await startTestBoard(defer);
		const cookie = board.team.cookies.consultant;
		await expectRefused(
			board.raw({ cookie, origin: 'https://evil.example' }),
			4403,
			'origin not allowed'
		);
		await expectRefused(board.raw({ cookie, origin: 'not a url' }), 4403, 'origin not allowed');
		// The page's own origin (same host as the request) is let in.
		const own = board.raw({ cookie, origin: `http://127.0.0.1:${board.server.port}` });
		own.requestSync();
		await own.synced;
		expect(readBoard(own.doc).lanes).toHaveLength(7);
	});

	it('checks Origin against the configured public origin when one is set', async () => {
		const board = await startTestBoard(defer, { origin: 'https://tavlen.demoby.dk' });
		const cookie = board.team.cookies.consultant;
		await expectRefused(
			board.raw({ cookie, origin: `http://127.0.0.1:${board.server.port}` }),
			4403,
			'origin not allowed'
		);
		const own = board.raw({ cookie, origin: 'https://tavlen.demoby.dk' });
		own.requestSync();
		await own.synced;
		expect(readBoard(own.doc).lanes).toHaveLength(7);
	});

	it('does not upgrade paths other than /sync/<boardId>', async () => {
		const board = await startTestBoard(defer);
		const base = `ws://127.0.0.1:${board.server.port}`;
		const cookie = board.team.cookies.consultant;
		for (const path of [
			'/',
			'/other',
			'/sync',
			'/sync/',
			`/sync/${board.team.boardId}/x`,
			'/sync/UPPER',
			`/syncx/${board.team.boardId}`
		]) {
			const ws = new WebSocket(`${base}${path}`, { headers: { cookie } });
			const outcome = await new Promise<string>((resolve) => {
				ws.once('open', () => resolve('open'));
				ws.once('error', (error) => resolve(`error: ${error.message}`));
			});
			expect(outcome, path).toMatch(/^error: /);
			ws.terminate();
		}
		expect(board.server.app.sync.roomCount()).toBe(0);
		// The board itself is still served on its path.
		const ok = board.raw({ cookie });
		ok.requestSync();
		await ok.synced;
	});

	it('lets every role of the team in', async () => {
		const board = await startTestBoard(defer);
		for (const role of ['leader', 'consultant', 'viewer'] as const) {
			const client = board.raw({ cookie: board.team.cookies[role] });
			client.requestSync();
			await client.synced;
			expect(readBoard(client.doc).lanes, role).toHaveLength(7);
		}
	});
});
