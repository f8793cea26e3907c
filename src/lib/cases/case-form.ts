import { RISKS, type NextStep, type Risk, type StepOutcome } from '../forecast/types';
import { oneLine, parseDanishDate, parseDanishNumber } from '../openings/danish-input';
import { looksLikeCpr } from '../privacy/cpr';

/**
 * The case form (sag: mål, tidsperspektiv, risiko, næste skridt) as plain logic, shared by the
 * browser (checks before it posts) and the server (checks again before it stores): what a person
 * typed, as strings, turned into the case's values or into one problem per field. The page shows
 * the problem next to the field and keeps every value, so nothing typed is lost.
 */

export type ExtraFieldKind = 'text' | 'number' | 'date' | 'choice' | 'yes-no';

export const EXTRA_FIELD_KINDS: readonly ExtraFieldKind[] = [
	'text',
	'number',
	'date',
	'choice',
	'yes-no'
];

/** A municipality-defined extra field (case_field) as the form needs it. */
export interface ExtraFieldDef {
	id: string;
	label: string;
	kind: ExtraFieldKind;
	required: boolean;
	/** The allowed answers of a 'choice' field; empty for the other kinds. */
	choices: string[];
	/** An inactive field is not on the form; values stored for it stay on the case. */
	active: boolean;
}

export type ExtraValue = string | number | boolean;

/** Form name of an extra field's control, and its key in issues and in history. */
export function extraKey(fieldId: string): `extra:${string}` {
	return `extra:${fieldId}`;
}

export const CASE_FORM_FIELDS = [
	'targetGroupId',
	'goal',
	'horizon',
	'risk',
	'previousStepOutcome',
	'nextStepText',
	'nextStepDue'
] as const;

export type CaseFormField = (typeof CASE_FORM_FIELDS)[number];

/** What the form posts, as typed. `extra` is keyed by field id. */
export interface CaseFormValues {
	targetGroupId: string;
	goal: string;
	/** YYYY-MM-DD from a date input, or 27.11.2026 typed by hand. */
	horizon: string;
	risk: string;
	/** 'done', 'not-done' or '' (not followed up). */
	previousStepOutcome: string;
	nextStepText: string;
	nextStepDue: string;
	extra: Record<string, string>;
}

export type CaseFormIssue =
	| 'required'
	| 'too_long'
	| 'looks_like_cpr'
	| 'invalid_date'
	| 'invalid_number'
	| 'invalid_choice'
	/** A next step needs both its text and its due date (or neither). */
	| 'step_needs_due'
	| 'step_needs_text'
	/** Form-level (key ''): a closed case is reopened before it is changed. */
	| 'case_closed';

/** Keyed by a CaseFormField or by extraKey(fieldId). */
export type CaseFormIssues = Partial<Record<string, CaseFormIssue>>;

export const CASE_TEXT_MAX = 200;

export interface CaseFormContext {
	/** Target groups; only active ones may be chosen, but the case's current one stays allowed. */
	groups: readonly { id: string; active: boolean }[];
	goals: readonly { code: string; active: boolean }[];
	fields: readonly ExtraFieldDef[];
	/** The stored case's target group and goal, allowed even when deactivated since. */
	current?: { targetGroupId: string; goal: string | null };
}

export interface ParsedCaseForm {
	targetGroupId: string;
	goal: string;
	horizon: string;
	risk: Risk;
	previousStepOutcome: StepOutcome | null;
	nextStep: NextStep | null;
	/** Values of the active extra fields that have one; an empty optional field is absent. */
	extra: Record<string, ExtraValue>;
}

export type CaseFormResult =
	{ ok: true; value: ParsedCaseForm } | { ok: false; issues: CaseFormIssues };

const OUTCOMES: readonly string[] = ['done', 'not-done'];

function freeText(text: string): { value: string; issue?: CaseFormIssue } {
	const value = oneLine(text);
	if (value.length > CASE_TEXT_MAX) return { value, issue: 'too_long' };
	if (looksLikeCpr(value)) return { value, issue: 'looks_like_cpr' };
	return { value };
}

/** One extra field's typed value: its stored value, null when empty, or the problem. */
export function parseExtraValue(
	field: ExtraFieldDef,
	typed: string
): { ok: true; value: ExtraValue | null } | { ok: false; issue: CaseFormIssue } {
	const text = typed.trim();
	if (text === '')
		return field.required ? { ok: false, issue: 'required' } : { ok: true, value: null };
	switch (field.kind) {
		case 'text': {
			const { value, issue } = freeText(text);
			return issue ? { ok: false, issue } : { ok: true, value };
		}
		case 'number': {
			const value = parseDanishNumber(text);
			return value === undefined ? { ok: false, issue: 'invalid_number' } : { ok: true, value };
		}
		case 'date': {
			const value = parseDanishDate(text);
			return value === undefined ? { ok: false, issue: 'invalid_date' } : { ok: true, value };
		}
		case 'choice':
			return field.choices.includes(text)
				? { ok: true, value: text }
				: { ok: false, issue: 'invalid_choice' };
		case 'yes-no':
			return text === 'yes' || text === 'no'
				? { ok: true, value: text === 'yes' }
				: { ok: false, issue: 'invalid_choice' };
	}
}

