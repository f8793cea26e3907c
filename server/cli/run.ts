/** Parsing the command line, help texts, and running a command against the database. */
import { parseArgs } from 'node:util';
import { configFromEnv } from '../../src/lib/server/config';
import { openDatabase } from '../../src/lib/server/db/connect';
import { migrateToLatest } from '../../src/lib/server/db/migrate';
import { COMMANDS } from './commands';
import { CliError, EXIT_USAGE, out, usageError, type Command, type Values } from './support';

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

function isParseArgsError(error: unknown): error is Error & { code: string } {
	return (
		error instanceof Error &&
		'code' in error &&
		typeof error.code === 'string' &&
		error.code.startsWith('ERR_PARSE_ARGS')
	);
}

/** Runs one command line; resolves to the exit code, or throws (CliError for the operator). */
export async function runCli(argv: string[]): Promise<number> {
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
