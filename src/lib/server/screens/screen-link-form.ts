import { looksLikeCpr } from '../../privacy/cpr';
import { DEFAULT_SCREEN_LINK_DAYS, SCREEN_LINK_LIFETIMES_DAYS } from './screen-link.service';

export const SCREEN_LABEL_MAX = 60;

export type ScreenLinkIssue = 'required' | 'too_long' | 'looks_like_cpr' | 'invalid';

export type ScreenLinkForm =
	| { ok: true; value: { label: string; days: number } }
	| { ok: false; issues: Partial<Record<'label' | 'days', ScreenLinkIssue>> };

/** The new-link form: a name for the screen ("Mødelokale 2") and a lifetime from the list. */
export function readScreenLinkForm(input: { label: string; days: string }): ScreenLinkForm {
	const label = input.label.trim().replace(/\s+/g, ' ');
	const days = input.days === '' ? DEFAULT_SCREEN_LINK_DAYS : Number(input.days);
	const issues: Partial<Record<'label' | 'days', ScreenLinkIssue>> = {};
	if (label === '') issues.label = 'required';
	else if (label.length > SCREEN_LABEL_MAX) issues.label = 'too_long';
	else if (looksLikeCpr(label)) issues.label = 'looks_like_cpr';
	if (!(SCREEN_LINK_LIFETIMES_DAYS as readonly number[]).includes(days)) issues.days = 'invalid';
	return Object.keys(issues).length > 0
		? { ok: false, issues }
		: { ok: true, value: { label, days } };
}
