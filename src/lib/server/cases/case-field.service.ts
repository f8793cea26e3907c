import type { Db } from '../db/connect';
import { EXTRA_FIELD_KINDS, type ExtraFieldKind } from '../../cases/case-form';
import {
	CASE_ADMIN_LIMITS,
	splitChoices,
	type CaseAdminIssues,
	type CaseAdminResult
} from '../../cases/case-admin-rules';
import { looksLikeCpr } from '../../privacy/cpr';
import { checkName, formFlag, formText } from './admin-input';
import {
	findCaseField,
	insertCaseField,
	listCaseFields,
	updateCaseFieldRow,
	type CaseFieldRecord
} from './case-field.repository';

/**
 * The municipality's extra case fields, managed by an admin. A field is never deleted: cases keep
 * the values stored for it, so a field no longer wanted is deactivated, which takes it off the
 * form. Its kind never changes after creation (stored values would stop fitting it).
 * Authorisation is the caller's job. Input is form-shaped (strings).
 */

export { listCaseFields };

function checkLabel(label: string, issues: CaseAdminIssues): string {
	return checkName(label, CASE_ADMIN_LIMITS.fieldLabel, 'label', issues);
}

function checkChoices(typed: string, issues: CaseAdminIssues): string[] {
	const choices = splitChoices(typed);
	if (choices.length < 2) issues.choices = 'choices_required';
	else if (choices.length > CASE_ADMIN_LIMITS.choices) issues.choices = 'too_many_choices';
	else if (choices.some((c) => c.length > CASE_ADMIN_LIMITS.choice))
		issues.choices = 'choice_too_long';
	else if (choices.some(looksLikeCpr)) issues.choices = 'looks_like_cpr';
	return choices;
}

export async function createCaseField(
	db: Db,
	input: Record<string, unknown>,
	now: number
): Promise<CaseAdminResult<CaseFieldRecord>> {
	const issues: CaseAdminIssues = {};
	const label = checkLabel(formText(input, 'label'), issues);
	const kind = formText(input, 'kind');
	if (!(EXTRA_FIELD_KINDS as readonly string[]).includes(kind)) issues.kind = 'invalid_kind';
	const choices = kind === 'choice' ? checkChoices(formText(input, 'choices'), issues) : [];
	if (Object.keys(issues).length > 0) return { ok: false, issues };
	const field = await insertCaseField(
		db,
		{ label, kind: kind as ExtraFieldKind, required: formFlag(input, 'required'), choices },
		now
	);
	return { ok: true, value: field };
}

async function byId(db: Db, id: string): Promise<CaseFieldRecord | undefined> {
	return id === '' ? undefined : findCaseField(db, id);
}

/** Changes a field's label, whether it is required and (for a choice field) its answers. */
export async function editCaseField(
	db: Db,
	input: Record<string, unknown>
): Promise<CaseAdminResult<CaseFieldRecord>> {
	const field = await byId(db, formText(input, 'id'));
	if (!field) return { ok: false, issues: { id: 'not_found' } };
	const issues: CaseAdminIssues = {};
	const label = checkLabel(formText(input, 'label'), issues);
	const choices = field.kind === 'choice' ? checkChoices(formText(input, 'choices'), issues) : [];
	if (Object.keys(issues).length > 0) return { ok: false, issues };
	const required = formFlag(input, 'required');
	await updateCaseFieldRow(db, field.id, { label, required, choices });
	return { ok: true, value: { ...field, label, required, choices } };
}

/** Deactivates (active 'false') or reactivates a field. */
export async function setCaseFieldActive(
	db: Db,
	input: Record<string, unknown>
): Promise<CaseAdminResult<CaseFieldRecord>> {
	const field = await byId(db, formText(input, 'id'));
	if (!field) return { ok: false, issues: { id: 'not_found' } };
	const active = formFlag(input, 'active');
	await updateCaseFieldRow(db, field.id, { active });
	return { ok: true, value: { ...field, active } };
}
