import { TIME_TAGS, type ActionStatus, type TimeTag } from '../board/types';
import { copenhagenDay, isoWeekOf, mondayOf, parseDay } from '../forecast/week';

/**
 * The leader's action figures, as pure functions with the time passed in: which actions are
 * escalated (open and more than the municipality's number of days past due), and the team's
 * production split, actions done per ISO week (Europe/Copenhagen) and time tag.
 */

/**
 * An action is escalated when it is open and due more than this many days ago: the setting
 * `actionEscalationDays` (/admin/forecast-settings), this when the municipality has not set it.
 */
export const DEFAULT_ESCALATION_DAYS = 3;
/** The range an admin may set the escalation days within. */
export const ESCALATION_DAYS_RANGE = { min: 1, max: 30 } as const;
/** Weeks in the production table, the current week included. */
export const PRODUCTION_WEEKS = 8;

export interface ActionFigureInput {
	id: string;
	boardId: string;
	title: string;
	ownerId: string;
	/** YYYY-MM-DD, or '' for an action without a due date. */
	due: string;
	status: ActionStatus;
	timeTag: TimeTag;
	doneAt: number | null;
}

export interface EscalatedAction {
	id: string;
	boardId: string;
	title: string;
	ownerId: string;
	due: string;
	daysOverdue: number;
}

/** Open actions more than `afterDays` past due, the longest overdue first. `today`: Copenhagen. */
export function escalatedActions(
	actions: readonly ActionFigureInput[],
	today: string,
	afterDays = DEFAULT_ESCALATION_DAYS
): EscalatedAction[] {
	const day = parseDay(today);
	if (day === null) throw new RangeError(`today is not a YYYY-MM-DD date: ${today}`);
	const escalated: EscalatedAction[] = [];
	for (const action of actions) {
		if (action.status !== 'open' || action.due === '') continue;
		const due = parseDay(action.due);
		if (due === null || day - due <= afterDays) continue;
		const { id, boardId, title, ownerId } = action;
		escalated.push({ id, boardId, title, ownerId, due: action.due, daysOverdue: day - due });
	}
	return escalated.sort((a, b) => b.daysOverdue - a.daysOverdue || (a.id < b.id ? -1 : 1));
}

/** An escalated action as the overview lists it: with its board and its owner's name. */
export interface EscalatedRow extends EscalatedAction {
	boardName: string;
	/** The owner's display name; '' when the owner is no longer a user. */
	ownerName: string;
}

export interface ProductionWeek {
	/** ISO week-numbering year and week. */
	year: number;
	week: number;
	/** The Monday as a day number (days since 1970-01-01). */
	monday: number;
	/** Done actions per time tag ('' = untagged). */
	counts: Record<TimeTag, number>;
	total: number;
}

function emptyCounts(): Record<TimeTag, number> {
	return Object.fromEntries(TIME_TAGS.map((tag) => [tag, 0])) as Record<TimeTag, number>;
}

/**
 * Done actions per ISO week and time tag for the last `weeks` weeks (oldest first, the week of
 * `now` last), by the Copenhagen day of doneAt. Dropped and reopened actions do not count.
 */
export function productionByWeek(
	actions: readonly ActionFigureInput[],
	now: number,
	weeks = PRODUCTION_WEEKS
): ProductionWeek[] {
	const thisMonday = mondayOf(copenhagenDay(now));
	const firstMonday = thisMonday - 7 * (weeks - 1);
	const rows: ProductionWeek[] = Array.from({ length: weeks }, (_, i) => {
		const monday = firstMonday + 7 * i;
		return { ...isoWeekOf(monday), monday, counts: emptyCounts(), total: 0 };
	});
	for (const action of actions) {
		if (action.status !== 'done' || action.doneAt === null) continue;
		const day = copenhagenDay(action.doneAt);
		const index = Math.floor((mondayOf(day) - firstMonday) / 7);
		const row = rows[index];
		if (!row || index < 0) continue;
		row.counts[action.timeTag] += 1;
		row.total += 1;
	}
	return rows;
}
