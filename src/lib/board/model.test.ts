import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
	applyCrafted,
	buildBoard,
	expectRefused,
	NOW,
	rawCardFields,
	setRawMap,
	USER_ANNA,
	USER_BO,
	transactionsOf
} from '../../../tests/fixtures/board-fixtures';
import {
	addCard,
	addLane,
	deleteCard,
	deleteLane,
	getCard,
	getCards,
	getLanes,
	getMeta,
	initBoard,
	listLanes,
	moveCard,
	moveLane,
	readBoard,
	renameLane,
	restoreCard,
	updateCard
} from './model';
import { REBALANCE_KEY_LENGTH } from './order';
import { checkBoard } from './schema';
import { LIMITS, SCHEMA_VERSION } from './types';

const ORIGIN = { user: 'test-origin' };

function laneTitles(doc: Y.Doc): string[] {
	return readBoard(doc).lanes.map((l) => l.title);
}

function cardTitles(doc: Y.Doc, laneId: string): string[] {
	const lane = readBoard(doc).lanes.find((l) => l.id === laneId);
	if (!lane) throw new Error(`no lane ${laneId}`);
	return lane.cards.map((c) => c.title);
}

function threeCards() {
	return buildBoard({
		Ny: ['Kok, Kantine Nord', 'Lagerhjælp, Fjordlager', 'Pedel, Skovskolen', 'Chauffør, Bybusser'],
		'Behov afdækket': ['Rengøring, Havnehotellet'],
		Besat: []
	});
}

describe('initBoard', () => {
	it('writes the schema version and the lanes in the given order, trimmed', () => {
		const doc = new Y.Doc();
		const ids = initBoard(doc, [' Ny ', 'Behov afdækket', 'Besat'], ORIGIN);
		expect(getMeta(doc).get('schemaVersion')).toBe(SCHEMA_VERSION);
		expect(readBoard(doc).lanes.map((l) => l.id)).toEqual(ids);
		expect(laneTitles(doc)).toEqual(['Ny', 'Behov afdækket', 'Besat']);
		expect(new Set(ids).size).toBe(3);
		expect(checkBoard(doc)).toEqual({ ok: true });
	});

	it('writes nothing when one title is invalid (a throwing transaction keeps what it wrote)', () => {
		const doc = new Y.Doc();
		expectRefused(doc, 'invalid', () => initBoard(doc, ['Ny', '   '], ORIGIN));
		expect(getLanes(doc).size).toBe(0);
		expect(getMeta(doc).size).toBe(0);
	});

	it('refuses more lanes than the limit', () => {
		const doc = new Y.Doc();
		const titles = Array.from({ length: LIMITS.lanes + 1 }, (_, i) => `Kolonne ${i + 1}`);
		expectRefused(doc, 'limit', () => initBoard(doc, titles, ORIGIN));
	});
});