export function parseCaseForm(values: CaseFormValues, context: CaseFormContext): CaseFormResult {
	const issues: CaseFormIssues = {};
	const current = context.current;

	const targetGroupId = values.targetGroupId.trim();
	if (targetGroupId === '') issues.targetGroupId = 'required';
	else if (
		!context.groups.some(
			(g) => g.id === targetGroupId && (g.active || g.id === current?.targetGroupId)
		)
	)
		issues.targetGroupId = 'invalid_choice';

	const goal = values.goal.trim();
	if (goal === '') issues.goal = 'required';
	else if (!context.goals.some((g) => g.code === goal && (g.active || g.code === current?.goal)))
		issues.goal = 'invalid_choice';

	const horizon = parseDanishDate(values.horizon);
	if (values.horizon.trim() === '') issues.horizon = 'required';
	else if (horizon === undefined) issues.horizon = 'invalid_date';

	const risk = values.risk.trim();
	if (risk === '') issues.risk = 'required';
	else if (!(RISKS as readonly string[]).includes(risk)) issues.risk = 'invalid_choice';

	const outcome = values.previousStepOutcome.trim();
	if (outcome !== '' && !OUTCOMES.includes(outcome)) issues.previousStepOutcome = 'invalid_choice';

	const step = freeText(values.nextStepText);
	const dueTyped = values.nextStepDue.trim();
	const due = dueTyped === '' ? undefined : parseDanishDate(dueTyped);
	if (step.issue) issues.nextStepText = step.issue;
	if (dueTyped !== '' && due === undefined) issues.nextStepDue = 'invalid_date';
	if (step.value !== '' && dueTyped === '') issues.nextStepDue = 'step_needs_due';
	if (step.value === '' && dueTyped !== '') issues.nextStepText = 'step_needs_text';

	const extra: Record<string, ExtraValue> = {};
	for (const field of context.fields) {
		if (!field.active) continue;
		const parsed = parseExtraValue(field, values.extra[field.id] ?? '');
		if (!parsed.ok) issues[extraKey(field.id)] = parsed.issue;
		else if (parsed.value !== null) extra[field.id] = parsed.value;
	}

	if (Object.keys(issues).length > 0) return { ok: false, issues };
	return {
		ok: true,
		value: {
			targetGroupId,
			goal,
			horizon: horizon!,
			risk: risk as Risk,
			previousStepOutcome: outcome === '' ? null : (outcome as StepOutcome),
			nextStep: step.value === '' ? null : { text: step.value, due: due! },
			extra
		}
	};
}

/** 2027-03-01 → 01.03.2027, as the form shows a stored day; anything else unchanged. */
export function danishDay(iso: string): string {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
	return match ? `${match[3]}.${match[2]}.${match[1]}` : iso;
}

/**
 * A stored extra value as the form shows it: Danish decimal comma and dates, yes/no as 'yes'/'no'.
 */
export function extraFormValue(value: ExtraValue | undefined, kind?: ExtraFieldKind): string {
	if (value === undefined) return '';
	if (typeof value === 'string') return kind === 'date' ? danishDay(value) : value;
	if (typeof value === 'boolean') return value ? 'yes' : 'no';
	return String(value).replace('.', ',');
}

/**
 * The values a stored case shows in the form, or a new case's (the citizen's target group). Days
 * are shown as 01.03.2027: the form's date fields are text fields, because a date typed in full
 * is the quickest way through 30 cases, and a half-typed one is kept rather than blanked.
 */
export function caseFormValues(
	stored: Omit<ParsedCaseForm, 'targetGroupId'> | undefined,
	targetGroupId: string,
	fields: readonly Pick<ExtraFieldDef, 'id' | 'kind'>[] = []
): CaseFormValues {
	const kinds = new Map(fields.map((f) => [f.id, f.kind]));
	return {
		targetGroupId,
		goal: stored?.goal ?? '',
		horizon: danishDay(stored?.horizon ?? ''),
		risk: stored?.risk ?? '',
		previousStepOutcome: stored?.previousStepOutcome ?? '',
		nextStepText: stored?.nextStep?.text ?? '',
		nextStepDue: danishDay(stored?.nextStep?.due ?? ''),
		extra: Object.fromEntries(
			Object.entries(stored?.extra ?? {}).map(([id, value]) => [
				id,
				extraFormValue(value, kinds.get(id))
			])
		)
	};
}

/** Reads the case form's fields from a posted form (FormData on both sides). */
export function readCaseForm(data: FormData, fields: readonly ExtraFieldDef[]): CaseFormValues {
	const text = (name: string) => {
		const value = data.get(name);
		return typeof value === 'string' ? value : '';
	};
	return {
		targetGroupId: text('targetGroupId'),
		goal: text('goal'),
		horizon: text('horizon'),
		risk: text('risk'),
		previousStepOutcome: text('previousStepOutcome'),
		nextStepText: text('nextStepText'),
		nextStepDue: text('nextStepDue'),
		extra: Object.fromEntries(
			fields.filter((f) => f.active).map((f) => [f.id, text(extraKey(f.id))])
		)
	};
}

/** The first field with a problem, in the form's order, for focus. */
export function firstIssueKey(
	issues: CaseFormIssues,
	fields: readonly ExtraFieldDef[]
): string | undefined {
	const order = [...CASE_FORM_FIELDS, ...fields.map((f) => extraKey(f.id))];
	return order.find((key) => issues[key] !== undefined);
}
