import type { ActionInput } from '../board/actions';
import { LIMITS, TIME_TAGS, type ActionFields, type TimeTag } from '../board/types';
import { dayNumber, deadlineState, type DeadlineState } from '../openings/deadline';
import { parseDanishDate } from '../openings/danish-input';
import { looksLikeCpr } from '../privacy/cpr';

/**
 * The action forms (handling) as plain logic, shared by the dialog and its tests: what a person
 * typed, as strings, turned into the model's input or into one problem per field, so the dialog
 * can show each problem next to its field and keep every value.
 */

export interface ActionFormValues {
	title: string;
	ownerId: string;
	/** A date input's YYYY-MM-DD, or Danish notation (27.11.2026). */
	due: string;
	followUp: string;
	/** '' for no linked opening. */
	openingId: string;
	/** A pseudonymous citizen id, '' for none. */
	citizenId: string;
	timeTag: string;
	laneId: string;
}

export type ActionFormField = keyof ActionFormValues;

export type ActionFormIssue =
	| 'required'
	| 'too_long'
	| 'invalid_date'
	| 'invalid_choice'
	/** The follow-up date lies before the due date. */
	| 'before_due'
	/** Citizens are pseudonymous: no free-text field may hold a CPR number (privacy/cpr.ts). */
	| 'looks_like_cpr';

export type ActionFormIssues = Partial<Record<ActionFormField, ActionFormIssue>>;

type Parsed<T, F extends string> =
	{ ok: true; value: T } | { ok: false; issues: Partial<Record<F, ActionFormIssue>> };

export function emptyActionForm(defaults: Partial<ActionFormValues> = {}): ActionFormValues {
	return {
		title: '',
		ownerId: '',
		due: '',
		followUp: '',
		openingId: '',
		citizenId: '',
		timeTag: '',
		laneId: '',
		...defaults
	};
}

function text(value: string, max: number, required: boolean): string | ActionFormIssue {
	const trimmed = value.trim();
	if (required && trimmed === '') return 'required';
	if (trimmed.length > max) return 'too_long';
	if (looksLikeCpr(trimmed)) return 'looks_like_cpr';
	return trimmed;
}

function date(value: string): string | ActionFormIssue {
	if (value.trim() === '') return 'required';
	return parseDanishDate(value) ?? 'invalid_date';
}

/** Due and follow-up dates; the follow-up may not lie before the due date. */
function dates(
	values: { due: string; followUp: string },
	issues: Partial<Record<'due' | 'followUp', ActionFormIssue>>
): { due: string; followUp: string } {
	const due = date(values.due);
	let followUp = date(values.followUp);
	if (isIssue(due)) issues.due = due;
	if (!isIssue(due) && !isIssue(followUp) && dayNumber(followUp)! < dayNumber(due)!)
		followUp = 'before_due';
	if (isIssue(followUp)) issues.followUp = followUp;
	return { due, followUp };
}

const ISSUES = new Set<string>([
	'required',
	'too_long',
	'invalid_date',
	'invalid_choice',
	'before_due',
	'looks_like_cpr'
]);
function isIssue(value: string): value is ActionFormIssue {
	return ISSUES.has(value);
}

export interface ActionChoices {
	/** Who may own an action: the board's members who can edit. */
	ownerIds: readonly string[];
	/** The board's openings that may be linked. */
	openingIds: readonly string[];
	/** The team's citizens this device may link (from the audited candidates list). */
	citizenIds: readonly string[];
	laneIds: readonly string[];
}

/** The new-action form → the lane and the model's input, or one issue per field. */
export function parseActionForm(
	values: ActionFormValues,
	choices: ActionChoices
): Parsed<{ laneId: string; input: ActionInput }, ActionFormField> {
	const issues: ActionFormIssues = {};
	const title = text(values.title, LIMITS.cardTitle, true);
	if (isIssue(title)) issues.title = title;
	if (values.ownerId === '') issues.ownerId = 'required';
	else if (!choices.ownerIds.includes(values.ownerId)) issues.ownerId = 'invalid_choice';
	const { due, followUp } = dates(values, issues);
	if (values.openingId !== '' && !choices.openingIds.includes(values.openingId))
		issues.openingId = 'invalid_choice';
	if (values.citizenId !== '' && !choices.citizenIds.includes(values.citizenId))
		issues.citizenId = 'invalid_choice';
	if (!(TIME_TAGS as readonly string[]).includes(values.timeTag)) issues.timeTag = 'invalid_choice';
	if (!choices.laneIds.includes(values.laneId)) issues.laneId = 'required';
	if (Object.keys(issues).length > 0) return { ok: false, issues };
	return {
		ok: true,
		value: {
			laneId: values.laneId,
			input: {
				title,
				ownerId: values.ownerId,
				due,
				followUp,
				openingId: values.openingId,
				citizenId: values.citizenId,
				timeTag: values.timeTag as TimeTag
			}
		}
	};
}

/** "Flyt": both new dates are required. */
export function parseMoveForm(values: {
	due: string;
	followUp: string;
}): Parsed<{ due: string; followUp: string }, 'due' | 'followUp'> {
	const issues: Partial<Record<'due' | 'followUp', ActionFormIssue>> = {};
	const parsed = dates(values, issues);
	return Object.keys(issues).length > 0 ? { ok: false, issues } : { ok: true, value: parsed };
}

/** "Drop": a reason is required. */
export function parseDropForm(values: { reason: string }): Parsed<{ reason: string }, 'reason'> {
	const reason = text(values.reason, LIMITS.dropReason, true);
	return isIssue(reason) ? { ok: false, issues: { reason } } : { ok: true, value: { reason } };
}

/** Where an action stands for its card face: done, dropped, or open with its countdown. */
export type ActionState =
	| { kind: 'done' }
	| { kind: 'dropped' }
	| { kind: 'open'; state: DeadlineState; daysLeft: number }
	/** Open without a due date (an action added as a plain card). */
	| { kind: 'open-undated' };

/** `today` is the calendar date in Europe/Copenhagen. */
export function actionState(due: string, action: ActionFields, today: string): ActionState {
	if (action.status === 'done') return { kind: 'done' };
	if (action.status === 'dropped') return { kind: 'dropped' };
	if (due === '') return { kind: 'open-undated' };
	return { kind: 'open', ...deadlineState(due, today) };
}
