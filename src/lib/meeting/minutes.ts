import type { AgendaKind } from './agenda';

/**
 * The minutes (referat) of a meeting, written once when it ends and stored as JSON, so later
 * changes on the board do not rewrite what the meeting saw. Staff names only; citizens never
 * appear (actions carry no initials here).
 */

export interface MinutesItem {
	kind: AgendaKind;
	title: string;
	minutes: number;
	spentMs: number;
}

export interface MinutesOpening {
	cardId: string;
	companyName: string;
	position: string;
	/** The opening's outcome when the meeting ended: '' (open), 'filled' or 'not-filled'. */
	outcome: string;
}

export type FollowUpOutcome = 'done' | 'moved' | 'dropped' | 'open';

export interface MinutesFollowUp {
	actionId: string;
	title: string;
	ownerName: string;
	dueAtStart: string;
	outcome: FollowUpOutcome;
	/** The new due date of a moved action. */
	newDue: string;
	dropReason: string;
}

export interface MinutesAction {
	actionId: string;
	title: string;
	ownerName: string;
	due: string;
	followUp: string;
	timeTag: string;
}

export interface MeetingMinutes {
	version: 1;
	meetingId: string;
	boardId: string;
	boardName: string;
	/** The meeting's calendar date in Copenhagen, YYYY-MM-DD. */
	date: string;
	startedAt: number;
	endedAt: number;
	facilitatorName: string;
	/** Ended because a new meeting was started the next day, not by a person. */
	endedAutomatically: boolean;
	attendees: { name: string; present: boolean }[];
	items: MinutesItem[];
	openingsDiscussed: MinutesOpening[];
	/** Since the previous meeting's start (or 7 days back for the first one). */
	filledSince: number;
	filled: MinutesOpening[];
	followUps: MinutesFollowUp[];
	newActions: MinutesAction[];
	decisions: { text: string; at: number }[];
}