describe('lanes', () => {
	it('adds a lane at the end by default and at a given index', () => {
		const { doc } = buildBoard({ Ny: [], Besat: [] });
		const last = addLane(doc, { title: 'Ikke besat' }, ORIGIN);
		addLane(doc, { title: 'Formidlet', index: 1 }, ORIGIN);
		addLane(doc, { title: 'Indbakke', index: 0 }, ORIGIN);
		expect(laneTitles(doc)).toEqual(['Indbakke', 'Ny', 'Formidlet', 'Besat', 'Ikke besat']);
		expect(readBoard(doc).lanes.at(-1)!.id).toBe(last);
	});

	it('uses a given id and refuses an invalid or taken one', () => {
		const { doc, lane } = buildBoard({ Ny: [] });
		expect(addLane(doc, { title: 'Besat', id: 'lane-besat' }, ORIGIN)).toBe('lane-besat');
		expectRefused(doc, 'invalid', () => addLane(doc, { title: 'X', id: 'Not An Id' }, ORIGIN));
		expectRefused(doc, 'invalid', () => addLane(doc, { title: 'X', id: lane('Ny') }, ORIGIN));
		expect(laneTitles(doc)).toEqual(['Ny', 'Besat']);
	});

	it('refuses an empty or too long title and a lane beyond the limit', () => {
		const { doc } = buildBoard({ Ny: [] });
		expectRefused(doc, 'invalid', () => addLane(doc, { title: ' ' }, ORIGIN));
		expectRefused(doc, 'invalid', () =>
			addLane(doc, { title: 'x'.repeat(LIMITS.laneTitle + 1) }, ORIGIN)
		);
		addLane(doc, { title: 'x'.repeat(LIMITS.laneTitle) }, ORIGIN);
		for (let i = listLanes(doc).length; i < LIMITS.lanes; i++)
			addLane(doc, { title: `K${i}` }, ORIGIN);
		expectRefused(doc, 'limit', () => addLane(doc, { title: 'En for meget' }, ORIGIN));
		expect(checkBoard(doc)).toEqual({ ok: true });
	});

	it('renames a lane, trimmed, and refuses an empty name or an unknown lane', () => {
		const { doc, lane } = buildBoard({ Ny: [], Besat: [] });
		renameLane(doc, lane('Ny'), '  Nye jobåbninger ', ORIGIN);
		expect(laneTitles(doc)).toEqual(['Nye jobåbninger', 'Besat']);
		expectRefused(doc, 'invalid', () => renameLane(doc, lane('Besat'), '', ORIGIN));
		expectRefused(doc, 'not-found', () => renameLane(doc, 'no-such-lane', 'X', ORIGIN));
	});

	it('moves a lane to the front, the back and the middle', () => {
		const { doc, lane } = buildBoard({ A: [], B: [], C: [], D: [] });
		moveLane(doc, lane('D'), 0, ORIGIN);
		expect(laneTitles(doc)).toEqual(['D', 'A', 'B', 'C']);
		moveLane(doc, lane('D'), 3, ORIGIN);
		expect(laneTitles(doc)).toEqual(['A', 'B', 'C', 'D']);
		moveLane(doc, lane('A'), 2, ORIGIN);
		expect(laneTitles(doc)).toEqual(['B', 'C', 'A', 'D']);
		expectRefused(doc, 'not-found', () => moveLane(doc, 'no-such-lane', 0, ORIGIN));
	});

	it('deletes an empty lane but refuses one that still has cards', () => {
		const { doc, lane } = buildBoard({ Ny: ['Kok, Kantine Nord'], Besat: [] });
		expectRefused(doc, 'lane-not-empty', () => deleteLane(doc, lane('Ny'), ORIGIN));
		deleteLane(doc, lane('Besat'), ORIGIN);
		expect(laneTitles(doc)).toEqual(['Ny']);
		expectRefused(doc, 'not-found', () => deleteLane(doc, lane('Besat'), ORIGIN));
	});
});

