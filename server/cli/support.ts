/** What the CLI's commands and its runner share: errors with exit codes, output, reading values. */
import type { ParseArgsConfig } from 'node:util';
import type { Db } from '../../src/lib/server/db/connect';
import type { ServiceFailure, ServiceResult } from '../../src/lib/server/admin/admin.service';
import { ROLES } from '../../src/lib/server/teams/team.repository';
import { LIMITS, type IssueCode } from '../../src/lib/server/validation';

export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

/** An error meant for the operator: printed without a stack, with its exit code. */
export class CliError extends Error {
	constructor(
		message: string,
		readonly exitCode: number
	) {
		super(message);
	}
}

export function usageError(message: string): CliError {
	const text = message.startsWith('Error: ') ? message : `Error: ${message}`;
	return new CliError(`${text}\nRun \`npm run cli -- --help\` for usage.`, EXIT_USAGE);
}

export type Options = NonNullable<ParseArgsConfig['options']>;
export type Values = Record<string, string | boolean | undefined>;

export interface Command {
	usage: string;
	summary: string;
	options: Options;
	required: string[];
	run: (db: Db, values: Values) => Promise<void>;
	/** Runs before the database is opened, e.g. to read the password from stdin. */
	prepare?: (values: Values) => Promise<Values>;
}

export const out = (line: string) => process.stdout.write(`${line}\n`);

export const str = (values: Values, key: string): string => {
	const value = values[key];
	return typeof value === 'string' ? value : '';
};

// Which flag the operator typed for a field the service reports on.
const FLAG_BY_FIELD: Record<string, string> = {
	name: '--name',
	email: '--email',
	team: '--team',
	role: '--role',
	user: '--email',
	password: 'password',
	boardId: '--board'
};

export function describeIssue(field: string, code: IssueCode, values: Values): string {
	const flag = FLAG_BY_FIELD[field] ?? `--${field}`;
	switch (code) {
		case 'required':
			return `${flag} must not be empty`;
		case 'too_long':
			return `${flag} is too long`;
		case 'too_short':
			return `the password must be at least ${LIMITS.passwordMin} characters`;
		case 'invalid_email':
			return `${flag} is not a valid email address`;
		case 'invalid_role':
			return `${flag} must be one of: ${ROLES.join(', ')}`;
		case 'email_taken':
			return `a user with email "${str(values, 'email')}" already exists`;
		case 'team_name_taken':
			return `a team named "${str(values, 'name')}" already exists`;
		case 'user_not_found':
			return `no user with email "${str(values, 'email')}"`;
		case 'team_not_found':
			return `no team with id or name "${str(values, 'team')}"`;
		case 'board_not_found':
			return `no board with id "${str(values, 'board')}"`;
		case 'not_member':
			return `"${str(values, 'email')}" is not a member of team "${str(values, 'team')}"`;
		case 'looks_like_cpr':
			return `${flag} must not contain a CPR number`;
		case 'invalid_initials':
			return `${flag} must be 2-4 letters`;
		case 'invalid_cvr':
			return `${flag} must be exactly 8 digits`;
		case 'invalid_hours':
			return `${flag} must be a number of hours from 0 to ${LIMITS.hoursWantedMax}`;
		case 'unknown_target_group':
			return `${flag} is not a known target group`;
		case 'invalid_target_group_code':
			return `${flag} must be letters and digits, joined by - or /`;
		case 'target_group_code_taken':
			return `a target group with code "${str(values, 'code')}" already exists`;
		case 'target_group_not_found':
			return `no target group with id "${str(values, 'id')}"`;
		case 'invalid_locale':
		case 'invalid':
			return `${flag} is not valid`;
	}
}

function failureError(failure: ServiceFailure, values: Values): CliError {
	const lines = Object.entries(failure.issues).flatMap(([field, code]) =>
		code ? [describeIssue(field, code, values)] : []
	);
	const message = `Error: ${lines.join('; ')}`;
	return failure.kind === 'invalid' ? usageError(message) : new CliError(message, EXIT_FAILED);
}

export function unwrap<T>(result: ServiceResult<T>, values: Values): T {
	if (!result.ok) throw failureError(result, values);
	return result.value;
}
