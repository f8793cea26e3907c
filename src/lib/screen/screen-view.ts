import type { BoardView, JobType, OpeningFields } from '../board/types';
import { openingStatus, type OpeningStatus } from '../openings/countdown';
import { copenhagenDay, mondayOf, parseDay } from '../forecast/week';

/**
 * What the meeting-room screen shows (issue 5 point 2), as plain data: the open openings by
 * deadline (overdue first) and the openings filled this week. No citizen appears, only how many
 * candidates an opening has, so nothing on the screen needs the initials.
 */

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
	overdue: number;
}

function toScreen(id: string, o: OpeningFields, today: string, candidates: number): ScreenOpening {
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

/** `today` is YYYY-MM-DD in Copenhagen; it decides the countdowns and which week is "this week". */
export function buildScreenView(board: BoardView, today: string): ScreenView {
	const todayDay = parseDay(today);
	if (todayDay === null) throw new RangeError(`today is not a date: ${today}`);
	const weekStart = mondayOf(todayDay);
	const open: { item: ScreenOpening; order: string }[] = [];
	const filled: { item: ScreenOpening; closedAt: number }[] = [];
	const cards = [...board.lanes.flatMap((l) => l.cards), ...board.orphans];
	for (const card of cards) {
		const o = card.opening;
		if (card.kind !== 'opening' || !o) continue;
		const candidates = board.matches[card.id]?.length ?? 0;
		const item = toScreen(card.id, o, today, candidates);
		if (o.outcome === '') open.push({ item, order: `${o.deadline}\u0000${card.id}` });
		else if (o.outcome === 'filled' && o.closedAt !== null) {
			const day = copenhagenDay(o.closedAt);
			if (day >= weekStart && day <= todayDay) filled.push({ item, closedAt: o.closedAt });
		}
	}
	open.sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0));
	filled.sort((a, b) => b.closedAt - a.closedAt || (a.item.id < b.item.id ? -1 : 1));
	const byDeadline = open.map((x) => x.item);
	return {
		byDeadline,
		filledThisWeek: filled.map((x) => x.item),
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
