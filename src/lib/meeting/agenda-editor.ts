import { AGENDA_LIMITS } from './agenda';
import type { AgendaRowIssues, AgendaRowValues } from './agenda-form';

/**
 * The start page's agenda editor as plain logic: rows as typed, each with a stable key (so a row
 * keeps its input and focus when it moves) and its own problems (so an error stays next to its
 * row when the row is moved after a refused start).
 */

export interface EditableAgendaRow extends AgendaRowValues {
	key: number;
	issues: AgendaRowIssues;
}

/** Minutes a new own item starts with. */
export const CUSTOM_ITEM_MINUTES = '2';

/** Rows with keys from `firstKey` on, each paired with its problems (none when not given). */
export function editableRows(
	rows: readonly AgendaRowValues[],
	issues: readonly AgendaRowIssues[] = [],
	firstKey = 0
): EditableAgendaRow[] {
	return rows.map((row, i) => ({
		key: firstKey + i,
		kind: row.kind,
		title: row.title,
		minutes: row.minutes,
		issues: { ...issues[i] }
	}));
}

/** A new own item ("Tilføj eget punkt"): a title to type, a short default time. */
export function customRow(key: number): EditableAgendaRow {
	return { key, kind: 'custom', title: '', minutes: CUSTOM_ITEM_MINUTES, issues: {} };
}

export function canAddRow(count: number): boolean {
	return count < AGENDA_LIMITS.items;
}

/** The rows with the one at `from` moved to `to`; out-of-range moves change nothing. */
export function moveRow<T>(rows: readonly T[], from: number, to: number): T[] {
	if (from < 0 || from >= rows.length || to < 0 || to >= rows.length || from === to)
		return [...rows];
	const next = [...rows];
	const [row] = next.splice(from, 1);
	next.splice(to, 0, row!);
	return next;
}

export function removeRow<T>(rows: readonly T[], index: number): T[] {
	return rows.filter((_, i) => i !== index);
}

/**
 * Planned time of the agenda as typed so far: the sum of the minutes that are valid, and whether
 * every row's minutes were (so the page can say the total is not final).
 */
export function typedTotalMinutes(rows: readonly Pick<AgendaRowValues, 'minutes'>[]): {
	minutes: number;
	complete: boolean;
} {
	let minutes = 0;
	let complete = true;
	for (const row of rows) {
		const text = row.minutes.trim();
		const value = /^\d{1,2}$/.test(text) ? Number(text) : NaN;
		if (value >= AGENDA_LIMITS.minMinutes && value <= AGENDA_LIMITS.maxMinutes) minutes += value;
		else complete = false;
	}
	return { minutes, complete };
}
