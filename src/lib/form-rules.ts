/**
 * Field limits and issue codes shared by the server's validation (src/lib/server/validation.ts)
 * and the pages, which need the limits for maxlength and for the messages. Plain values only, so
 * client code may import it.
 */

export const FIELD_LIMITS = {
	email: 254,
	personName: 100,
	teamName: 80,
	boardName: 80,
	/** Kept equal to PASSWORD_MIN_LENGTH / PASSWORD_MAX_LENGTH in auth/password.ts (a test checks). */
	passwordMin: 10,
	passwordMax: 200,
	companyName: 120,
	industry: 80,
	contactPerson: 100,
	/** One job-area tag, and how many tags a citizen may have. */
	jobArea: 60,
	jobAreasMax: 20,
	/** Hours per week a citizen may want. */
	hoursWantedMax: 80,
	/** A target group's short code and full name. */
	targetGroupCode: 12,
	targetGroupName: 80
} as const;

export type IssueCode =
	| 'required'
	| 'too_long'
	| 'too_short'
	| 'invalid_email'
	| 'invalid_role'
	| 'invalid_locale'
	| 'invalid'
	| 'email_taken'
	| 'team_name_taken'
	| 'user_not_found'
	| 'team_not_found'
	| 'board_not_found'
	| 'not_member'
	| 'looks_like_cpr'
	| 'invalid_initials'
	| 'invalid_cvr'
	| 'invalid_hours'
	| 'unknown_target_group'
	| 'invalid_target_group_code'
	| 'target_group_code_taken'
	| 'target_group_not_found';

export const ISSUE_CODES: readonly IssueCode[] = [
	'required',
	'too_long',
	'too_short',
	'invalid_email',
	'invalid_role',
	'invalid_locale',
	'invalid',
	'email_taken',
	'team_name_taken',
	'user_not_found',
	'team_not_found',
	'board_not_found',
	'not_member',
	'looks_like_cpr',
	'invalid_initials',
	'invalid_cvr',
	'invalid_hours',
	'unknown_target_group',
	'invalid_target_group_code',
	'target_group_code_taken',
	'target_group_not_found'
];

/** The first problem per field, keyed by field name ('' for the form as a whole). */
export type FieldIssues = Partial<Record<string, IssueCode>>;