describe('addCard', () => {
	it('stores every field and reads back what was written', () => {
		const { doc, lane } = buildBoard({ Ny: [] });
		const id = addCard(
			doc,
			{
				laneId: lane('Ny'),
				kind: 'note',
				title: '  Husk: jobmesse i uge 49 ',
				description: 'Stand nr. 12',
				ownerId: USER_BO,
				due: '2026-12-03',
				createdBy: USER_ANNA,
				now: NOW
			},
			ORIGIN
		);
		expect(getCard(doc, id)).toEqual({
			id,
			kind: 'note',
			laneId: lane('Ny'),
			order: expect.any(String),
			title: 'Husk: jobmesse i uge 49',
			description: 'Stand nr. 12',
			ownerId: USER_BO,
			due: '2026-12-03',
			createdAt: NOW,
			createdBy: USER_ANNA,
			updatedAt: NOW
		});
		expect(checkBoard(doc)).toEqual({ ok: true });
	});

	it('defaults to an action with empty optional fields at the end of the lane', () => {
		const { doc, lane } = threeCards();
		const id = addCard(doc, { laneId: lane('Ny'), title: 'Ny', createdBy: '', now: NOW }, ORIGIN);
		const card = getCard(doc, id)!;
		expect(card).toMatchObject({
			kind: 'action',
			description: '',
			ownerId: '',
			due: '',
			createdBy: ''
		});
		expect(readBoard(doc).lanes[0]!.cards.at(-1)!.id).toBe(id);
	});

	it('places a card at the start, in the middle and past the end of a lane', () => {
		const { doc, lane } = buildBoard({ Ny: ['B', 'D'] });
		const at = (title: string, index: number) =>
			addCard(doc, { laneId: lane('Ny'), title, index, createdBy: USER_ANNA, now: NOW }, ORIGIN);
		at('A', 0);
		at('C', 2);
		at('E', 99);
		expect(cardTitles(doc, lane('Ny'))).toEqual(['A', 'B', 'C', 'D', 'E']);
	});

	it('refuses a card in an unknown lane', () => {
		const { doc } = buildBoard({ Ny: [] });
		expectRefused(doc, 'not-found', () =>
			addCard(doc, { laneId: 'no-such-lane', title: 'X', createdBy: '', now: NOW }, ORIGIN)
		);
	});

	it.each([
		['an empty title', { title: '' }],
		['a title of only spaces', { title: '   ' }],
		['a title over the limit', { title: 'x'.repeat(LIMITS.cardTitle + 1) }],
		['a description over the limit', { description: 'x'.repeat(LIMITS.cardDescription + 1) }],
		['a due date in Danish notation', { due: '27.11.2026' }],
		['a due date with month 13', { due: '2026-13-01' }],
		['a due date that does not exist', { due: '2026-02-30' }],
		['an owner that is not an id', { ownerId: 'Anna Hansen' }],
		['a creator that is not an id', { createdBy: 'Anna Hansen' }],
		['a time that is not whole milliseconds', { now: NOW + 0.5 }],
		['a kind the schema does not know', { kind: 'opening' }],
		['an id that is not an id', { id: 'Not An Id' }]
	])('refuses %s and leaves the doc unchanged', (_what, patch) => {
		const { doc, lane } = threeCards();
		const input = { laneId: lane('Ny'), title: 'Kok', createdBy: USER_ANNA, now: NOW, ...patch };
		expectRefused(doc, 'invalid', () =>
			addCard(doc, input as Parameters<typeof addCard>[1], ORIGIN)
		);
	});

	it('refuses an id that is already a card (it would overwrite that card)', () => {
		const { doc, lane, card } = threeCards();
		expectRefused(doc, 'invalid', () =>
			addCard(
				doc,
				{
					laneId: lane('Besat'),
					title: 'X',
					createdBy: '',
					now: NOW,
					id: card('Kok, Kantine Nord')
				},
				ORIGIN
			)
		);
	});

	it('accepts a title exactly at the limit', () => {
		const { doc, lane } = buildBoard({ Ny: [] });
		const title = 'x'.repeat(LIMITS.cardTitle);
		const id = addCard(doc, { laneId: lane('Ny'), title, createdBy: '', now: NOW }, ORIGIN);
		expect(getCard(doc, id)!.title).toBe(title);
	});

	it('keeps every card visible after hundreds of inserts at the same spot', () => {
		// Regression: each insert between the same two neighbours made the key longer, until after
		// 468 inserts a key passed the schema's 80 characters and the new card silently vanished.
		const { doc, lane } = buildBoard({ Ny: ['Først', 'Sidst'] });
		for (let i = 0; i < 500; i++)
			addCard(
				doc,
				{ laneId: lane('Ny'), title: `Kort ${i}`, index: 1, createdBy: '', now: NOW },
				ORIGIN
			);
		const titles = cardTitles(doc, lane('Ny'));
		expect(titles).toHaveLength(502);
		expect(titles.slice(0, 3)).toEqual(['Først', 'Kort 499', 'Kort 498']);
		expect(titles.at(-1)).toBe('Sidst');
		for (const c of readBoard(doc).lanes[0]!.cards)
			expect(c.order.length).toBeLessThanOrEqual(REBALANCE_KEY_LENGTH);
		expect(checkBoard(doc)).toEqual({ ok: true });
	});
});

