import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	addCard,
	deleteCard,
	getCard,
	listCards,
	listLanes,
	moveCard,
	readBoard,
	renameLane,
	updateCard
} from '../../src/lib/board/model';
import { checkBoard } from '../../src/lib/board/schema';
import {
	cleanupAfterEach,
	loadStoredDoc,
	seededRandom,
	startTestBoard,
	waitFor,
	waitForConvergence
} from '../fixtures/sync-harness';

const defer = cleanupAfterEach();

describe('two stock clients converge', () => {
	it('after concurrent edits while both are connected', async () => {
		const board = await startTestBoard(defer);
		const a = board.client(board.team.cookies.consultant);
		const b = board.client(board.team.cookies.leader);
		await Promise.all([a.synced, b.synced]);
		const [ny, behov, kandidater] = board.laneIds;
		const shared = addCard(a.doc, { laneId: ny!, title: 'Delt kort', createdBy: '', now: 1 }, 'a');
		await waitFor(b.doc, () => getCard(b.doc, shared) !== undefined);

		// Same tick on both sides: neither has seen the other's edit when making its own.
		moveCard(a.doc, { cardId: shared, toLaneId: behov!, index: 0 }, 'a');
		moveCard(b.doc, { cardId: shared, toLaneId: kandidater!, index: 0 }, 'b');
		updateCard(a.doc, shared, { title: 'Titel fra A' }, 2, 'a');
		updateCard(b.doc, shared, { description: 'Beskrivelse fra B' }, 3, 'b');
		for (let i = 0; i < 10; i++) {
			addCard(a.doc, { laneId: ny!, title: `A${i}`, createdBy: '', now: 10 + i, index: 0 }, 'a');
			addCard(b.doc, { laneId: ny!, title: `B${i}`, createdBy: '', now: 10 + i, index: 0 }, 'b');
		}

		await waitForConvergence([a.doc, b.doc]);
		const view = readBoard(a.doc);
		expect(readBoard(b.doc)).toEqual(view);
		expect(checkBoard(a.doc)).toEqual({ ok: true });
		expect(view.cardCount).toBe(21);
		expect(view.orphans).toEqual([]);
		const card = getCard(a.doc, shared)!;
		// One of the two moves wins; both field edits survive because they touch different keys.
		expect([behov, kandidater]).toContain(card.laneId);
		expect(card.title).toBe('Titel fra A');
		expect(card.description).toBe('Beskrivelse fra B');
		const titles = view.lanes[0]!.cards.map((c) => c.title).sort();
		expect(titles).toEqual(
			[
				...Array.from({ length: 10 }, (_, i) => `A${i}`),
				...Array.from({ length: 10 }, (_, i) => `B${i}`)
			].sort()
		);

		// The database holds the same board.
		await board.server.app.sync.drain();
		const stored = await loadStoredDoc(board.db, board.team.boardId);
		expect(readBoard(stored)).toEqual(view);
	});

	it('after one of them edits while disconnected', async () => {
		const board = await startTestBoard(defer);
		const a = board.client(board.team.cookies.consultant);
		const b = board.client(board.team.cookies.consultant);
		await Promise.all([a.synced, b.synced]);
		const [ny, behov, kandidater, formidlet] = board.laneIds;
		const moved = addCard(
			a.doc,
			{ laneId: ny!, title: 'Flyttes af begge', createdBy: '', now: 1 },
			'a'
		);
		const deleted = addCard(
			a.doc,
			{ laneId: ny!, title: 'Slettes af A', createdBy: '', now: 1 },
			'a'
		);
		const edited = addCard(
			a.doc,
			{ laneId: ny!, title: 'Redigeres af B offline', createdBy: '', now: 1 },
			'a'
		);
		await waitFor(b.doc, () => readBoard(b.doc).cardCount === 3);

		b.provider.disconnect();
		moveCard(b.doc, { cardId: moved, toLaneId: kandidater!, index: 0 }, 'b');
		updateCard(b.doc, edited, { title: 'Offline titel', due: '2026-11-27' }, 5, 'b');
		const offline = Array.from({ length: 5 }, (_, i) =>
			addCard(b.doc, { laneId: formidlet!, title: `Offline ${i}`, createdBy: '', now: 5 }, 'b')
		);
		moveCard(a.doc, { cardId: moved, toLaneId: behov!, index: 0 }, 'a');
		deleteCard(a.doc, deleted, 'a');
		renameLane(a.doc, ny!, 'Nye åbninger', 'a');
		await board.server.app.sync.drain();
		// While B is away, A's edits are stored but B has none of them.
		expect(getCard(b.doc, deleted)).toBeDefined();
		expect(listLanes(b.doc)[0]!.title).toBe('Ny');

		b.provider.connect();
		await waitForConvergence([a.doc, b.doc]);
		const view = readBoard(a.doc);
		expect(readBoard(b.doc)).toEqual(view);
		expect(checkBoard(b.doc)).toEqual({ ok: true });
		expect(view.cardCount).toBe(2 + 5);
		expect(getCard(a.doc, deleted)).toBeUndefined();
		expect(view.lanes[0]!.title).toBe('Nye åbninger');
		expect([behov, kandidater]).toContain(getCard(a.doc, moved)!.laneId);
		expect(getCard(a.doc, edited)).toMatchObject({ title: 'Offline titel', due: '2026-11-27' });
		expect(view.lanes[3]!.cards.map((c) => c.id).sort()).toEqual([...offline].sort());

		await board.server.app.sync.drain();
		expect(readBoard(await loadStoredDoc(board.db, board.team.boardId))).toEqual(view);
	});

	it('with seeded random edits, disconnects and reconnects on three clients', async () => {
		const board = await startTestBoard(defer);
		const clients = [
			board.client(board.team.cookies.consultant),
			board.client(board.team.cookies.leader),
			board.client(board.team.cookies.consultant)
		];
		await Promise.all(clients.map((c) => c.synced));
		const random = seededRandom(20260527);
		const pick = <T>(items: readonly T[]): T | undefined =>
			items[Math.floor(random() * items.length)];
		let added = 0;
		for (let step = 0; step < 150; step++) {
			const client = pick(clients)!;
			const roll = random();
			const cards = listCards(client.doc);
			const lane = pick(board.laneIds)!;
			if (roll < 0.08) {
				if (client.provider.shouldConnect) client.provider.disconnect();
				else client.provider.connect();
			} else if (roll < 0.4 || cards.length === 0) {
				addCard(
					client.doc,
					{
						laneId: lane,
						title: `Kort ${++added}`,
						createdBy: '',
						now: step,
						index: Math.floor(random() * 5)
					},
					'fuzz'
				);
			} else if (roll < 0.75) {
				moveCard(
					client.doc,
					{ cardId: pick(cards)!.id, toLaneId: lane, index: Math.floor(random() * 5) },
					'fuzz'
				);
			} else if (roll < 0.9) {
				updateCard(client.doc, pick(cards)!.id, { title: `Ændret ${step}` }, step, 'fuzz');
			} else {
				deleteCard(client.doc, pick(cards)!.id, 'fuzz');
			}
			// Let the network interleave with the edits now and then.
			if (random() < 0.2) await new Promise((resolve) => setImmediate(resolve));
		}
		for (const c of clients) if (!c.provider.shouldConnect) c.provider.connect();
		await waitForConvergence(clients.map((c) => c.doc));
		const view = readBoard(clients[0]!.doc);
		for (const c of clients) {
			expect(readBoard(c.doc)).toEqual(view);
			expect(checkBoard(c.doc)).toEqual({ ok: true });
		}
		expect(view.cardCount).toBeGreaterThan(0);
		expect(view.orphans).toEqual([]);
		await board.server.app.sync.drain();
		const stored = await loadStoredDoc(board.db, board.team.boardId);
		expect(Y.equalSnapshots(Y.snapshot(stored), Y.snapshot(clients[0]!.doc))).toBe(true);
		expect(readBoard(stored)).toEqual(view);
	});
});
