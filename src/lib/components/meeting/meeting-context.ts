import { getContext, setContext } from 'svelte';

/**
 * What the meeting components need from the board page besides the board itself: who is
 * looking (to know who steers) and this device's clock offset to the server (the timer).
 */
export interface MeetingContext {
	readonly boardId: string;
	readonly userId: string;
	/** The role in the board's team: leader, consultant or viewer. */
	readonly role: string;
	/** Server time minus device time, measured at the page load (clock.ts). */
	readonly clockOffset: number;
}

const KEY = Symbol('tavlen-meeting');

export function setMeetingContext(context: MeetingContext): void {
	setContext(KEY, context);
}

/** The board page's meeting context, or undefined where a board component is used elsewhere. */
export function findMeetingContext(): MeetingContext | undefined {
	return getContext<MeetingContext | undefined>(KEY);
}

/** The form action URL of one meeting step, e.g. /boards/x/meeting?/goto. */
export function meetingAction(
	boardId: string,
	step: 'goto' | 'focus' | 'attendance' | 'decision' | 'end'
): string {
	return `/boards/${encodeURIComponent(boardId)}/meeting?/${step}`;
}
