import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { addCard, getCard, getCards, readBoard } from '../../src/lib/board/model';
import { LIMITS } from '../../src/lib/board/types';
import {
	cleanupAfterEach,
	connectClient,
	countUpdateRows,
	craftCardUpdate,
	hasClient,
	loadStoredDoc,
	providerClosed,
	roundTrip,
	startSyncServer,
	startTestBoard,
	waitFor,
	type TestBoard
} from '../fixtures/sync-harness';

const defer = cleanupAfterEach();

afterEach(() => {
	vi.restoreAllMocks();
});

function unknownRootUpdate(): { update: Uint8Array; clientId: number } {
	const doc = new Y.Doc();
	doc.getMap('evil').set('payload', 'x');
	return { update: Y.encodeStateAsUpdate(doc), clientId: doc.clientID };
}

/** A structurally valid card with the longest allowed description, over and over: too big in total. */
function oversizedUpdate(laneId: string): { update: Uint8Array; clientId: number } {
	const doc = new Y.Doc();
	const description = 'x'.repeat(LIMITS.cardDescription);
	doc.transact(() => {
		for (let i = 0; i < 140; i++) {
			const card = new Y.Map<unknown>();
			doc.getMap('cards').set(`big${i}`, card);
			for (const [k, v] of Object.entries({
				id: `big${i}`,
				kind: 'note',
				laneId,
				order: `a${i}`,
				title: 'Stor',
				description,
				createdAt: 1
			}))
				card.set(k, v);
		}
	});
	return { update: Y.encodeStateAsUpdate(doc), clientId: doc.clientID };
}

/**
 * The refused update must reach nobody: after the refusal, an honest edit makes a round trip to
 * the observer, so anything broadcast before it would have arrived first.
 */
async function expectNotBroadcastNorStored(
	board: TestBoard,
	observer: ReturnType<TestBoard['client']>,
	editor: ReturnType<TestBoard['client']>,
	rowsBefore: number,
	clientId: number
): Promise<void> {
	const honest = addCard(
		editor.doc,
		{ laneId: board.laneIds[0]!, title: 'Ærlig redigering', createdBy: '', now: 9 },
		'e'
	);
	await waitFor(observer.doc, () => getCard(observer.doc, honest) !== undefined);
	await roundTrip(editor.provider);
	expect(hasClient(observer.doc, clientId)).toBe(false);
	expect(observer.doc.share.has('evil')).toBe(false);
	expect(await countUpdateRows(board.db, board.team.boardId)).toBe(rowsBefore + 1);
	const stored = await loadStoredDoc(board.db, board.team.boardId);
	expect(hasClient(stored, clientId)).toBe(false);
	expect(readBoard(stored)).toEqual(readBoard(observer.doc));
}