describe('updateCard', () => {
	it('sets only the fields that changed and bumps updatedAt', () => {
		const { doc, card } = threeCards();
		const id = card('Kok, Kantine Nord');
		const changedKeys: string[] = [];
		getCards(doc)
			.get(id)!
			.observe((event) => changedKeys.push(...event.keysChanged));
		updateCard(
			doc,
			id,
			{ title: 'Kok, Kantine Nord', description: 'Fuld tid', due: '2026-12-01' },
			NOW + 60_000,
			ORIGIN
		);
		expect(changedKeys.sort()).toEqual(['description', 'due', 'updatedAt']);
		expect(getCard(doc, id)).toMatchObject({
			title: 'Kok, Kantine Nord',
			description: 'Fuld tid',
			due: '2026-12-01',
			createdAt: NOW,
			updatedAt: NOW + 60_000
		});
	});

	it('does not bump updatedAt when nothing changed', () => {
		const { doc, card } = threeCards();
		const id = card('Kok, Kantine Nord');
		updateCard(doc, id, { title: ' Kok, Kantine Nord ' }, NOW + 60_000, ORIGIN);
		expect(getCard(doc, id)!.updatedAt).toBe(NOW);
	});

	it('clears a due date and an owner with empty strings', () => {
		const { doc, card } = threeCards();
		const id = card('Kok, Kantine Nord');
		updateCard(doc, id, { due: '2026-12-01', ownerId: USER_BO }, NOW + 1, ORIGIN);
		updateCard(doc, id, { due: '', ownerId: '' }, NOW + 2, ORIGIN);
		expect(getCard(doc, id)).toMatchObject({ due: '', ownerId: '', updatedAt: NOW + 2 });
	});

	it('keeps concurrent edits of different fields from two devices', () => {
		const { doc, card } = threeCards();
		const other = new Y.Doc();
		Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
		const id = card('Kok, Kantine Nord');
		updateCard(doc, id, { title: 'Kok, 30 timer' }, NOW + 1, ORIGIN);
		updateCard(other, id, { due: '2026-12-10' }, NOW + 2, ORIGIN);
		Y.applyUpdate(doc, Y.encodeStateAsUpdate(other));
		Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
		expect(getCard(doc, id)).toMatchObject({ title: 'Kok, 30 timer', due: '2026-12-10' });
		expect(readBoard(other)).toEqual(readBoard(doc));
	});

	it.each([
		['an empty title', { title: '' }],
		['a too long description', { description: 'x'.repeat(LIMITS.cardDescription + 1) }],
		['a bad due date', { due: '2026-1-5' }],
		['an owner that is not an id', { ownerId: 'anna@demoby.dk' }]
	])('refuses %s and leaves the doc unchanged', (_what, patch) => {
		const { doc, card } = threeCards();
		expectRefused(doc, 'invalid', () =>
			updateCard(doc, card('Kok, Kantine Nord'), patch, NOW + 1, ORIGIN)
		);
	});

	it('refuses a bad time and an unknown card', () => {
		const { doc, card } = threeCards();
		expectRefused(doc, 'invalid', () =>
			updateCard(doc, card('Kok, Kantine Nord'), { title: 'X' }, Number.NaN, ORIGIN)
		);
		expectRefused(doc, 'not-found', () =>
			updateCard(doc, 'no-such-card', { title: 'X' }, NOW, ORIGIN)
		);
	});
});

