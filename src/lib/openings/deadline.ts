import { isClosedStage, type Opening } from './types';

export type DeadlineState = 'ok' | 'soon' | 'overdue';

/** Days left at or below this (and not negative) make a deadline "soon". */
export const SOON_DAYS = 3;

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Days since 1970-01-01 for a calendar date. Calendar dates carry no time zone, so UTC arithmetic
 * is exact here: no day is 23 or 25 hours long. Returns null for anything that is not a real date.
 */
export function dayNumber(date: string): number | null {
	const parts = DATE_ONLY.exec(date);
	if (!parts) return null;
	const [year, month, day] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
	const ms = Date.UTC(year, month - 1, day);
	const back = new Date(ms);
	// Date.UTC rolls 2026-02-30 over into March; a round trip catches it.
	if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1) return null;
	if (back.getUTCDate() !== day) return null;
	return ms / 86_400_000;
}

function requireDay(date: string, what: string): number {
	const day = dayNumber(date);
	if (day === null)
		throw new RangeError(`${what} is not a YYYY-MM-DD date: ${JSON.stringify(date)}`);
	return day;
}

/**
 * Countdown to a deadline. `today` is the caller's calendar date in Europe/Copenhagen.
 * daysLeft < 0: overdue; 0..3: soon (a deadline today is still soon, not overdue); > 3: ok.
 * Throws RangeError on a malformed date: the board schema refuses those before they get here.
 */
export function deadlineState(
	deadline: string,
	today: string
): { state: DeadlineState; daysLeft: number } {
	const daysLeft = requireDay(deadline, 'deadline') - requireDay(today, 'today');
	const state: DeadlineState = daysLeft < 0 ? 'overdue' : daysLeft <= SOON_DAYS ? 'soon' : 'ok';
	return { state, daysLeft };
}

/** "Frist overskredet": past the deadline and not yet closed as Besat or Ikke besat. */
export function isOverdueUnfilled(
	opening: Pick<Opening, 'deadline' | 'stage'>,
	today: string
): boolean {
	return (
		!isClosedStage(opening.stage) && deadlineState(opening.deadline, today).state === 'overdue'
	);
}
