/**
 * Operator CLI: `npm run cli -- <command>`. Runs the same admin services as the admin pages,
 * against the database in TAVLEN_DB, with the operator's rights (whoever can run this can read
 * the database file anyway). Results go to stdout, errors to stderr; see docs/cli.md.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import {
	addMember,
	createBoard,
	createTeam,
	createUserWithPassword,
	listBoardsOverview,
	listTeamMembers,
	listTeamsOverview,
	listUsersOverview,
	removeMember,
	type ServiceFailure,
	type ServiceResult
} from '../src/lib/server/admin/admin.service';
import { configFromEnv } from '../src/lib/server/config';
import { openDatabase, type Db } from '../src/lib/server/db/connect';
import { migrateToLatest } from '../src/lib/server/db/migrate';
import { ROLES } from '../src/lib/server/teams/team.repository';
import {
	LIMITS,
	emailSchema,
	parseInput,
	personNameSchema,
	type IssueCode
} from '../src/lib/server/validation';

const EXIT_FAILED = 1;
const EXIT_USAGE = 2;

/** An error meant for the operator: printed without a stack, with its exit code. */
class CliError extends Error {
	constructor(
		message: string,
		readonly exitCode: number
	) {
		super(message);
	}
}

function usageError(message: string): CliError {
	const text = message.startsWith('Error: ') ? message : `Error: ${message}`;
	return new CliError(`${text}\nRun \`npm run cli -- --help\` for usage.`, EXIT_USAGE);
}

type Options = NonNullable<ParseArgsConfig['options']>;
type Values = Record<string, string | boolean | undefined>;

interface Command {
	usage: string;
	summary: string;
	options: Options;
	required: string[];
	run: (db: Db, values: Values) => Promise<void>;
	/** Runs before the database is opened, e.g. to read the password from stdin. */
	prepare?: (values: Values) => Promise<Values>;
}

const out = (line: string) => process.stdout.write(`${line}\n`);