describe('moveCard', () => {
	const ny = [
		'Kok, Kantine Nord',
		'Lagerhjælp, Fjordlager',
		'Pedel, Skovskolen',
		'Chauffør, Bybusser'
	];

	it('moves a card down within its lane', () => {
		const { doc, lane, card } = threeCards();
		moveCard(doc, { cardId: card(ny[0]!), toLaneId: lane('Ny'), index: 2 }, ORIGIN);
		expect(cardTitles(doc, lane('Ny'))).toEqual([ny[1], ny[2], ny[0], ny[3]]);
	});

	it('moves a card up within its lane', () => {
		const { doc, lane, card } = threeCards();
		moveCard(doc, { cardId: card(ny[3]!), toLaneId: lane('Ny'), index: 1 }, ORIGIN);
		expect(cardTitles(doc, lane('Ny'))).toEqual([ny[0], ny[3], ny[1], ny[2]]);
	});

	it('moves a card to the top and the bottom of its lane', () => {
		const { doc, lane, card } = threeCards();
		moveCard(doc, { cardId: card(ny[2]!), toLaneId: lane('Ny'), index: 0 }, ORIGIN);
		expect(cardTitles(doc, lane('Ny'))).toEqual([ny[2], ny[0], ny[1], ny[3]]);
		moveCard(doc, { cardId: card(ny[2]!), toLaneId: lane('Ny'), index: 3 }, ORIGIN);
		expect(cardTitles(doc, lane('Ny'))).toEqual([ny[0], ny[1], ny[3], ny[2]]);
	});

	it('moves a card between lanes, to a given index and into an empty lane', () => {
		const { doc, lane, card } = threeCards();
		moveCard(doc, { cardId: card(ny[1]!), toLaneId: lane('Behov afdækket'), index: 0 }, ORIGIN);
		expect(cardTitles(doc, lane('Ny'))).toEqual([ny[0], ny[2], ny[3]]);
		expect(cardTitles(doc, lane('Behov afdækket'))).toEqual([ny[1], 'Rengøring, Havnehotellet']);
		expect(getCard(doc, card(ny[1]!))!.laneId).toBe(lane('Behov afdækket'));
		moveCard(doc, { cardId: card(ny[0]!), toLaneId: lane('Besat'), index: 5 }, ORIGIN);
		expect(cardTitles(doc, lane('Besat'))).toEqual([ny[0]]);
	});

	it('leaves the keys of other cards alone when keys are distinct', () => {
		const { doc, lane, card } = threeCards();
		const before = readBoard(doc).lanes[0]!.cards.map((c) => c.order);
		moveCard(doc, { cardId: card(ny[3]!), toLaneId: lane('Ny'), index: 1 }, ORIGIN);
		const after = readBoard(doc).lanes[0]!.cards;
		expect([after[0]!.order, after[2]!.order, after[3]!.order]).toEqual(before.slice(0, 3));
	});

	it('lands exactly where asked after two devices moved cards to the same spot', () => {
		const { doc, lane, card } = threeCards();
		const other = new Y.Doc();
		Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
		moveCard(doc, { cardId: card(ny[2]!), toLaneId: lane('Ny'), index: 1 }, ORIGIN);
		moveCard(other, { cardId: card(ny[3]!), toLaneId: lane('Ny'), index: 1 }, ORIGIN);
		Y.applyUpdate(doc, Y.encodeStateAsUpdate(other));
		const cards = readBoard(doc).lanes[0]!.cards;
		// Both got the same key; the id decides which is first, identically everywhere.
		expect(cards[1]!.order).toBe(cards[2]!.order);
		const [first, second] = [cards[1]!.title, cards[2]!.title];
		// Index 1 (counted without the moved card) is between the two cards with equal keys.
		moveCard(doc, { cardId: card(ny[0]!), toLaneId: lane('Ny'), index: 1 }, ORIGIN);
		expect(cardTitles(doc, lane('Ny'))).toEqual([first, ny[0], second, ny[1]]);
		const keys = readBoard(doc).lanes[0]!.cards.map((c) => c.order);
		for (let i = 1; i < keys.length; i++) expect(keys[i]! > keys[i - 1]!).toBe(true);
	});

	it('refuses an unknown card or lane', () => {
		const { doc, lane, card } = threeCards();
		expectRefused(doc, 'not-found', () =>
			moveCard(doc, { cardId: 'no-such-card', toLaneId: lane('Ny'), index: 0 }, ORIGIN)
		);
		expectRefused(doc, 'not-found', () =>
			moveCard(doc, { cardId: card(ny[0]!), toLaneId: 'no-such-lane', index: 0 }, ORIGIN)
		);
	});
});

