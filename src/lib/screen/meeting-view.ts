import type { AgendaKind } from '../meeting/agenda';
import type { FollowUpOutcome } from '../meeting/minutes';
import { followUpOutcome } from '../meeting/follow-up';
import { itemElapsedMs, itemOverMs, type MeetingState } from '../meeting/state';
import { isAction, isOpening, type BoardView, type Card } from '../board/types';
import {
	allCards,
	buildScreenView,
	toScreenAction,
	toScreenOpening,
	type ScreenAction,
	type ScreenOpening
} from './screen-view';

/**
 * What the meeting-room screen shows while a board meeting runs (issue 5 points 2-3), as plain
 * data: the agenda, the clocks, who is present, the card in focus and what the current item is
 * about. Citizens appear only as candidate counts; the people named are staff.
 */

export interface AgendaEntry {
	index: number;
	kind: AgendaKind;
	/** '' for standard items: their titles are messages (labels.ts agendaItemTitle). */
	title: string;
	minutes: number;
	current: boolean;
}

export interface MeetingClock {
	/** Time on the current item, earlier visits included. */
	elapsedMs: number;
	plannedMs: number;
	/** How far past its planned time the current item is; 0 within it. */
	overMs: number;
	/** Since the meeting started. */
	totalMs: number;
}

export interface FollowUpAction extends ScreenAction {
	outcome: FollowUpOutcome;
}

export type FocusView =
	{ kind: 'opening'; opening: ScreenOpening } | { kind: 'action'; action: ScreenAction };

/** The main area follows the current item's kind. */
export type MeetingMain =
	| { kind: 'deadlines'; openings: ScreenOpening[] }
	| { kind: 'openings'; openings: ScreenOpening[] }
	| { kind: 'actions'; actions: FollowUpAction[] }
	| { kind: 'forecast' }
	| { kind: 'new-actions'; actions: ScreenAction[] }
	| { kind: 'custom' };

export interface MeetingView {
	agenda: AgendaEntry[];
	facilitatorName: string;
	/** Names of the people marked present, alphabetical. */
	present: string[];
	focus: FocusView | null;
	main: MeetingMain;
}

export function meetingAgenda(meeting: MeetingState): AgendaEntry[] {
	return meeting.items.map((item, index) => ({
		index,
		kind: item.kind,
		title: item.title,
		minutes: item.minutes,
		current: index === meeting.current
	}));
}

/** `now` is the server's clock (clock.ts), so every screen shows the same time. */
export function meetingClock(meeting: MeetingState, now: number): MeetingClock {
	const item = meeting.items[meeting.current]!;
	return {
		elapsedMs: itemElapsedMs(item, now),
		plannedMs: item.minutes * 60_000,
		overMs: itemOverMs(item, now),
		totalMs: Math.max(0, now - meeting.startedAt)
	};
}

function newestFirst(a: Card, b: Card): number {
	return b.createdAt - a.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function candidateCount(board: BoardView, cardId: string): number {
	return board.matches[cardId]?.length ?? 0;
}

function focusOf(
	cards: ReadonlyMap<string, Card>,
	board: BoardView,
	id: string | null,
	today: string
): FocusView | null {
	const card = id === null ? undefined : cards.get(id);
	if (!card) return null;
	if (isOpening(card))
		return {
			kind: 'opening',
			opening: toScreenOpening(card.id, card.opening, today, candidateCount(board, card.id))
		};
	if (isAction(card)) return { kind: 'action', action: toScreenAction(card, today) };
	// A note, or a card of a kind the screen does not know: nothing rather than an error.
	return null;
}

function mainOf(
	kind: AgendaKind,
	meeting: MeetingState,
	board: BoardView,
	cards: readonly Card[],
	byId: ReadonlyMap<string, Card>,
	today: string
): MeetingMain {
	switch (kind) {
		case 'deadlines':
			return {
				kind,
				openings: buildScreenView(board, today).byDeadline.filter(
					(o) => o.status.kind === 'open' && o.status.state !== 'ok'
				)
			};
		case 'openings':
			return {
				kind,
				openings: cards
					.filter(isOpening)
					.filter((c) => c.createdAt >= meeting.since)
					.sort(newestFirst)
					.map((c) => toScreenOpening(c.id, c.opening, today, candidateCount(board, c.id)))
			};
		case 'actions': {
			const actions: FollowUpAction[] = [];
			for (const { actionId, dueAtStart } of meeting.followUp) {
				const card = byId.get(actionId);
				// A deleted card is left out, as in the minutes.
				if (card && isAction(card))
					actions.push({
						...toScreenAction(card, today),
						outcome: followUpOutcome(card.action.status, card.due, dueAtStart)
					});
			}
			return { kind, actions };
		}
		case 'new-actions':
			return {
				kind,
				actions: cards
					.filter(isAction)
					.filter((c) => c.createdAt >= meeting.startedAt)
					.sort(newestFirst)
					.map((c) => toScreenAction(c, today))
			};
		case 'forecast':
		case 'custom':
			return { kind };
	}
}

/**
 * The meeting as the screen shows it. `today` is YYYY-MM-DD in Copenhagen on the server's clock;
 * the view does not change with the seconds, so the timer's tick does not rebuild it.
 */
export function buildMeetingView(
	board: BoardView,
	meeting: MeetingState,
	today: string
): MeetingView {
	const cards = allCards(board);
	const byId = new Map(cards.map((c) => [c.id, c]));
	const current = meeting.items[meeting.current]!;
	return {
		agenda: meetingAgenda(meeting),
		facilitatorName: meeting.facilitatorName,
		present: meeting.attendees
			.filter((a) => a.present)
			.map((a) => a.name)
			.sort((a, b) => a.localeCompare(b, 'da')),
		focus: focusOf(byId, board, meeting.focusCardId, today),
		main: mainOf(current.kind, meeting, board, cards, byId, today)
	};
}
