import * as v from 'valibot';
import { FIELD_LIMITS, ISSUE_CODES, type FieldIssues, type IssueCode } from '../form-rules';
import { ROLES } from './teams/team.repository';

/**
 * Input schemas shared by form actions, admin services and the CLI. Issue messages are codes,
 * not prose: routes turn them into Danish or English through the message catalogue, the CLI
 * into English.
 */

export type { FieldIssues, IssueCode } from '../form-rules';

export const LIMITS = FIELD_LIMITS;

function requiredText(max: number) {
	return v.pipe(
		v.string('required' satisfies IssueCode),
		v.trim(),
		v.nonEmpty('required' satisfies IssueCode),
		v.maxLength(max, 'too_long' satisfies IssueCode)
	);
}

export const emailSchema = v.pipe(
	v.string('required' satisfies IssueCode),
	v.trim(),
	v.toLowerCase(),
	v.nonEmpty('required' satisfies IssueCode),
	v.maxLength(LIMITS.email, 'too_long' satisfies IssueCode),
	v.email('invalid_email' satisfies IssueCode)
);

export const personNameSchema = requiredText(LIMITS.personName);
export const teamNameSchema = requiredText(LIMITS.teamName);
export const boardNameSchema = requiredText(LIMITS.boardName);

/** A new password; never trimmed, because spaces may be part of it. */
export const passwordSchema = v.pipe(
	v.string('required' satisfies IssueCode),
	v.nonEmpty('required' satisfies IssueCode),
	v.minLength(LIMITS.passwordMin, 'too_short' satisfies IssueCode),
	v.maxLength(LIMITS.passwordMax, 'too_long' satisfies IssueCode)
);

export const roleSchema = v.picklist(ROLES, 'invalid_role' satisfies IssueCode);

export const LOCALES = ['da', 'en'] as const;
export const localeSchema = v.picklist(LOCALES, 'invalid_locale' satisfies IssueCode);

/** A reference typed by a person: an id or a name (team) or an id or an email (user). */
export const referenceSchema = requiredText(LIMITS.email);

// A missing key is reported by the object schema with its own message, so that message is 'required'.
function formObject<const TEntries extends v.ObjectEntries>(entries: TEntries) {
	return v.object(entries, 'required' satisfies IssueCode);
}

export const signInSchema = formObject({
	email: emailSchema,
	// Sign-in checks presence only: the length rules apply when a password is set, not when used.
	password: v.pipe(
		v.string('required' satisfies IssueCode),
		v.nonEmpty('required' satisfies IssueCode),
		v.maxLength(LIMITS.passwordMax, 'too_long' satisfies IssueCode)
	)
});

export const createTeamSchema = formObject({ name: teamNameSchema });

export const createUserSchema = formObject({
	name: personNameSchema,
	email: emailSchema,
	password: passwordSchema,
	isAdmin: v.optional(v.boolean('invalid' satisfies IssueCode), false)
});

export const addMemberSchema = formObject({
	team: referenceSchema,
	email: emailSchema,
	role: roleSchema
});

export const changeRoleSchema = formObject({
	team: referenceSchema,
	user: referenceSchema,
	role: roleSchema
});

export const removeMemberSchema = formObject({
	team: referenceSchema,
	user: referenceSchema
});

export const createBoardSchema = formObject({
	team: referenceSchema,
	name: boardNameSchema
});

export const renameBoardSchema = formObject({
	boardId: referenceSchema,
	name: boardNameSchema
});

export const localeFormSchema = formObject({ locale: localeSchema });

export type Parsed<T> = { ok: true; value: T } | { ok: false; issues: FieldIssues };

/** Runs a schema and reduces valibot's issues to one code per field. */
export function parseInput<TSchema extends v.GenericSchema>(
	schema: TSchema,
	input: unknown
): Parsed<v.InferOutput<TSchema>> {
	const result = v.safeParse(schema, input);
	if (result.success) return { ok: true, value: result.output };
	const issues: FieldIssues = {};
	for (const issue of result.issues) {
		const field = v.getDotPath(issue) ?? '';
		issues[field] ??= toIssueCode(issue.message);
	}
	return { ok: false, issues };
}

const KNOWN_CODES: ReadonlySet<string> = new Set(ISSUE_CODES);

function toIssueCode(message: string): IssueCode {
	return KNOWN_CODES.has(message) ? (message as IssueCode) : 'invalid';
}

/** Text fields of a submitted form, '' for a missing field; files are ignored. */
export function readFormText<const K extends string>(
	data: FormData,
	names: readonly K[]
): Record<K, string> {
	const values = {} as Record<K, string>;
	for (const name of names) {
		const value = data.get(name);
		values[name] = typeof value === 'string' ? value : '';
	}
	return values;
}