describe('an invalid update', () => {
	const cases: {
		name: string;
		craft: (laneId: string) => { update: Uint8Array; clientId: number };
		reason: RegExp;
	}[] = [
		{
			name: 'an unknown root',
			craft: () => unknownRootUpdate(),
			reason: /^invalid update: unknown root "evil"$/
		},
		{
			name: 'a card with a number as title',
			craft: (lane) => craftCardUpdate(lane, { title: 42 }),
			reason: /^invalid update: card crafted\d+: bad title$/
		},
		{
			name: 'a card with an unknown field',
			craft: (lane) => craftCardUpdate(lane, { cpr: '010190-1234' }),
			reason: /^invalid update: card crafted\d+: unknown field "cpr"$/
		},
		{
			name: 'a card with a too long title',
			craft: (lane) => craftCardUpdate(lane, { title: 'x'.repeat(LIMITS.cardTitle + 1) }),
			reason: /^invalid update: card crafted\d+: bad title$/
		},
		{
			name: 'a card of an unknown kind',
			craft: (lane) => craftCardUpdate(lane, { kind: 'citizen' }),
			reason: /^invalid update: card crafted\d+: unknown kind$/
		},
		{
			name: 'a card without an order key',
			craft: (lane) => craftCardUpdate(lane, { order: undefined }),
			reason: /^invalid update: card crafted\d+: bad order key$/
		}
	];

	for (const c of cases) {
		it(`with ${c.name} is refused with 4422 and a reason, not stored and not broadcast`, async () => {
			const board = await startTestBoard(defer);
			const editor = board.client(board.team.cookies.consultant);
			const observer = board.client(board.team.cookies.leader);
			await Promise.all([editor.synced, observer.synced]);
			await roundTrip(editor.provider);
			const rowsBefore = await countUpdateRows(board.db, board.team.boardId);

			const attacker = board.raw({ cookie: board.team.cookies.consultant });
			attacker.requestSync();
			await attacker.synced;
			const crafted = c.craft(board.laneIds[0]!);
			attacker.sendUpdate(crafted.update);
			const closed = await attacker.closed;
			expect(closed.code).toBe(4422);
			expect(closed.reason).toMatch(c.reason);
			expect(attacker.denied).toEqual([closed.reason]);

			await expectNotBroadcastNorStored(board, observer, editor, rowsBefore, crafted.clientId);
			// The editor and the observer are still connected and served.
			expect(editor.provider.wsconnected && observer.provider.wsconnected).toBe(true);
		});
	}

	it('from the stock client ends with its closed event and the reason logged by the client', async () => {
		const warnings: string[] = [];
		vi.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => {
			warnings.push(args.join(' '));
		});
		const board = await startTestBoard(defer);
		const bad = board.client(board.team.cookies.consultant);
		const observer = board.client(board.team.cookies.leader);
		const editor = board.client(board.team.cookies.consultant);
		await Promise.all([bad.synced, observer.synced, editor.synced]);
		const rowsBefore = await countUpdateRows(board.db, board.team.boardId);
		const closed = providerClosed(bad.provider);
		// Bypasses the model: an empty map as a card.
		getCards(bad.doc).set('broken', new Y.Map<string | number>());
		expect(await closed).toEqual({ code: 4422, reason: 'invalid update: card broken: bad id' });
		expect(bad.provider.shouldConnect).toBe(false);
		expect(
			warnings.some(
				(w) => w.includes('Permission denied') && w.includes('invalid update: card broken: bad id')
			)
		).toBe(true);
		await expectNotBroadcastNorStored(board, observer, editor, rowsBefore, bad.doc.clientID);
	});

	it('ends the socket: valid frames sent right behind it are not accepted either', async () => {
		const board = await startTestBoard(defer);
		const observer = board.client(board.team.cookies.leader);
		const editor = board.client(board.team.cookies.consultant);
		await Promise.all([observer.synced, editor.synced]);
		const rowsBefore = await countUpdateRows(board.db, board.team.boardId);
		const attacker = board.raw({ cookie: board.team.cookies.consultant });
		const invalid = craftCardUpdate(board.laneIds[0]!, { title: 42 });
		const behind = craftCardUpdate(board.laneIds[0]!, { title: 'Sendt lige efter' });
		// Both frames leave together, so the second is queued before the first is refused.
		attacker.sendUpdate(invalid.update);
		attacker.sendUpdate(behind.update);
		expect((await attacker.closed).code).toBe(4422);
		await expectNotBroadcastNorStored(board, observer, editor, rowsBefore, behind.clientId);
		expect(hasClient(observer.doc, invalid.clientId)).toBe(false);
	});

	it('is gone after a restart', async () => {
		const board = await startTestBoard(defer);
		const attacker = board.raw({ cookie: board.team.cookies.leader });
		const crafted = craftCardUpdate(board.laneIds[0]!, { title: 7 });
		attacker.sendUpdate(crafted.update);
		expect((await attacker.closed).code).toBe(4422);
		await board.server.app.close();
		const again = await startSyncServer(board.db);
		defer(() => again.app.close());
		const fresh = connectClient(again.url, board.team.boardId, board.team.cookies.viewer);
		defer(fresh.destroy);
		await fresh.synced;
		expect(hasClient(fresh.doc, crafted.clientId)).toBe(false);
		expect(getCards(fresh.doc).has(crafted.cardId)).toBe(false);
		expect(readBoard(fresh.doc).lanes).toHaveLength(7);
	});
});

describe('an oversized update', () => {
	it('is refused with 4413, not stored and not broadcast (raw client)', async () => {
		const board = await startTestBoard(defer);
		const editor = board.client(board.team.cookies.consultant);
		const observer = board.client(board.team.cookies.leader);
		await Promise.all([editor.synced, observer.synced]);
		const rowsBefore = await countUpdateRows(board.db, board.team.boardId);
		const big = oversizedUpdate(board.laneIds[0]!);
		expect(big.update.byteLength).toBeGreaterThan(LIMITS.updateBytes);

		const attacker = board.raw({ cookie: board.team.cookies.consultant });
		attacker.sendUpdate(big.update);
		const closed = await attacker.closed;
		expect(closed).toEqual({
			code: 4413,
			reason: `update too large (${big.update.byteLength} bytes, limit ${LIMITS.updateBytes})`
		});
		expect(attacker.denied).toEqual([closed.reason]);
		await expectNotBroadcastNorStored(board, observer, editor, rowsBefore, big.clientId);
	});

	it('made by the stock client through the model is refused with 4413', async () => {
		// The stock client logs the reason with console.warn.
		vi.spyOn(console, 'warn').mockImplementation(() => undefined);
		const board = await startTestBoard(defer);
		const bad = board.client(board.team.cookies.consultant);
		await bad.synced;
		const rowsBefore = await countUpdateRows(board.db, board.team.boardId);
		const closed = providerClosed(bad.provider);
		// Valid cards, one transaction: each is fine, together they exceed the limit.
		bad.doc.transact(() => {
			for (let i = 0; i < 140; i++)
				addCard(
					bad.doc,
					{
						laneId: board.laneIds[0]!,
						title: `Kort ${i}`,
						description: 'y'.repeat(LIMITS.cardDescription),
						createdBy: '',
						now: 1
					},
					'bad'
				);
		});
		const event = await closed;
		expect(event.code).toBe(4413);
		expect(event.reason).toMatch(/^update too large \(\d+ bytes, limit 524288\)$/);
		await board.server.app.sync.drain();
		expect(await countUpdateRows(board.db, board.team.boardId)).toBe(rowsBefore);
		expect(readBoard(await loadStoredDoc(board.db, board.team.boardId)).cardCount).toBe(0);
	});
});
