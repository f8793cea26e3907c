import net from 'node:net';
import { describe, expect, it } from 'vitest';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { addCard, getCard, readBoard } from '../../src/lib/board/model';
import {
	cleanupAfterEach,
	connectClient,
	connectRaw,
	countUpdateRows,
	createTestDatabase,
	createTestTeam,
	craftCardUpdate,
	loadStoredDoc,
	roundTrip,
	seededRandom,
	startServerProcess,
	startTestBoard,
	stopServerProcess,
	waitFor,
	type RawClient
} from '../fixtures/sync-harness';

const defer = cleanupAfterEach();

function bytes(write: (e: encoding.Encoder) => void): Uint8Array {
	const e = encoding.createEncoder();
	write(e);
	return encoding.toUint8Array(e);
}

const syncStep1 = bytes((e) => {
	encoding.writeVarUint(e, 0);
	syncProtocol.writeSyncStep1(e, new Y.Doc());
});
const validUpdate = bytes((e) => {
	encoding.writeVarUint(e, 0);
	syncProtocol.writeUpdate(e, craftCardUpdate('lane1').update);
});

/** Frames that are not a complete, known message: each must close its socket with 1007. */
const malformed: { name: string; frame: Uint8Array | string }[] = [
	{ name: 'an empty frame', frame: new Uint8Array(0) },
	{ name: 'a text frame', frame: 'hello' },
	{ name: 'a text frame that looks like a sync message', frame: '\u0000\u0000\u0000' },
	{ name: 'an unknown message type', frame: new Uint8Array([7]) },
	{ name: 'an auth message from the client', frame: new Uint8Array([2, 0, 1, 65]) },
	{ name: 'an unknown sync subtype', frame: new Uint8Array([0, 9, 0]) },
	{ name: 'a huge varint', frame: new Uint8Array(12).fill(0xff) },
	{
		name: 'a huge varint as sync subtype',
		frame: new Uint8Array([0, ...new Uint8Array(11).fill(0xff), 1])
	},
	{
		name: 'a length prefix longer than the frame',
		frame: new Uint8Array([0, 2, 0xff, 0xff, 0x03, 1, 2, 3])
	},
	{ name: 'a truncated sync step 1', frame: syncStep1.slice(0, syncStep1.length - 1) },
	{
		name: 'a truncated update message',
		frame: validUpdate.slice(0, Math.floor(validUpdate.length / 2))
	},
	{ name: 'trailing bytes after a message', frame: new Uint8Array([...validUpdate, 0]) },
	{ name: 'query-awareness with trailing bytes', frame: new Uint8Array([3, 3, 3]) },
	{ name: 'an awareness message with a broken body', frame: new Uint8Array([1, 3, 1, 0xff, 0xff]) }
];

/** Waits until the server either closed the socket or answered a probe (so it kept it open). */
async function outcome(client: RawClient): Promise<{ code: number; reason: string } | 'open'> {
	const answered = client.next('awareness').then(() => 'open' as const);
	client.probe();
	return Promise.race([client.closed, answered]);
}

