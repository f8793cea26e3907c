import { formatDate } from '../board/view';
import { TIME_ZONE } from '../format/danish';
import type { MeetingMinutes } from './minutes';

/**
 * Dates, times and lengths of a meeting for its minutes, the Danish way (DESIGN.md: `27.11.2026`,
 * 24-hour time), in the job centre's time zone whatever the server's or the browser's is. Pure:
 * no messages here, so the page and the text file share the numbers and only add words.
 */

const TIME_OF_DAY = new Intl.DateTimeFormat('en-GB', {
	timeZone: TIME_ZONE,
	hour: '2-digit',
	minute: '2-digit',
	hourCycle: 'h23'
});

/** `09:05` for an instant, in Copenhagen time. */
export function timeOfDay(ms: number): string {
	return TIME_OF_DAY.format(new Date(ms));
}

/** `09:00–09:14` in Copenhagen time. */
export function timeRange(from: number, to: number): string {
	return `${timeOfDay(from)}–${timeOfDay(to)}`;
}

/** The calendar date of an instant in Copenhagen, YYYY-MM-DD (the forecast's own helper). */
export { copenhagenDate } from '../forecast/week';

/** `27.11.2026` for `2026-11-27`; '' for an empty or malformed date. */
export function dayText(date: string): string {
	return formatDate(date);
}

const WEEKDAYS = new Map<string, Intl.DateTimeFormat>();

/**
 * The weekday of a calendar date (YYYY-MM-DD) in the reader's language: `fredag` / `fre.` in
 * Danish, `Friday` / `Fri` in English. '' for a malformed date.
 */
export function weekday(date: string, locale: string, style: 'long' | 'short' = 'long'): string {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
	if (!match) return '';
	const tag = `${locale === 'da' ? 'da-DK' : 'en-GB'}:${style}`;
	let format = WEEKDAYS.get(tag);
	if (!format) {
		format = new Intl.DateTimeFormat(tag.split(':')[0], { weekday: style, timeZone: 'UTC' });
		WEEKDAYS.set(tag, format);
	}
	// Noon UTC: the calendar date itself, with no time zone able to move it to another day.
	return format.format(new Date(Date.UTC(+match[1]!, +match[2]! - 1, +match[3]!, 12)));
}

/** `fredag 27.11.2026` (long) or `fre. 27.11.2026` (short). */
export function meetingDay(date: string, locale: string, style: 'long' | 'short' = 'long'): string {
	const day = dayText(date);
	const name = weekday(date, locale, style);
	return name === '' ? day : `${name} ${day}`;
}

/** A length of time in whole hours, minutes and seconds (rounded down), for words around it. */
export function spanParts(ms: number): { hours: number; minutes: number; seconds: number } {
	const total = Math.floor(Math.max(0, ms) / 1000);
	return {
		hours: Math.floor(total / 3600),
		minutes: Math.floor((total % 3600) / 60),
		seconds: total % 60
	};
}

/** Milliseconds over an item's planned time (0 within it). */
export function overMs(item: { minutes: number; spentMs: number }): number {
	return Math.max(0, item.spentMs - item.minutes * 60_000);
}

/**
 * A file name part from a board's name: lower case ASCII letters and digits joined by dashes
 * ("Jobåbninger Øst" → "jobaabninger-oest"), so the name needs no quoting or encoding anywhere.
 */
export function fileSlug(name: string): string {
	const slug = name
		.toLowerCase()
		.replaceAll('æ', 'ae')
		.replaceAll('ø', 'oe')
		.replaceAll('å', 'aa')
		.normalize('NFKD')
		// The accents NFKD split off ("é" → "e" + "´") go, so "Café" stays one word.
		.replace(/\p{M}+/gu, '')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 60)
		.replace(/-+$/, '');
	return slug === '' ? 'tavle' : slug;
}

/** `referat-jobaabninger-2026-11-27.txt`. */
export function minutesFileName(boardName: string, date: string): string {
	return `referat-${fileSlug(boardName)}-${date}.txt`;
}

/** Who was there and the agenda's planned and used time: what the page and the text file total. */
export function minutesTotals(minutes: Pick<MeetingMinutes, 'attendees' | 'items'>): {
	present: string[];
	absent: string[];
	plannedMs: number;
	usedMs: number;
} {
	return {
		present: minutes.attendees.filter((a) => a.present).map((a) => a.name),
		absent: minutes.attendees.filter((a) => !a.present).map((a) => a.name),
		plannedMs: minutes.items.reduce((sum, item) => sum + item.minutes * 60_000, 0),
		usedMs: minutes.items.reduce((sum, item) => sum + item.spentMs, 0)
	};
}
