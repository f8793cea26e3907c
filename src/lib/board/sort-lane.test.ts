import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
	buildBoard,
	expectRefused,
	NOW,
	openingInput,
	transactionsOf,
	USER_ANNA
} from '../../../tests/fixtures/board-fixtures';
import { addCard, readBoard } from './model';
import { addOpening } from './openings';
import { arrangeLane, deadlineOrder, sortLaneByDeadline } from './sort-lane';

const ORIGIN = 'sort-test';

/** A lane "Ny" with, top to bottom: note A, opening 12-10, note B, opening 12-02, opening 12-10 (2nd). */
function mixedLane() {
	const board = buildBoard({ Ny: ['Note A'], Besat: [] });
	const ny = board.lane('Ny');
	const add = (title: string, deadline: string) =>
		addOpening(board.doc, { ...openingInput(ny), title, deadline }, ORIGIN);
	const late = add('Kok, Kantine Nord', '2026-12-10');
	const noteB = buildNote(board.doc, ny, 'Note B');
	const early = add('Pedel, Skolen', '2026-12-02');
	const lateToo = add('Opvasker, Kantine Nord', '2026-12-10');
	return { ...board, ny, noteA: board.card('Note A'), noteB, late, early, lateToo };
}

function buildNote(doc: Y.Doc, laneId: string, title: string): string {
	return addCard(doc, { laneId, title, createdBy: USER_ANNA, now: NOW }, ORIGIN);
}

function titlesOf(doc: Y.Doc, laneId: string): string[] {
	return readBoard(doc)
		.lanes.find((l) => l.id === laneId)!
		.cards.map((c) => c.title);
}

describe('deadlineOrder', () => {
	it('puts openings first by deadline, keeps ties and non-openings in their order', () => {
		const { doc, ny, noteA, noteB, late, early, lateToo } = mixedLane();
		const cards = readBoard(doc).lanes.find((l) => l.id === ny)!.cards;
		expect(deadlineOrder(cards)).toEqual([early, late, lateToo, noteA, noteB]);
	});

	it('leaves an empty list and a list without openings as they are', () => {
		expect(deadlineOrder([])).toEqual([]);
		const { doc, lane, card } = buildBoard({ Ny: ['B', 'A'] });
		const cards = readBoard(doc).lanes.find((l) => l.id === lane('Ny'))!.cards;
		expect(deadlineOrder(cards)).toEqual([card('B'), card('A')]);
	});
});

describe('sortLaneByDeadline', () => {
	it('reorders the lane in one transaction and returns the old order for undo', () => {
		const { doc, ny, noteA, noteB, late, early, lateToo } = mixedLane();
		let before: string[] | null = null;
		const origins = transactionsOf(doc, () => {
			before = sortLaneByDeadline(doc, ny, ORIGIN);
		});
		expect(origins).toEqual([ORIGIN]);
		expect(before).toEqual([noteA, late, noteB, early, lateToo]);
		expect(titlesOf(doc, ny)).toEqual([
			'Pedel, Skolen',
			'Kok, Kantine Nord',
			'Opvasker, Kantine Nord',
			'Note A',
			'Note B'
		]);

		// Undo puts the old order back, again as one transaction.
		expect(transactionsOf(doc, () => arrangeLane(doc, ny, before!, ORIGIN))).toEqual([ORIGIN]);
		expect(titlesOf(doc, ny)).toEqual([
			'Note A',
			'Kok, Kantine Nord',
			'Note B',
			'Pedel, Skolen',
			'Opvasker, Kantine Nord'
		]);
	});

	it('does nothing (no transaction) on a lane that is already in order', () => {
		const { doc, ny } = mixedLane();
		sortLaneByDeadline(doc, ny, ORIGIN);
		const origins = transactionsOf(doc, () => {
			expect(sortLaneByDeadline(doc, ny, ORIGIN)).toBeNull();
		});
		expect(origins).toEqual([]);
	});

	it('is the same order on two devices after they exchange the update', () => {
		const { doc, ny } = mixedLane();
		const other = new Y.Doc();
		Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
		sortLaneByDeadline(doc, ny, ORIGIN);
		Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
		expect(titlesOf(other, ny)).toEqual(titlesOf(doc, ny));
	});

	it('refuses an unknown lane without touching the document', () => {
		const { doc } = mixedLane();
		expectRefused(doc, 'not-found', () => sortLaneByDeadline(doc, 'no-such-lane', ORIGIN));
	});

	it('leaves the other lanes alone', () => {
		const board = buildBoard({ Ny: ['Note'], Besat: ['X', 'Y'] });
		const besat = board.lane('Besat');
		const before = titlesOf(board.doc, besat);
		addOpening(board.doc, openingInput(board.lane('Ny')), ORIGIN);
		sortLaneByDeadline(board.doc, board.lane('Ny'), ORIGIN);
		expect(titlesOf(board.doc, besat)).toEqual(before);
		expect(titlesOf(board.doc, board.lane('Ny'))).toEqual(['Lagerhjælp, Fjordlager ApS', 'Note']);
	});
});

describe('arrangeLane', () => {
	it('skips ids from other lanes and keeps unnamed cards after the named ones', () => {
		const { doc, lane, card } = buildBoard({ Ny: ['A', 'B', 'C'], Besat: ['X'] });
		arrangeLane(doc, lane('Ny'), [card('C'), card('X'), card('A')], ORIGIN);
		expect(titlesOf(doc, lane('Ny'))).toEqual(['C', 'A', 'B']);
		expect(titlesOf(doc, lane('Besat'))).toEqual(['X']);
	});
});
