/**
 * Operator CLI: `npm run cli -- <command>`. Runs the same admin services as the admin pages,
 * against the database in TAVLEN_DB, with the operator's rights (whoever can run this can read
 * the database file anyway). Results go to stdout, errors to stderr; see docs/cli.md.
 */
import { runCli } from './cli/run';
import { CliError, EXIT_FAILED } from './cli/support';

runCli(process.argv.slice(2)).then(
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