describe('garbage on the socket', () => {
	for (const m of malformed) {
		it(`${m.name} closes that socket with 1007 and nothing else`, async () => {
			const board = await startTestBoard(defer);
			const a = board.client(board.team.cookies.consultant);
			const b = board.client(board.team.cookies.leader);
			await Promise.all([a.synced, b.synced]);
			const rowsBefore = await countUpdateRows(board.db, board.team.boardId);

			const bad = board.raw({ cookie: board.team.cookies.consultant });
			bad.requestSync();
			await bad.synced;
			bad.send(m.frame);
			// Sent right behind the garbage: a socket being closed must not get it accepted.
			bad.sendUpdate(craftCardUpdate(board.laneIds[0]!, { title: 'Efter skrald' }).update);
			const closed = await bad.closed;
			expect(closed.code).toBe(1007);

			const card = addCard(
				a.doc,
				{ laneId: board.laneIds[0]!, title: 'Stadig i live', createdBy: '', now: 1 },
				'a'
			);
			await waitFor(b.doc, () => getCard(b.doc, card) !== undefined);
			await roundTrip(a.provider);
			expect(readBoard(b.doc).cardCount).toBe(1);
			expect(await countUpdateRows(board.db, board.team.boardId)).toBe(rowsBefore + 1);
		});
	}

	it(
		'seeded random frames never crash the server nor reach other clients',
		{ timeout: 60_000 },
		async () => {
			const board = await startTestBoard(defer);
			const a = board.client(board.team.cookies.consultant);
			const b = board.client(board.team.cookies.leader);
			await Promise.all([a.synced, b.synced]);
			const rowsBefore = await countUpdateRows(board.db, board.team.boardId);
			const clientsBefore = Y.encodeStateVector(b.doc);
			const random = seededRandom(4242);
			const randomBytes = (n: number): Uint8Array =>
				Uint8Array.from({ length: n }, () => Math.floor(random() * 256));
			const seen: Record<string, number> = {};
			for (let i = 0; i < 200; i++) {
				const bad = board.raw({ cookie: board.team.cookies.consultant });
				await bad.opened;
				const body = randomBytes(1 + Math.floor(random() * 300));
				// Half plain noise, half noise inside a well-formed update envelope (reaches the Yjs decoder).
				const frame =
					i % 2 === 0
						? body
						: bytes((e) => {
								encoding.writeVarUint(e, 0);
								encoding.writeVarUint(e, syncProtocol.messageYjsUpdate);
								encoding.writeVarUint8Array(e, body);
							});
				bad.send(frame);
				const result = await outcome(bad);
				const key = result === 'open' ? 'open' : String(result.code);
				seen[key] = (seen[key] ?? 0) + 1;
				if (result !== 'open') expect([1007, 4413, 4422]).toContain(result.code);
				bad.ws.terminate();
			}
			// Noise outside the envelope is malformed; inside it the Yjs decoder fails and the update is refused.
			expect(seen).toEqual({ '1007': 100, '4422': 100 });
			await board.server.app.sync.drain();
			expect(await countUpdateRows(board.db, board.team.boardId)).toBe(rowsBefore);
			expect(Y.encodeStateVector(b.doc)).toEqual(clientsBefore);

			const card = addCard(
				a.doc,
				{ laneId: board.laneIds[0]!, title: 'Efter støjen', createdBy: '', now: 1 },
				'a'
			);
			await waitFor(b.doc, () => getCard(b.doc, card) !== undefined);
			const late = board.client(board.team.cookies.viewer);
			await late.synced;
			expect(getCard(late.doc, card)?.title).toBe('Efter støjen');
			expect(readBoard(late.doc).lanes).toHaveLength(7);
		}
	);

	it('a frame above the size cap closes only that socket', async () => {
		const board = await startTestBoard(defer);
		const a = board.client(board.team.cookies.consultant);
		await a.synced;
		const bad = board.raw({ cookie: board.team.cookies.consultant });
		bad.send(new Uint8Array(4 * 1024 * 1024 + 1));
		expect((await bad.closed).code).toBe(1009);
		const late = board.client(board.team.cookies.leader);
		await late.synced;
		expect(readBoard(late.doc).lanes).toHaveLength(7);
	});

	it(
		'the server process survives garbage, and keeps syncing others',
		{ timeout: 60_000 },
		async () => {
			const t = await createTestDatabase();
			defer(t.remove);
			const team = await createTestTeam(t.db);
			const server = await startServerProcess(t.file);
			defer(() => stopServerProcess(server));
			const a = connectClient(server.url, team.boardId, team.cookies.consultant);
			defer(a.destroy);
			await a.synced;

			const random = seededRandom(7);
			for (const m of [
				...malformed.map((x) => x.frame),
				...Array.from({ length: 20 }, () =>
					Uint8Array.from({ length: 64 }, () => Math.floor(random() * 256))
				)
			]) {
				const bad = connectRaw(server.url, team.boardId, { cookie: team.cookies.consultant });
				defer(() => bad.ws.terminate());
				bad.send(m);
				await outcome(bad);
				bad.ws.terminate();
			}
			// Not even a WebSocket: raw bytes to the HTTP port.
			await new Promise<void>((resolve) => {
				const socket = net.connect(server.port, '127.0.0.1', () =>
					socket.end(Buffer.from([0, 1, 2, 255, 13, 10, 13, 10]))
				);
				socket.on('close', () => resolve());
				socket.on('error', () => resolve());
				socket.resume();
			});

			const card = addCard(
				a.doc,
				{ laneId: readBoard(a.doc).lanes[0]!.id, title: 'Overlevede', createdBy: '', now: 1 },
				'a'
			);
			const b = connectClient(server.url, team.boardId, team.cookies.leader);
			defer(b.destroy);
			await waitFor(b.doc, () => getCard(b.doc, card) !== undefined);
			expect(server.child.exitCode).toBeNull();
			expect(server.child.signalCode).toBeNull();
			expect(server.stderr()).not.toMatch(/"level":"error"/);
			const stored = await loadStoredDoc(t.db, team.boardId);
			expect(readBoard(stored)).toEqual(readBoard(a.doc));
			expect(getCard(stored, card)?.title).toBe('Overlevede');
		}
	);
});
