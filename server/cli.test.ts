import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../src/lib/server/auth/password';
import { openDatabase } from '../src/lib/server/db/connect';
import { findUserByEmail } from '../src/lib/server/users/user.repository';

// Each run starts a fresh Node process with the tsx loader (seconds on a busy machine), so independent runs go
// in parallel and the timeouts are generous.
const TIMEOUT = 180_000;
const ID = /^[a-z2-7]{16}$/;

interface Run {
	code: number | null;
	stdout: string;
	stderr: string;
}

let dir: string;
let dbFile: string;

beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'tavlen-cli-'));
	dbFile = join(dir, 'cli.sqlite');
});

afterAll(() => {
	rmSync(dir, { recursive: true, force: true });
});

function cli(args: string[], input?: string, file = dbFile): Promise<Run> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli.ts', ...args], {
			cwd: process.cwd(),
			env: { ...process.env, TAVLEN_DB: file, TAVLEN_SEED_DEMO: '1' },
			stdio: ['pipe', 'pipe', 'pipe']
		});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
		child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
		child.on('error', reject);
		child.on('close', (code) => resolve({ code, stdout, stderr }));
		child.stdin.end(input ?? '');
	});
}

describe('operator CLI', () => {
	it(
		'prints help, and refuses bad arguments with exit code 2 and an English message',
		async () => {
			const [help, unknown, badOption, missing] = await Promise.all([
				cli(['--help']),
				cli(['frobnicate']),
				cli(['team', 'create', '--nme', 'X']),
				cli(['board', 'create', '--team', 'X'])
			]);
			expect(help.code).toBe(0);
			for (const command of ['team create', 'user create', 'member add', 'board create']) {
				expect(help.stdout).toContain(command);
			}
			expect(unknown).toMatchObject({ code: 2, stdout: '' });
			expect(unknown.stderr).toContain('Unknown command "frobnicate"');
			expect(badOption.code).toBe(2);
			expect(badOption.stderr).toContain("'--nme'");
			expect(missing.code).toBe(2);
			expect(missing.stderr).toContain('Missing --name');
		},
		TIMEOUT
	);

	it(
		'creates a team, a user, a membership and a board, printing ids, without seeding demo data',
		async () => {
			const team = await cli(['team', 'create', '--name', 'Virksomhedsservice']);
			expect(team.code).toBe(0);
			const teamId = team.stdout.trim();
			expect(teamId).toMatch(ID);

			const [user, shortPassword, duplicateTeam] = await Promise.all([
				cli(
					['user', 'create', '--email', 'Anna@Demoby.dk', '--name', 'Anna Andersen', '--admin'],
					'et langt kodeord\nsecond line is ignored\n'
				),
				cli(['user', 'create', '--email', 'bo@demoby.dk', '--name', 'Bo'], 'kort\n'),
				cli(['team', 'create', '--name', 'Virksomhedsservice'])
			]);
			expect(user.code).toBe(0);
			expect(user.stdout.trim()).toMatch(ID);
			expect(shortPassword.code).toBe(2);
			expect(shortPassword.stderr).toContain('at least 10 characters');
			expect(duplicateTeam.code).toBe(1);
			expect(duplicateTeam.stderr).toContain('already exists');

			const [member, board, unknownTeam, badRole] = await Promise.all([
				cli([
					'member',
					'add',
					'--team',
					'Virksomhedsservice',
					'--email',
					'anna@demoby.dk',
					'--role',
					'leader'
				]),
				cli(['board', 'create', '--team', teamId, '--name', 'Jobåbninger']),
				cli(['member', 'add', '--team', 'Ingen', '--email', 'anna@demoby.dk', '--role', 'viewer']),
				cli(['member', 'add', '--team', teamId, '--email', 'anna@demoby.dk', '--role', 'boss'])
			]);
			expect(member.code).toBe(0);
			expect(board.code).toBe(0);
			const boardId = board.stdout.trim();
			expect(boardId).toMatch(ID);
			expect(unknownTeam.code).toBe(1);
			expect(unknownTeam.stderr).toContain('no team with id or name "Ingen"');
			expect(badRole.code).toBe(2);

			const [boards, members, users] = await Promise.all([
				cli(['board', 'list']),
				cli(['member', 'list', '--team', teamId]),
				cli(['user', 'list'])
			]);
			expect(boards.stdout).toBe(`${boardId}\tVirksomhedsservice\tJobåbninger\n`);
			expect(members.stdout).toMatch(/\tanna@demoby\.dk\tAnna Andersen\tleader\n$/);
			// TAVLEN_SEED_DEMO is set, yet the CLI never seeds: only the created user exists
			expect(users.stdout.trim().split('\n')).toHaveLength(1);
			expect(users.stdout).toContain('anna@demoby.dk\tAnna Andersen\tadmin');

			const db = openDatabase({ file: dbFile });
			try {
				const anna = await findUserByEmail(db, 'anna@demoby.dk');
				expect(anna?.isAdmin).toBe(true);
				expect(await verifyPassword(anna!.passwordHash, 'et langt kodeord')).toBe(true);
				expect(await findUserByEmail(db, 'bo@demoby.dk')).toBeUndefined();
			} finally {
				await db.destroy();
			}

			const removed = await cli([
				'member',
				'remove',
				'--team',
				teamId,
				'--email',
				'anna@demoby.dk'
			]);
			expect(removed.code).toBe(0);
			const again = await cli(['member', 'remove', '--team', teamId, '--email', 'anna@demoby.dk']);
			expect(again.code).toBe(1);
			expect(again.stderr).toContain('is not a member');
		},
		TIMEOUT
	);
});
