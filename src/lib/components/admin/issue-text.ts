import { FIELD_LIMITS, type FieldIssues, type IssueCode } from '$lib/form-rules';
import { m } from '$lib/paraglide/messages.js';

/** The longest value a field accepts, for the "too long" message. */
const MAX_BY_FIELD: Record<string, number> = {
	name: FIELD_LIMITS.teamName,
	email: FIELD_LIMITS.email,
	password: FIELD_LIMITS.passwordMax
};

/**
 * Turns an issue code from the server into a sentence in the user's language. Rendered in the
 * page rather than on the server, so a client-side update shows the same text as a full reload.
 */
export function issueText(code: IssueCode, field: string, max?: number): string {
	switch (code) {
		case 'required':
			return m.admin_issue_required();
		case 'too_long':
			return m.admin_issue_too_long({ max: max ?? MAX_BY_FIELD[field] ?? FIELD_LIMITS.email });
		case 'too_short':
			return m.admin_issue_too_short({ min: FIELD_LIMITS.passwordMin });
		case 'invalid_email':
			return m.admin_issue_invalid_email();
		case 'invalid_role':
			return m.admin_issue_invalid_role();
		case 'email_taken':
			return m.admin_issue_email_taken();
		case 'team_name_taken':
			return m.admin_issue_team_name_taken();
		case 'user_not_found':
			return m.admin_issue_user_not_found();
		case 'team_not_found':
			return m.admin_issue_team_not_found();
		case 'board_not_found':
			return m.admin_issue_board_not_found();
		case 'not_member':
			return m.admin_issue_not_member();
		case 'looks_like_cpr':
			return m.admin_issue_looks_like_cpr();
		case 'invalid_initials':
			return m.admin_issue_invalid_initials();
		case 'invalid_cvr':
			return m.admin_issue_invalid_cvr();
		case 'invalid_hours':
			return m.admin_issue_invalid_hours({ max: FIELD_LIMITS.hoursWantedMax });
		case 'unknown_target_group':
			return m.admin_issue_unknown_target_group();
		case 'invalid_target_group_code':
			return m.admin_tg_issue_invalid_code({ max: FIELD_LIMITS.targetGroupCode });
		case 'target_group_code_taken':
			return m.admin_tg_issue_code_taken();
		case 'target_group_not_found':
			return m.admin_tg_issue_not_found();
		case 'invalid_locale':
		case 'invalid':
			return m.admin_issue_invalid();
	}
}

/** The message for one field of a failed form, or undefined. */
export function fieldError(
	issues: FieldIssues | undefined,
	field: string,
	max?: number
): string | undefined {
	const code = issues?.[field];
	return code ? issueText(code, field, max) : undefined;
}
