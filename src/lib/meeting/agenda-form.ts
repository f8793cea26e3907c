import * as v from 'valibot';
import { looksLikeCpr } from '../privacy/cpr';
import {
	AGENDA_LIMITS,
	DEFAULT_AGENDA,
	agendaItemSchema,
	isStandardKind,
	type AgendaItem
} from './agenda';

/**
 * The start form's agenda as plain logic: rows of (kind, title, minutes) as typed, turned into an
 * agenda or into one problem per row and field, so the page can show each problem next to its
 * field and keep every value. A form without rows starts the default agenda ("Start møde").
 */

export interface AgendaRowValues {
	kind: string;
	title: string;
	minutes: string;
}

export type AgendaRowIssue = 'required' | 'too_long' | 'looks_like_cpr' | 'invalid_minutes';

export interface AgendaRowIssues {
	title?: AgendaRowIssue;
	minutes?: AgendaRowIssue;
}

export type AgendaFormResult =
	| { ok: true; agenda: AgendaItem[] }
	| { ok: false; rows: AgendaRowValues[]; issues: AgendaRowIssues[]; tooMany: boolean };

export function agendaRows(agenda: readonly AgendaItem[]): AgendaRowValues[] {
	return agenda.map((item) => ({
		kind: item.kind,
		title: item.title,
		minutes: String(item.minutes)
	}));
}

function parseMinutes(text: string): number | AgendaRowIssue {
	const trimmed = text.trim();
	if (trimmed === '') return 'required';
	if (!/^\d{1,2}$/.test(trimmed)) return 'invalid_minutes';
	const value = Number(trimmed);
	return value < AGENDA_LIMITS.minMinutes || value > AGENDA_LIMITS.maxMinutes
		? 'invalid_minutes'
		: value;
}

function parseTitle(kind: string, text: string): { title: string } | { issue: AgendaRowIssue } {
	if (isStandardKind(kind)) return { title: '' };
	const title = text.replace(/\s+/g, ' ').trim();
	if (title === '') return { issue: 'required' };
	if (title.length > AGENDA_LIMITS.title) return { issue: 'too_long' };
	if (looksLikeCpr(title)) return { issue: 'looks_like_cpr' };
	return { title };
}

/** Reads the repeated kind/title/minutes fields of the start form. */
export function readAgendaForm(form: FormData): AgendaFormResult {
	const kinds = form.getAll('kind').map(String);
	if (kinds.length === 0) return { ok: true, agenda: DEFAULT_AGENDA.map((i) => ({ ...i })) };
	const titles = form.getAll('title').map(String);
	const minutes = form.getAll('minutes').map(String);
	const rows = kinds.map((kind, i) => ({
		kind: isStandardKind(kind) ? kind : 'custom',
		title: titles[i] ?? '',
		minutes: minutes[i] ?? ''
	}));
	return parseAgendaRows(rows);
}

export function parseAgendaRows(rows: readonly AgendaRowValues[]): AgendaFormResult {
	const issues: AgendaRowIssues[] = [];
	const agenda: AgendaItem[] = [];
	for (const row of rows) {
		const title = parseTitle(row.kind, row.title);
		const minutes = parseMinutes(row.minutes);
		const rowIssues: AgendaRowIssues = {};
		if (typeof minutes === 'string') rowIssues.minutes = minutes;
		if ('issue' in title) rowIssues.title = title.issue;
		issues.push(rowIssues);
		if (typeof minutes === 'number' && 'title' in title) {
			const kind = isStandardKind(row.kind) ? row.kind : 'custom';
			agenda.push(v.parse(agendaItemSchema, { kind, title: title.title, minutes }));
		}
	}
	const tooMany = rows.length > AGENDA_LIMITS.items || rows.length === 0;
	if (tooMany || issues.some((i) => Object.keys(i).length > 0))
		return { ok: false, rows: rows.map((r) => ({ ...r })), issues, tooMany };
	return { ok: true, agenda };
}
