import { TIME_TAGS, type TimeTag } from '../board/types';
import { timeTagLabel } from '../components/actions/action-labels';
import { m } from '../paraglide/messages.js';
import type { MinutesFollowUp, MinutesItem } from './minutes';
import { dayText, overMs, spanParts } from './minutes-format';

/** The minutes' codes and numbers in words, shared by the minutes page and the text download. */

/** `3 min 40 s`, `1 t 5 min`, `0 s`: a length of time, rounded down to whole seconds. */
export function spanText(ms: number): string {
	const { hours, minutes, seconds } = spanParts(ms);
	const parts: string[] = [];
	if (hours > 0) parts.push(m.minutes_span_hours({ n: hours }));
	if (minutes > 0) parts.push(m.minutes_span_minutes({ n: minutes }));
	if (seconds > 0 || parts.length === 0) parts.push(m.minutes_span_seconds({ n: seconds }));
	return parts.join(' ');
}

/** `40 s over tid` for an item that ran over its planned time; '' within it. */
export function itemOverText(item: Pick<MinutesItem, 'minutes' | 'spentMs'>): string {
	const over = overMs(item);
	return over >= 1000 ? m.minutes_over_time({ time: spanText(over) }) : '';
}

/** A calendar date, or the word for "none" when the action has no date. */
export function dateOrNone(date: string): string {
	return dayText(date) || m.minutes_no_date();
}

export function ownerOrNone(name: string): string {
	return name.trim() === '' ? m.minutes_no_owner() : name;
}

/** What became of an action due since the last meeting. */
export function followUpOutcomeText(
	followUp: Pick<MinutesFollowUp, 'outcome' | 'newDue' | 'dropReason'>
): string {
	switch (followUp.outcome) {
		case 'done':
			return m.minutes_outcome_done();
		case 'moved':
			return m.minutes_outcome_moved({ date: dateOrNone(followUp.newDue) });
		case 'dropped': {
			const reason = followUp.dropReason.trim();
			return reason === ''
				? m.minutes_outcome_dropped()
				: m.minutes_outcome_dropped_reason({ reason });
		}
		default:
			return m.minutes_outcome_open();
	}
}

/** An opening's outcome when the meeting ended: '' open, 'filled', 'not-filled'. */
export function openingOutcomeText(outcome: string): string {
	if (outcome === 'filled') return m.minutes_opening_filled();
	if (outcome === 'not-filled') return m.minutes_opening_not_filled();
	return m.minutes_opening_open();
}

/** The action's time tag in the board's own words (action-labels.ts); unknown codes as none. */
export function timeTagText(tag: string): string {
	return timeTagLabel((TIME_TAGS as readonly string[]).includes(tag) ? (tag as TimeTag) : '');
}