const str = (values: Values, key: string): string => {
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

function describeIssue(field: string, code: IssueCode, values: Values): string {
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

function unwrap<T>(result: ServiceResult<T>, values: Values): T {
	if (!result.ok) throw failureError(result, values);
	return result.value;
}

const COMMANDS: Record<string, Command> = {
	'team create': {
		usage: 'team create --name <name>',
		summary: 'Create a team; prints its id.',
		options: { name: { type: 'string' } },
		required: ['name'],
		run: async (db, values) => {
			const team = unwrap(await createTeam(db, { name: str(values, 'name') }, Date.now()), values);
			out(team.id);
		}
	},
	'team list': {
		usage: 'team list',
		summary: 'List teams: id, name, members, boards (tab-separated).',
		options: {},
		required: [],
		run: async (db) => {
			for (const t of await listTeamsOverview(db)) {
				out([t.id, t.name, t.memberCount, t.boardCount].join('\t'));
			}
		}
	},
	'user create': {
		usage: 'user create --email <email> --name <name> [--admin]  (password on stdin)',
		summary: `Create a user; reads the password from the first line of stdin (at least ${LIMITS.passwordMin} characters); prints the id.`,
		options: { email: { type: 'string' }, name: { type: 'string' }, admin: { type: 'boolean' } },
		required: ['email', 'name'],
		prepare: async (values) => {
			// check the arguments first, so a typo does not cost the operator a password prompt
			for (const [field, schema] of [
				['email', emailSchema],
				['name', personNameSchema]
			] as const) {
				const parsed = parseInput(schema, values[field]);
				if (!parsed.ok) {
					throw usageError(
						`Error: ${describeIssue(field, parsed.issues[''] ?? 'invalid', values)}`
					);
				}
			}
			const password = await readPassword();
			if (password.length === 0) throw usageError('Error: no password on stdin');
			if (password.length < LIMITS.passwordMin) {
				throw usageError(`Error: ${describeIssue('password', 'too_short', values)}`);
			}
			return { ...values, password };
		},
		run: async (db, values) => {
			const user = unwrap(
				await createUserWithPassword(
					db,
					{
						email: str(values, 'email'),
						name: str(values, 'name'),
						password: str(values, 'password'),
						isAdmin: values.admin === true
					},
					Date.now()
				),
				values
			);
			out(user.id);
		}
	},
	'user list': {
		usage: 'user list',
		summary: 'List users: id, email, name, admin or - (tab-separated).',
		options: {},
		required: [],
		run: async (db) => {
			for (const u of await listUsersOverview(db)) {
				out([u.id, u.email, u.name, u.isAdmin ? 'admin' : '-'].join('\t'));
			}
		}
	},
	'member add': {
		usage: `member add --team <id or name> --email <email> --role <${ROLES.join('|')}>`,
		summary: 'Add a user to a team, or change the role of a member.',
		options: { team: { type: 'string' }, email: { type: 'string' }, role: { type: 'string' } },
		required: ['team', 'email', 'role'],
		run: async (db, values) => {
			const change = unwrap(
				await addMember(db, {
					team: str(values, 'team'),
					email: str(values, 'email'),
					role: str(values, 'role')
				}),
				values
			);
			out(
				change.previousRole
					? `${change.user.email} in ${change.team.name}: ${change.previousRole} -> ${change.role}`
					: `${change.user.email} added to ${change.team.name} as ${change.role}`
			);
		}
	},
	'member remove': {
		usage: 'member remove --team <id or name> --email <email>',
		summary: 'Remove a user from a team.',
		options: { team: { type: 'string' }, email: { type: 'string' } },
		required: ['team', 'email'],
		run: async (db, values) => {
			const change = unwrap(
				await removeMember(db, { team: str(values, 'team'), user: str(values, 'email') }),
				values
			);
			out(`${change.user.email} removed from ${change.team.name}`);
		}
	},
	'member list': {
		usage: 'member list --team <id or name>',
		summary: 'List the members of a team: user id, email, name, role (tab-separated).',
		options: { team: { type: 'string' } },
		required: ['team'],
		run: async (db, values) => {
			const { members } = unwrap(await listTeamMembers(db, str(values, 'team')), values);
			for (const mb of members) out([mb.userId, mb.email, mb.name, mb.role].join('\t'));
		}
	},
	'board create': {
		usage: 'board create --team <id or name> --name <name>',
		summary: 'Create a board with the default lanes for a team; prints its id.',
		options: { team: { type: 'string' }, name: { type: 'string' } },
		required: ['team', 'name'],
		run: async (db, values) => {
			const board = unwrap(
				await createBoard(db, { team: str(values, 'team'), name: str(values, 'name') }, Date.now()),
				values
			);
			out(board.id);
		}
	},
	'board list': {
		usage: 'board list [--team <id or name>]',
		summary: 'List boards: id, team, name (tab-separated).',
		options: { team: { type: 'string' } },
		required: [],
		run: async (db, values) => {
			const team = str(values, 'team').trim();
			const boards = await listBoardsOverview(db);
			const shown = team ? boards.filter((b) => b.teamId === team || b.teamName === team) : boards;
			if (team && shown.length === 0) {
				// an empty list is fine for an existing team, but a typo must not look like one
				unwrap(await listTeamMembers(db, team), values);
			}
			for (const b of shown) out([b.id, b.teamName, b.name].join('\t'));
		}
	}
};

function helpText(): string {
	const lines = Object.values(COMMANDS).flatMap((c) => [`  ${c.usage}`, `      ${c.summary}`]);
	return [
		'Tavlen operator CLI',
		'',
		'Usage: npm run cli -- <command> [options]',
		'',
		'Commands:',
		...lines,
		'',
		'Options:',
		'  -h, --help    Show this help, or the help of one command.',
		'',
		'Environment:',
		'  TAVLEN_DB     SQLite database file (default data/tavlen.sqlite). Migrated before every command.',
		'',
		'Exit codes: 0 done, 1 not found or refused (e.g. name taken), 2 bad arguments.',
		'See docs/cli.md.'
	].join('\n');
}

function commandHelp(command: Command): string {
	return `Usage: npm run cli -- ${command.usage}\n\n${command.summary}`;
}

async function readPassword(): Promise<string> {
	return process.stdin.isTTY ? readHiddenLine() : readFirstLine();
}

async function readFirstLine(): Promise<string> {
	process.stdin.setEncoding('utf8');
	let text = '';
	for await (const chunk of process.stdin) {
		text += String(chunk);
		if (text.includes('\n')) break;
	}
	const line = text.split('\n')[0] ?? '';
	return line.endsWith('\r') ? line.slice(0, -1) : line;
}

/** Reads a line from the terminal without echoing it. */
function readHiddenLine(): Promise<string> {
	const stdin = process.stdin;
	return new Promise((resolve, reject) => {
		let value = '';
		const finish = () => {
			stdin.off('data', onData);
			stdin.setRawMode(false);
			stdin.pause();
			process.stderr.write('\n');
		};
		const onData = (chunk: string) => {
			for (const char of chunk) {
				if (char === '\r' || char === '\n') {
					finish();
					resolve(value);
					return;
				}
				if (char === '\u0003' || char === '\u0004') {
					finish();
					reject(new CliError('Cancelled.', 130));
					return;
				}
				if (char === '\u007f' || char === '\b') value = value.slice(0, -1);
				else value += char;
			}
		};
		process.stderr.write('Password (not shown): ');
		stdin.setEncoding('utf8');
		stdin.setRawMode(true);
		stdin.on('data', onData);
		stdin.resume();
	});
}

function isParseArgsError(error: unknown): error is Error & { code: string } {
	return (
		error instanceof Error &&
		'code' in error &&
		typeof error.code === 'string' &&
		error.code.startsWith('ERR_PARSE_ARGS')
	);
}

async function main(argv: string[]): Promise<number> {
	const words: string[] = [];
	while (words.length < 2 && argv[0] !== undefined && !argv[0].startsWith('-')) {
		words.push(argv.shift() as string);
	}
	const wantsHelp = argv.includes('--help') || argv.includes('-h');
	if (words.length === 0) {
		if (wantsHelp) {
			out(helpText());
			return 0;
		}
		if (argv.length === 0) throw new CliError(helpText(), EXIT_USAGE);
		throw usageError(`Unknown option ${argv[0] ?? ''}: expected a command first.`);
	}

	const name = words.join(' ');
	const command = COMMANDS[name];
	if (!command) {
		const nouns = new Set(Object.keys(COMMANDS).map((k) => k.split(' ')[0]));
		if (words.length === 1 && nouns.has(name)) {
			const verbs = Object.keys(COMMANDS).filter((k) => k.startsWith(`${name} `));
			throw usageError(`Missing subcommand for "${name}": one of ${verbs.join(', ')}.`);
		}
		throw usageError(`Unknown command "${name}".`);
	}
	if (wantsHelp) {
		out(commandHelp(command));
		return 0;
	}

	let values: Values;
	try {
		values = parseArgs({
			args: argv,
			options: command.options,
			strict: true,
			allowPositionals: false
		}).values as Values;
	} catch (error) {
		if (isParseArgsError(error))
			throw usageError(`${error.message}\nUsage: npm run cli -- ${command.usage}`);
		throw error;
	}
	const missing = command.required.filter((key) => typeof values[key] !== 'string');
	if (missing.length > 0) {
		throw usageError(
			`Missing ${missing.map((k) => `--${k}`).join(', ')}.\nUsage: npm run cli -- ${command.usage}`
		);
	}
	if (command.prepare) values = await command.prepare(values);

	const db = openDatabase({ file: configFromEnv(process.env).databaseFile });
	try {
		await migrateToLatest(db);
		await command.run(db, values);
	} finally {
		await db.destroy();
	}
	return 0;
}

main(process.argv.slice(2)).then(
	(code) => {
		process.exitCode = code;
	},
	(error: unknown) => {
		if (error instanceof CliError) {
			process.stderr.write(`${error.message}\n`);
			process.exitCode = error.exitCode;
			return;
		}
		process.stderr.write(
			`Error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`
		);
		process.exitCode = EXIT_FAILED;
	}
);
