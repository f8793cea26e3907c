import { m } from '../paraglide/messages.js';
import { agendaItemTitle } from './labels';
import type { MeetingMinutes } from './minutes';
import {
	copenhagenDate,
	dayText,
	meetingDay,
	minutesTotals,
	timeOfDay,
	timeRange
} from './minutes-format';
import {
	dateOrNone,
	followUpOutcomeText,
	itemOverText,
	openingOutcomeText,
	ownerOrNone,
	spanText,
	timeTagText
} from './minutes-words';

/**
 * The minutes as a plain text file (the download): UTF-8 with a byte-order mark and CRLF line
 * ends, so Windows Notepad shows "æøå" and the line breaks right. Pure: the stored minutes and the
 * reader's locale in, the file's text out.
 *
 * Every line starts with our own words or a list mark, never with text a person typed, and typed
 * text is kept on one line: a title with a line break or a tab cannot break the layout, and a
 * title like "=HYPERLINK(…)" is never read as a formula by a spreadsheet that opens the file.
 */

export const TEXT_BOM = '\uFEFF';
export const TEXT_NEWLINE = '\r\n';

// Line breaks (also U+2028/9), tabs and the other control characters.
// eslint-disable-next-line no-control-regex
const BREAKS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;

/** Typed text on one line: breaks and control characters become one space. */
export function oneLine(text: string): string {
	return text.replace(BREAKS, ' ').trim();
}

// Our own marks are not ASCII - = + either: no line of the file starts like a formula.
const TITLE_RULE = '═';
const HEADING_RULE = '─';
const BULLET = '• ';

function heading(text: string): string[] {
	return ['', text, HEADING_RULE.repeat(text.length)];
}

function fact(label: string, value: string): string {
	return `${label}: ${value}`;
}

function section(title: string, lines: string[], empty: string): string[] {
	return [...heading(title), ...(lines.length > 0 ? lines : [empty])];
}

const INDENT = '  ';

export function minutesLines(minutes: MeetingMinutes, locale: string): string[] {
	const title = m.minutes_title();
	const lines = [title, TITLE_RULE.repeat(title.length)];
	lines.push(
		fact(m.minutes_board(), oneLine(minutes.boardName)),
		fact(m.minutes_date(), meetingDay(minutes.date, locale)),
		fact(
			m.minutes_time(),
			`${timeRange(minutes.startedAt, minutes.endedAt)} (${spanText(minutes.endedAt - minutes.startedAt)})`
		),
		fact(m.minutes_facilitator(), ownerOrNone(oneLine(minutes.facilitatorName)))
	);
	if (minutes.endedAutomatically) lines.push(m.minutes_ended_automatically());

	const totals = minutesTotals(minutes);
	const present = totals.present.map(oneLine);
	const absent = totals.absent.map(oneLine);
	lines.push(
		...section(
			m.minutes_attendees(),
			[
				...(present.length > 0 ? [fact(m.minutes_present(), present.join(', '))] : []),
				...(absent.length > 0 ? [fact(m.minutes_absent(), absent.join(', '))] : [])
			],
			m.minutes_attendees_none()
		)
	);

	const { plannedMs: planned, usedMs: used } = totals;
	lines.push(
		...section(
			m.minutes_agenda(),
			[
				...minutes.items.map((item, i) => {
					const over = itemOverText(item);
					const time = m.minutes_item_time({
						planned: spanText(item.minutes * 60_000),
						used: spanText(item.spentMs)
					});
					return `${i + 1}. ${oneLine(agendaItemTitle(item))}: ${time}${over ? ` (${over})` : ''}`;
				}),
				...(minutes.items.length > 0
					? [
							fact(
								m.minutes_agenda_total(),
								m.minutes_item_time({ planned: spanText(planned), used: spanText(used) })
							)
						]
					: [])
			],
			m.minutes_agenda_none()
		)
	);

	const opening = (o: MeetingMinutes['filled'][number]): string =>
		`${BULLET}${oneLine(o.position)}, ${oneLine(o.companyName)}: ${openingOutcomeText(o.outcome)}`;
	lines.push(
		...section(
			m.minutes_openings(),
			minutes.openingsDiscussed.map(opening),
			m.minutes_openings_none()
		)
	);
	const since = dayText(copenhagenDate(minutes.filledSince));
	lines.push(
		...section(
			m.minutes_filled({ date: since }),
			minutes.filled.map(opening),
			m.minutes_filled_none({ date: since })
		)
	);

	lines.push(
		...section(
			m.minutes_follow_ups(),
			minutes.followUps.flatMap((f) => [
				`${BULLET}${oneLine(f.title)}`,
				INDENT +
					[
						fact(m.minutes_owner(), ownerOrNone(oneLine(f.ownerName))),
						fact(m.minutes_due(), dateOrNone(f.dueAtStart)),
						fact(m.minutes_outcome(), oneLine(followUpOutcomeText(f)))
					].join(' · ')
			]),
			m.minutes_follow_ups_none()
		)
	);

	lines.push(
		...section(
			m.minutes_new_actions(),
			minutes.newActions.flatMap((a) => [
				`${BULLET}${oneLine(a.title)}`,
				INDENT +
					[
						fact(m.minutes_owner(), ownerOrNone(oneLine(a.ownerName))),
						fact(m.minutes_due(), dateOrNone(a.due)),
						fact(m.minutes_follow_up(), dateOrNone(a.followUp)),
						fact(m.minutes_time_tag(), timeTagText(a.timeTag))
					].join(' · ')
			]),
			m.minutes_new_actions_none()
		)
	);

	lines.push(
		...section(
			m.minutes_decisions(),
			minutes.decisions.map((d) => `${BULLET}${timeOfDay(d.at)} ${oneLine(d.text)}`),
			m.minutes_decisions_none()
		)
	);
	return lines;
}

/** The whole file: BOM, then every line ended by CRLF. */
export function minutesText(minutes: MeetingMinutes, locale: string): string {
	return (
		TEXT_BOM +
		minutesLines(minutes, locale)
			.map((line) => line + TEXT_NEWLINE)
			.join('')
	);
}
