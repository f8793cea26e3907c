import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addCard, initBoard, moveCard, readBoard } from './model';
import {
	dueStatus,
	findCard,
	formatDate,
	groupFocus,
	groupPresence,
	initials,
	isoDate,
	planStep
} from './view';

function boardWithCards() {
	const doc = new Y.Doc();
	const [a, b] = initBoard(doc, ['Ny', 'Formidlet'], 'test');
	const add = (laneId: string, title: string) =>
		addCard(doc, { laneId: laneId!, title, createdBy: 'u1', now: 1 }, 'test');
	const c1 = add(a!, 'Første');
	const c2 = add(a!, 'Anden');
	const c3 = add(a!, 'Tredje');
	const d1 = add(b!, 'Fjerde');
	return { doc, lanes: [a!, b!], cards: [c1, c2, c3, d1] };
}

describe('planStep', () => {
	it('moves within the lane and stops at the edges', () => {
		const { doc, cards } = boardWithCards();
		const board = readBoard(doc);
		expect(planStep(board, cards[0]!, 'up')).toBeNull();
		expect(planStep(board, cards[2]!, 'down')).toBeNull();
		const down = planStep(board, cards[0]!, 'down')!;
		moveCard(doc, down, 'test');
		expect(readBoard(doc).lanes[0]!.cards.map((c) => c.title)).toEqual([
			'Anden',
			'Første',
			'Tredje'
		]);
	});

	it('moves to the neighbouring lane at the same height, or its end', () => {
		const { doc, lanes, cards } = boardWithCards();
		const board = readBoard(doc);
		expect(planStep(board, cards[0]!, 'left')).toBeNull();
		expect(planStep(board, cards[2]!, 'right')).toEqual({
			cardId: cards[2],
			toLaneId: lanes[1],
			index: 1
		});
		moveCard(doc, planStep(board, cards[0]!, 'right')!, 'test');
		const after = readBoard(doc);
		expect(after.lanes[1]!.cards.map((c) => c.title)).toEqual(['Første', 'Fjerde']);
		expect(findCard(after, cards[0]!)).toMatchObject({ laneIndex: 1, index: 0 });
	});
});

describe('formatting', () => {
	it('writes dates the Danish way', () => {
		expect(formatDate('2026-11-27')).toBe('27.11.2026');
		expect(formatDate('')).toBe('');
		expect(isoDate(new Date(2026, 0, 5))).toBe('2026-01-05');
	});

	it('tells overdue from today and later', () => {
		expect(dueStatus('', '2026-03-01')).toBe('none');
		expect(dueStatus('2026-02-28', '2026-03-01')).toBe('overdue');
		expect(dueStatus('2026-03-01', '2026-03-01')).toBe('today');
		expect(dueStatus('2026-03-02', '2026-03-01')).toBe('upcoming');
	});

	it('makes initials', () => {
		expect(initials('Anna Holm Jensen')).toBe('AJ');
		expect(initials('  bo ')).toBe('B');
		expect(initials('')).toBe('?');
		expect(initials('Øjvind Ærø')).toBe('ØÆ');
	});
});

describe('presence', () => {
	const peer = (clientId: number, id: string, name: string, focus: string | null) => ({
		clientId,
		user: { id, name, color: '#1f4e79' },
		focus,
		isSelf: false
	});

	it('shows each person once, this person first, with the cards of all their tabs', () => {
		const presence = groupPresence(
			[
				peer(1, 'bo', 'Bo Berg', 'c1'),
				peer(2, 'anna', 'Anna Holm', null),
				peer(3, 'bo', 'Bo Berg', 'c2')
			],
			'anna'
		);
		expect(presence.map((p) => [p.id, p.isSelf, p.focus])).toEqual([
			['anna', true, []],
			['bo', false, ['c1', 'c2']]
		]);
		expect(
			[...groupFocus(presence).entries()].map(([card, people]) => [card, people.map((p) => p.id)])
		).toEqual([
			['c1', ['bo']],
			['c2', ['bo']]
		]);
	});
});
