import type * as Y from 'yjs';
import { cardsInLane, requireLane } from './checks';
import { getCards, listCards } from './document';
import { compareOrdered, keysAfter } from './order';
import { isOpening, type Card } from './types';

/**
 * Reordering a whole lane (kolonne) in one transaction: "Sortér efter frist" and its undo. One
 * transaction means one update, so every device shows the same order at once.
 */

/**
 * Card ids in deadline order: openings by deadline (earliest first), then every other card.
 * The sort is stable, so equal deadlines and the non-openings keep their relative order.
 */
export function deadlineOrder(cards: readonly Card[]): string[] {
	const ranked = cards.map((card, index) => ({
		id: card.id,
		index,
		deadline: isOpening(card) ? card.opening.deadline : null
	}));
	ranked.sort((a, b) => {
		if (a.deadline !== null && b.deadline !== null && a.deadline !== b.deadline)
			return a.deadline < b.deadline ? -1 : 1;
		if ((a.deadline === null) !== (b.deadline === null)) return a.deadline === null ? 1 : -1;
		return a.index - b.index;
	});
	return ranked.map((r) => r.id);
}

/**
 * Puts the lane's cards in the order of `cardIds`. Ids not in the lane are skipped; cards in the
 * lane but not named (added concurrently) follow in their current order. Returns the lane's order
 * before the change (for undo), or null when nothing had to move.
 */
export function arrangeLane(
	doc: Y.Doc,
	laneId: string,
	cardIds: readonly string[],
	origin: unknown
): string[] | null {
	requireLane(doc, laneId);
	const current = cardsInLane(doc, laneId).sort(compareOrdered);
	const inLane = new Set(current.map((c) => c.id));
	const wanted = [...new Set(cardIds)].filter((id) => inLane.has(id));
	const named = new Set(wanted);
	const order = [...wanted, ...current.filter((c) => !named.has(c.id)).map((c) => c.id)];
	const before = current.map((c) => c.id);
	if (order.every((id, i) => id === before[i])) return null;
	const keys = keysAfter(null, order.length);
	const cards = getCards(doc);
	doc.transact(() => {
		order.forEach((id, i) => {
			const card = cards.get(id);
			if (card && card.get('order') !== keys[i]) card.set('order', keys[i]!);
		});
	}, origin);
	return before;
}

/** "Sortér efter frist": see deadlineOrder. Returns the previous order for undo, or null if already sorted. */
export function sortLaneByDeadline(doc: Y.Doc, laneId: string, origin: unknown): string[] | null {
	requireLane(doc, laneId);
	const cards = listCards(doc)
		.filter((c) => c.laneId === laneId)
		.sort(compareOrdered);
	return arrangeLane(doc, laneId, deadlineOrder(cards), origin);
}
