import { CASE_ADMIN_LIMITS, type CaseAdminIssue } from '$lib/cases/case-admin-rules';
import { CASE_TEXT_MAX, type CaseFormIssue, type ExtraFieldKind } from '$lib/cases/case-form';
import type { Risk, StepOutcome } from '$lib/forecast/types';
import { m } from '$lib/paraglide/messages.js';

/** Words for the case's codes and issue codes, in the user's language (rendered in the page). */

export function riskLabel(risk: Risk | string): string {
	switch (risk) {
		case 'low':
			return m.case_risk_low();
		case 'medium':
			return m.case_risk_medium();
		case 'high':
			return m.case_risk_high();
		default:
			return risk;
	}
}

export function outcomeLabel(outcome: StepOutcome | null | string): string {
	switch (outcome) {
		case 'done':
			return m.case_outcome_done();
		case 'not-done':
			return m.case_outcome_not_done();
		default:
			return m.case_outcome_none();
	}
}

export function kindLabel(kind: ExtraFieldKind): string {
	switch (kind) {
		case 'text':
			return m.admin_cf_kind_text();
		case 'number':
			return m.admin_cf_kind_number();
		case 'date':
			return m.admin_cf_kind_date();
		case 'choice':
			return m.admin_cf_kind_choice();
		case 'yes-no':
			return m.admin_cf_kind_yes_no();
	}
}

/** The message next to a case form field. `choice` says the field is a list, not typed. */
export function caseIssueText(issue: CaseFormIssue, choice = false): string {
	switch (issue) {
		case 'required':
			return choice ? m.case_issue_choose() : m.case_issue_required();
		case 'too_long':
			return m.case_issue_too_long({ max: CASE_TEXT_MAX });
		case 'looks_like_cpr':
			return m.case_issue_cpr();
		case 'invalid_date':
			return m.case_issue_invalid_date();
		case 'invalid_number':
			return m.case_issue_invalid_number();
		case 'invalid_choice':
			return m.case_issue_invalid_choice();
		case 'step_needs_due':
			return m.case_issue_step_needs_due();
		case 'step_needs_text':
			return m.case_issue_step_needs_text();
		case 'case_closed':
			return m.case_issue_closed();
	}
}

/** The message next to a field of the goal or case-field admin forms. */
export function caseAdminIssueText(issue: CaseAdminIssue, max?: number): string {
	switch (issue) {
		case 'required':
			return m.admin_cf_issue_required();
		case 'too_long':
			return m.admin_cf_issue_too_long({ max: max ?? CASE_ADMIN_LIMITS.fieldLabel });
		case 'looks_like_cpr':
			return m.admin_cf_issue_cpr();
		case 'invalid_kind':
			return m.admin_cf_issue_invalid_kind();
		case 'choices_required':
			return m.admin_cf_issue_choices_required();
		case 'too_many_choices':
			return m.admin_cf_issue_too_many_choices({ max: CASE_ADMIN_LIMITS.choices });
		case 'choice_too_long':
			return m.admin_cf_issue_choice_too_long({ max: CASE_ADMIN_LIMITS.choice });
		case 'name_taken':
			return m.admin_cf_issue_name_taken();
		case 'not_found':
			return m.admin_cf_issue_not_found();
	}
}
