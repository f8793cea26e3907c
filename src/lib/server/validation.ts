import * as v from 'valibot';
import { FIELD_LIMITS, ISSUE_CODES, type FieldIssues, type IssueCode } from '../form-rules';
import { ROLES } from './teams/team.repository';
import { looksLikeCpr } from '../privacy/cpr';

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

// Citizens and companies. Every free-text field refuses text that looks like a CPR number
// (privacy/cpr.ts) with its own code, so the page can say why rather than "not valid".

const noCpr = v.check<string, IssueCode>((text) => !looksLikeCpr(text), 'looks_like_cpr');

function freeText(max: number) {
	return v.pipe(requiredText(max), noCpr);
}

function optionalFreeText(max: number) {
	return v.optional(
		v.pipe(
			v.string('invalid' satisfies IssueCode),
			v.trim(),
			v.maxLength(max, 'too_long' satisfies IssueCode),
			noCpr
		),
		''
	);
}

/** Two to four letters, Danish letters included; stored upper-case. */
export const initialsSchema = v.pipe(
	v.string('required' satisfies IssueCode),
	v.trim(),
	v.nonEmpty('required' satisfies IssueCode),
	v.check((text) => !looksLikeCpr(text), 'looks_like_cpr' satisfies IssueCode),
	v.regex(/^[A-Za-zÆØÅæøå]{2,4}$/u, 'invalid_initials' satisfies IssueCode),
	v.toUpperCase()
);

/** Exactly eight digits, or empty (then null). Spaces are allowed while typing: "1234 5678". */
export const cvrSchema = v.pipe(
	v.optional(v.string('invalid' satisfies IssueCode), ''),
	v.transform((text) => text.replace(/\s+/g, '')),
	v.check((text) => text === '' || /^\d{8}$/.test(text), 'invalid_cvr' satisfies IssueCode),
	v.transform((text) => (text === '' ? null : text))
);

/** Job-area tags from a textarea (one per line) or a list; trimmed, empty and repeated ones dropped. */
export const jobAreasSchema = v.pipe(
	v.optional(
		v.union(
			[v.string('invalid' satisfies IssueCode), v.array(v.string('invalid' satisfies IssueCode))],
			'invalid' satisfies IssueCode
		),
		''
	),
	v.transform((input) => (typeof input === 'string' ? input.split(/[\n,;]/) : input)),
	v.transform((tags) => [...new Set(tags.map((t) => t.trim()).filter((t) => t !== ''))]),
	v.check((tags) => tags.every((t) => t.length <= LIMITS.jobArea), 'too_long' satisfies IssueCode),
	v.maxLength(LIMITS.jobAreasMax, 'too_long' satisfies IssueCode),
	v.check((tags) => !tags.some(looksLikeCpr), 'looks_like_cpr' satisfies IssueCode)
);

/** Hours per week: empty for "not stated", else 0 to the limit; a Danish decimal comma is fine. */
export const hoursWantedSchema = v.pipe(
	v.optional(
		v.union(
			[v.number('invalid' satisfies IssueCode), v.string('invalid' satisfies IssueCode), v.null()],
			'invalid' satisfies IssueCode
		),
		null
	),
	v.transform((input) => {
		if (input === null || typeof input === 'number') return input;
		const text = input.trim().replace(',', '.');
		return text === '' ? null : /^\d+(\.\d+)?$/.test(text) ? Number(text) : Number.NaN;
	}),
	v.check(
		(hours) => hours === null || (hours >= 0 && hours <= LIMITS.hoursWantedMax),
		'invalid_hours' satisfies IssueCode
	)
);

/** A checkbox ('on'), a boolean, or absent (false). */
export const checkboxSchema = v.pipe(
	v.optional(v.union([v.boolean(), v.string()], 'invalid' satisfies IssueCode), false),
	v.transform((input) => input === true || input === 'on' || input === 'true')
);

export const citizenSchema = formObject({
	initials: initialsSchema,
	targetGroupId: referenceSchema,
	jobAreas: jobAreasSchema,
	hoursWanted: hoursWantedSchema,
	jobReady: checkboxSchema
});

/** A change to a citizen: only the fields present are changed. */
export const citizenPatchSchema = v.partial(citizenSchema);

export const companySchema = formObject({
	name: freeText(LIMITS.companyName),
	cvr: cvrSchema,
	industry: optionalFreeText(LIMITS.industry),
	contactPerson: optionalFreeText(LIMITS.contactPerson)
});

/** A target group's short code, e.g. "KH-JP" or "FJ/LY": letters and digits, joined by - / or a space. */
export const targetGroupCodeSchema = v.pipe(
	v.string('required' satisfies IssueCode),
	v.trim(),
	v.nonEmpty('required' satisfies IssueCode),
	v.toUpperCase(),
	v.maxLength(LIMITS.targetGroupCode, 'too_long' satisfies IssueCode),
	v.regex(/^[A-ZÆØÅ0-9]+(?:[-/ ][A-ZÆØÅ0-9]+)*$/u, 'invalid_target_group_code' satisfies IssueCode)
);

export const targetGroupNameSchema = freeText(LIMITS.targetGroupName);

export const createTargetGroupSchema = formObject({
	code: targetGroupCodeSchema,
	name: targetGroupNameSchema
});

export const renameTargetGroupSchema = formObject({
	id: referenceSchema,
	name: targetGroupNameSchema
});

export const targetGroupActiveSchema = formObject({
	id: referenceSchema,
	active: checkboxSchema
});

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
