import type { CloseReason, OpeningFields } from '../board/types';
import { deadlineState, type DeadlineState } from './deadline';

/** Where an opening stands for its card face: closed, or open with its deadline countdown. */
export type OpeningStatus =
	| { kind: 'filled' }
	| { kind: 'not-filled'; reason: CloseReason }
	| { kind: 'open'; state: DeadlineState; daysLeft: number };

const COPENHAGEN = new Intl.DateTimeFormat('en-CA', {
	timeZone: 'Europe/Copenhagen',
	year: 'numeric',
	month: '2-digit',
	day: '2-digit'
});

/** Today's calendar date in Denmark as YYYY-MM-DD, whatever the device's own time zone. */
export function copenhagenToday(now: Date): string {
	const parts = Object.fromEntries(COPENHAGEN.formatToParts(now).map((p) => [p.type, p.value]));
	return `${parts.year}-${parts.month}-${parts.day}`;
}

/**
 * The outcome is the truth about open or closed (board-schema.md); an open opening past its
 * deadline stays "overdue" until someone closes it as Besat or Ikke besat.
 */
export function openingStatus(
	opening: Pick<OpeningFields, 'deadline' | 'outcome' | 'closeReason'>,
	today: string
): OpeningStatus {
	if (opening.outcome === 'filled') return { kind: 'filled' };
	if (opening.outcome === 'not-filled') return { kind: 'not-filled', reason: opening.closeReason };
	return { kind: 'open', ...deadlineState(opening.deadline, today) };
}
