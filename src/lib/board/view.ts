import type { Peer, PresenceUser } from './connection';
import type { BoardView, Card, LaneView } from './types';

/** Pure helpers over the plain BoardView, shared by the runes adapter and the components. */

export interface CardPosition {
	laneIndex: number;
	lane: LaneView;
	/** Position of the card in its lane. */
	index: number;
	card: Card;
}

export function findCard(board: BoardView, cardId: string): CardPosition | undefined {
	for (let laneIndex = 0; laneIndex < board.lanes.length; laneIndex++) {
		const lane = board.lanes[laneIndex]!;
		const index = lane.cards.findIndex((c) => c.id === cardId);
		if (index >= 0) return { laneIndex, lane, index, card: lane.cards[index]! };
	}
	return undefined;
}

export type MoveDirection = 'up' | 'down' | 'left' | 'right';

export interface MoveTarget {
	cardId: string;
	toLaneId: string;
	/** Position in the target lane, counted without the card itself (as moveCard expects). */
	index: number;
}

/**
 * The move one keyboard step makes: up/down within the lane, left/right to the neighbouring
 * lane at the same height (or its end). Null when the card is already at that edge.
 */
export function planStep(
	board: BoardView,
	cardId: string,
	direction: MoveDirection
): MoveTarget | null {
	const at = findCard(board, cardId);
	if (!at) return null;
	switch (direction) {
		case 'up':
			return at.index > 0 ? { cardId, toLaneId: at.lane.id, index: at.index - 1 } : null;
		case 'down':
			return at.index < at.lane.cards.length - 1
				? { cardId, toLaneId: at.lane.id, index: at.index + 1 }
				: null;
		case 'left':
		case 'right': {
			const target = board.lanes[at.laneIndex + (direction === 'left' ? -1 : 1)];
			if (!target) return null;
			return { cardId, toLaneId: target.id, index: Math.min(at.index, target.cards.length) };
		}
	}
}

/** "2026-11-27" -> "27.11.2026" (Danish convention); '' for an empty or malformed value. */
export function formatDate(iso: string): string {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
	return match ? `${match[3]}.${match[2]}.${match[1]}` : '';
}

/** Today as YYYY-MM-DD in local time; `now` comes in so callers and tests control the clock. */
export function isoDate(now: Date): string {
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export type DueStatus = 'none' | 'overdue' | 'today' | 'upcoming';

export function dueStatus(due: string, today: string): DueStatus {
	if (due === '') return 'none';
	if (due < today) return 'overdue';
	return due === today ? 'today' : 'upcoming';
}

/** "Anna Holm Jensen" -> "AJ"; one name gives one letter. */
export function initials(name: string): string {
	const parts = name.trim().split(/\s+/).filter(Boolean);
	if (parts.length === 0) return '?';
	const first = parts[0]!.charAt(0);
	const last = parts.length > 1 ? parts[parts.length - 1]!.charAt(0) : '';
	return (first + last).toLocaleUpperCase('da-DK');
}

export interface PresenceEntry extends PresenceUser {
	isSelf: boolean;
	/** Cards this person has in focus (several tabs can focus different cards). */
	focus: string[];
}

/** One entry per person (not per tab), this person first, then by name. */
export function groupPresence(peers: readonly Peer[], selfId: string): PresenceEntry[] {
	const byUser = new Map<string, PresenceEntry>();
	for (const peer of peers) {
		const entry = byUser.get(peer.user.id) ?? {
			...peer.user,
			isSelf: peer.user.id === selfId,
			focus: []
		};
		if (peer.focus !== null && !entry.focus.includes(peer.focus)) entry.focus.push(peer.focus);
		byUser.set(peer.user.id, entry);
	}
	return [...byUser.values()].sort((a, b) =>
		a.isSelf !== b.isSelf ? (a.isSelf ? -1 : 1) : a.name.localeCompare(b.name, 'da')
	);
}

/** Other people per card id they have in focus, for the "being looked at" marker. */
export function groupFocus(
	presence: readonly PresenceEntry[]
): ReadonlyMap<string, PresenceEntry[]> {
	const map = new Map<string, PresenceEntry[]>();
	for (const entry of presence) {
		if (entry.isSelf) continue;
		for (const cardId of entry.focus) map.set(cardId, [...(map.get(cardId) ?? []), entry]);
	}
	return map;
}

/** The card a link like /boards/x#card-y points at ('' for a bare #card-), if any. */
export function cardIdFromHash(hash: string): string | undefined {
	return hash.startsWith('#card-') ? hash.slice('#card-'.length) : undefined;
}