describe('deleteCard and restoreCard', () => {
	it('deletes a card and puts it back where it was, with every field', () => {
		const { doc, lane, card } = threeCards();
		const id = card('Pedel, Skovskolen');
		updateCard(
			doc,
			id,
			{ ownerId: USER_BO, due: '2026-12-02', description: 'Ring mandag' },
			NOW + 5,
			ORIGIN
		);
		const before = readBoard(doc);
		const deleted = deleteCard(doc, id, ORIGIN);
		expect(getCard(doc, id)).toBeUndefined();
		expect(cardTitles(doc, lane('Ny'))).not.toContain('Pedel, Skovskolen');
		restoreCard(doc, deleted, ORIGIN);
		expect(readBoard(doc)).toEqual(before);
	});

	it('restores into the end of the first lane when its own lane is gone', () => {
		const { doc, lane, card } = threeCards();
		const deleted = deleteCard(doc, card('Rengøring, Havnehotellet'), ORIGIN);
		deleteLane(doc, lane('Behov afdækket'), ORIGIN);
		restoreCard(doc, deleted, ORIGIN);
		const restored = getCard(doc, deleted.id)!;
		expect(restored.laneId).toBe(lane('Ny'));
		expect(cardTitles(doc, lane('Ny')).at(-1)).toBe('Rengøring, Havnehotellet');
		expect(readBoard(doc).orphans).toEqual([]);
		expect(checkBoard(doc)).toEqual({ ok: true });
	});

	it('refuses to restore a card that exists, instead of overwriting newer edits', () => {
		const { doc, card } = threeCards();
		const id = card('Kok, Kantine Nord');
		const deleted = deleteCard(doc, id, ORIGIN);
		restoreCard(doc, deleted, ORIGIN);
		updateCard(doc, id, { title: 'Kok, rettet' }, NOW + 1, ORIGIN);
		expectRefused(doc, 'invalid', () => restoreCard(doc, deleted, ORIGIN));
		expect(getCard(doc, id)!.title).toBe('Kok, rettet');
	});

	it('refuses to restore when the board has no lanes, and a card that fails the checks', () => {
		const { doc, lane, card } = buildBoard({ Ny: ['Kok, Kantine Nord'] });
		const deleted = deleteCard(doc, card('Kok, Kantine Nord'), ORIGIN);
		expectRefused(doc, 'invalid', () => restoreCard(doc, { ...deleted, title: '' }, ORIGIN));
		expectRefused(doc, 'invalid', () => restoreCard(doc, { ...deleted, order: 'a!' }, ORIGIN));
		deleteLane(doc, lane('Ny'), ORIGIN);
		expectRefused(doc, 'not-found', () => restoreCard(doc, deleted, ORIGIN));
	});

	it('refuses to delete an unknown card', () => {
		const { doc } = threeCards();
		expectRefused(doc, 'not-found', () => deleteCard(doc, 'no-such-card', ORIGIN));
	});
});

describe('readBoard', () => {
	it('shows a card moved into a lane that was deleted at the same time as an orphan', () => {
		const { doc, lane, card } = threeCards();
		const other = new Y.Doc();
		Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
		deleteLane(doc, lane('Besat'), ORIGIN);
		moveCard(
			other,
			{ cardId: card('Kok, Kantine Nord'), toLaneId: lane('Besat'), index: 0 },
			ORIGIN
		);
		Y.applyUpdate(doc, Y.encodeStateAsUpdate(other));
		Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
		const board = readBoard(doc);
		expect(board.orphans.map((c) => c.title)).toEqual(['Kok, Kantine Nord']);
		expect(board.cardCount).toBe(5);
		expect(readBoard(other)).toEqual(board);
		// An orphan can be moved back into a lane.
		moveCard(doc, { cardId: card('Kok, Kantine Nord'), toLaneId: lane('Ny'), index: 0 }, ORIGIN);
		expect(readBoard(doc).orphans).toEqual([]);
		expect(cardTitles(doc, lane('Ny'))[0]).toBe('Kok, Kantine Nord');
	});

	it('skips an entry that fails the schema check and still shows the rest', () => {
		const { doc, lane } = threeCards();
		applyCrafted(doc, (evil) => {
			setRawMap(
				evil.getMap('cards'),
				'bad-card',
				rawCardFields('bad-card', lane('Ny'), { title: 42 })
			);
		});
		const board = readBoard(doc);
		expect(board.cardCount).toBe(5);
		expect(board.lanes[0]!.cards.map((c) => c.id)).not.toContain('bad-card');
	});
});

