import { actionState, type ActionState } from '../actions/action-form';
import {
	isAction,
	type ActionCard,
	type BoardView,
	type Card,
	type JobType,
	type OpeningFields
} from '../board/types';
import { openingStatus, type OpeningStatus } from '../openings/countdown';
import { copenhagenDay, mondayOf, parseDay } from '../forecast/week';

/**
 * What the meeting-room screen shows (issue 5 point 2), as plain data: the open openings by
 * deadline (overdue first), the openings filled this week, and the open actions due within a
 * week (overdue first). No citizen appears, only how many candidates an opening has, so nothing
 * on the screen needs the initials.
 */

/** Open actions due within this many days (or overdue) are on the screen. */
export const ACTIONS_DUE_DAYS = 7;

export interface ScreenAction {
	id: string;
	title: string;
	ownerId: string;
	due: string;
	state: ActionState;
}

export interface ScreenOpening {
	id: string;
	companyName: string;
	position: string;
	jobType: JobType;
	positions: number;
	hoursPerWeek: number | null;
	deadline: string;
	status: OpeningStatus;
	candidates: number;
}

export interface ScreenView {
	/** Open openings, earliest deadline first, so the overdue ones lead. */
	byDeadline: ScreenOpening[];
	/** Filled in the current ISO week (Monday to Sunday, Copenhagen), latest first. */
	filledThisWeek: ScreenOpening[];
	/** Open actions with a due date at most ACTIONS_DUE_DAYS ahead, earliest first. */
	actionsDue: ScreenAction[];
	overdue: number;
}

/** An opening as the screen shows it: facts and a candidate count, never who the candidates are. */
export function toScreenOpening(
	id: string,
	o: OpeningFields,
	today: string,
	candidates: number
): ScreenOpening {
	return {
		id,
		companyName: o.companyName,
		position: o.position,
		jobType: o.jobType,
		positions: o.positions,
		hoursPerWeek: o.hoursPerWeek,
		deadline: o.deadline,
		status: openingStatus(o, today),
		candidates
	};
}

/** An action as the screen shows it: its words, owner and dates, never the citizen it is about. */
export function toScreenAction(card: ActionCard, today: string): ScreenAction {
	return {
		id: card.id,
		title: card.title,
		ownerId: card.ownerId,
		due: card.due,
		state: actionState(card.due, card.action, today)
	};
}

/** Every card on the board, orphans included. */
export function allCards(board: BoardView): Card[] {
	return [...board.lanes.flatMap((l) => l.cards), ...board.orphans];
}

/** `today` is YYYY-MM-DD in Copenhagen; it decides the countdowns and which week is "this week". */
export function buildScreenView(board: BoardView, today: string): ScreenView {
	const todayDay = parseDay(today);
	if (todayDay === null) throw new RangeError(`today is not a date: ${today}`);
	const weekStart = mondayOf(todayDay);
	const open: { item: ScreenOpening; order: string }[] = [];
	const filled: { item: ScreenOpening; closedAt: number }[] = [];
	const cards = allCards(board);
	const actions: ScreenAction[] = [];
	for (const card of cards) {
		if (isAction(card)) {
			const action = toScreenAction(card, today);
			if (action.state.kind === 'open' && action.state.daysLeft <= ACTIONS_DUE_DAYS)
				actions.push(action);
			continue;
		}
		const o = card.opening;
		if (card.kind !== 'opening' || !o) continue;
		const candidates = board.matches[card.id]?.length ?? 0;
		const item = toScreenOpening(card.id, o, today, candidates);
		if (o.outcome === '') open.push({ item, order: `${o.deadline}\u0000${card.id}` });
		else if (o.outcome === 'filled' && o.closedAt !== null) {
			const day = copenhagenDay(o.closedAt);
			if (day >= weekStart && day <= todayDay) filled.push({ item, closedAt: o.closedAt });
		}
	}
	open.sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0));
	filled.sort((a, b) => b.closedAt - a.closedAt || (a.item.id < b.item.id ? -1 : 1));
	const byDeadline = open.map((x) => x.item);
	actions.sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : a.id < b.id ? -1 : 1));
	return {
		byDeadline,
		filledThisWeek: filled.map((x) => x.item),
		actionsDue: actions,
		overdue: byDeadline.filter((o) => o.status.kind === 'open' && o.status.state === 'overdue')
			.length
	};
}

/** Page `page` (0-based, wrapping) of `items` with `perPage` per page, and the page count. */
export function pageOf<T>(
	items: readonly T[],
	perPage: number,
	page: number
): { items: T[]; page: number; pages: number } {
	const size = Math.max(1, Math.floor(perPage));
	const pages = Math.max(1, Math.ceil(items.length / size));
	const current = ((page % pages) + pages) % pages;
	return { items: items.slice(current * size, current * size + size), page: current, pages };
}
