import type { CaseAdminIssues } from '../../cases/case-admin-rules';
import { looksLikeCpr } from '../../privacy/cpr';

/** Reading the goal and case-field admin forms (form-shaped input: strings). */

export function formText(input: Record<string, unknown>, key: string): string {
	const value = input[key];
	return typeof value === 'string' ? value : '';
}

/** A checkbox ('on') or a hidden true/false. */
export function formFlag(input: Record<string, unknown>, key: string): boolean {
	const value = formText(input, key);
	return value === 'on' || value === 'true';
}

/** A one-line name or label: spaces collapsed; required, at most `max`, no CPR number. */
export function checkName(
	typed: string,
	max: number,
	key: string,
	issues: CaseAdminIssues
): string {
	const value = typed.replace(/\s+/g, ' ').trim();
	if (value === '') issues[key] = 'required';
	else if (value.length > max) issues[key] = 'too_long';
	else if (looksLikeCpr(value)) issues[key] = 'looks_like_cpr';
	return value;
}