describe('transactions', () => {
	it('initBoard is exactly one transaction with the given origin', () => {
		const doc = new Y.Doc();
		expect(transactionsOf(doc, () => initBoard(doc, ['Ny', 'Besat'], ORIGIN))).toEqual([ORIGIN]);
	});

	it.each<[string, (b: ReturnType<typeof threeCards>) => void]>([
		['addLane', ({ doc }) => addLane(doc, { title: 'Formidlet', index: 1 }, ORIGIN)],
		['renameLane', ({ doc, lane }) => renameLane(doc, lane('Ny'), 'Nye', ORIGIN)],
		['moveLane', ({ doc, lane }) => moveLane(doc, lane('Besat'), 0, ORIGIN)],
		['deleteLane', ({ doc, lane }) => deleteLane(doc, lane('Besat'), ORIGIN)],
		[
			'addCard',
			({ doc, lane }) =>
				addCard(
					doc,
					{ laneId: lane('Ny'), title: 'Tømrerlærling', index: 1, createdBy: '', now: NOW },
					ORIGIN
				)
		],
		[
			'updateCard',
			({ doc, card }) =>
				updateCard(doc, card('Kok, Kantine Nord'), { title: 'Kok' }, NOW + 1, ORIGIN)
		],
		[
			'moveCard',
			({ doc, lane, card }) =>
				moveCard(
					doc,
					{ cardId: card('Kok, Kantine Nord'), toLaneId: lane('Besat'), index: 0 },
					ORIGIN
				)
		],
		['deleteCard', ({ doc, card }) => deleteCard(doc, card('Kok, Kantine Nord'), ORIGIN)]
	])('%s is exactly one local transaction with the given origin', (_name, op) => {
		const board = threeCards();
		const { doc } = board;
		const locals: boolean[] = [];
		const listen = (tr: Y.Transaction) => locals.push(tr.local);
		doc.on('afterTransaction', listen);
		expect(transactionsOf(doc, () => op(board))).toEqual([ORIGIN]);
		doc.off('afterTransaction', listen);
		expect(locals).toEqual([true]);
	});

	it('restoreCard is exactly one transaction, also when it re-keys the first lane', () => {
		const { doc, lane, card } = threeCards();
		const deleted = deleteCard(doc, card('Rengøring, Havnehotellet'), ORIGIN);
		expect(transactionsOf(doc, () => restoreCard(doc, deleted, ORIGIN))).toEqual([ORIGIN]);
		const again = deleteCard(doc, card('Rengøring, Havnehotellet'), ORIGIN);
		deleteLane(doc, lane('Behov afdækket'), ORIGIN);
		expect(transactionsOf(doc, () => restoreCard(doc, again, ORIGIN))).toEqual([ORIGIN]);
	});

	it('a move that repairs equal keys is still one transaction', () => {
		const { doc, lane, card } = threeCards();
		const other = new Y.Doc();
		Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
		moveCard(doc, { cardId: card('Pedel, Skovskolen'), toLaneId: lane('Ny'), index: 0 }, ORIGIN);
		moveCard(other, { cardId: card('Chauffør, Bybusser'), toLaneId: lane('Ny'), index: 0 }, ORIGIN);
		Y.applyUpdate(doc, Y.encodeStateAsUpdate(other));
		const origins = transactionsOf(doc, () =>
			moveCard(doc, { cardId: card('Kok, Kantine Nord'), toLaneId: lane('Ny'), index: 1 }, ORIGIN)
		);
		expect(origins).toEqual([ORIGIN]);
	});
});
