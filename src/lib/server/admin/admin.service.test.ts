import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { listLanes } from '../../board/model';
import { verifyPassword } from '../auth/password';
import { openDatabase, type Db } from '../db/connect';
import { migrateToLatest } from '../db/migrate';
import { findUserByEmail } from '../users/user.repository';
import {
	addMember,
	changeRole,
	createBoard,
	createTeam,
	createUserWithPassword,
	deleteBoard,
	getTeamDetail,
	listBoardsOverview,
	listTeamsOverview,
	listUsersOverview,
	removeMember,
	renameBoard,
	type ServiceResult
} from './admin.service';

const NOW = Date.UTC(2026, 10, 27, 8, 0, 0);
const PASSWORD = 'et-langt-kodeord';

let dir: string;
let db: Db;

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'tavlen-admin-'));
	db = openDatabase({ file: join(dir, 'test.sqlite') });
	await migrateToLatest(db);
});

beforeEach(async () => {
	for (const table of ['board', 'membership', 'team', 'session', 'user'] as const) {
		await db.deleteFrom(table).execute();
	}
});

afterAll(async () => {
	await db.destroy();
	rmSync(dir, { recursive: true, force: true });
});

function value<T>(result: ServiceResult<T>): T {
	if (!result.ok)
		throw new Error(`expected success, got ${result.kind} ${JSON.stringify(result.issues)}`);
	return result.value;
}

async function person(email: string, name = 'Anna Andersen') {
	return value(await createUserWithPassword(db, { email, name, password: PASSWORD }, NOW));
}

describe('teams', () => {
	it('creates a team with a trimmed name and refuses a duplicate', async () => {
		const team = value(await createTeam(db, { name: '  Virksomhedsservice ' }, NOW));
		expect(team.name).toBe('Virksomhedsservice');
		expect(await createTeam(db, { name: 'Virksomhedsservice' }, NOW)).toEqual({
			ok: false,
			kind: 'conflict',
			issues: { name: 'team_name_taken' }
		});
	});

	it('refuses an empty or too long name', async () => {
		expect(await createTeam(db, { name: '   ' }, NOW)).toEqual({
			ok: false,
			kind: 'invalid',
			issues: { name: 'required' }
		});
		expect(await createTeam(db, { name: 'x'.repeat(81) }, NOW)).toMatchObject({
			kind: 'invalid',
			issues: { name: 'too_long' }
		});
	});

	it('lists teams with member and board counts', async () => {
		const team = value(await createTeam(db, { name: 'Unge' }, NOW));
		await person('anna@demoby.dk');
		value(await addMember(db, { team: team.id, email: 'anna@demoby.dk', role: 'consultant' }));
		value(await createBoard(db, { team: 'Unge', name: 'Småjob' }, NOW));
		expect(await listTeamsOverview(db)).toMatchObject([
			{ id: team.id, name: 'Unge', memberCount: 1, boardCount: 1 }
		]);
	});
});

describe('users', () => {
	it('creates a user with a hashed password and a normalised email', async () => {
		const user = value(
			await createUserWithPassword(
				db,
				{ email: ' Bo@Demoby.DK ', name: ' Bo Bertelsen ', password: PASSWORD, isAdmin: true },
				NOW
			)
		);
		expect(user).toMatchObject({ email: 'bo@demoby.dk', name: 'Bo Bertelsen', isAdmin: true });
		const stored = await findUserByEmail(db, 'bo@demoby.dk');
		expect(stored?.passwordHash).not.toContain(PASSWORD);
		expect(await verifyPassword(stored!.passwordHash, PASSWORD)).toBe(true);
	});

	it('reports every invalid field at once', async () => {
		const result = await createUserWithPassword(
			db,
			{ email: 'not-an-email', name: '', password: 'short' },
			NOW
		);
		expect(result).toEqual({
			ok: false,
			kind: 'invalid',
			issues: { email: 'invalid_email', name: 'required', password: 'too_short' }
		});
	});

	it('refuses an email that is taken, whatever its case', async () => {
		await person('anna@demoby.dk');
		expect(
			await createUserWithPassword(
				db,
				{ email: 'ANNA@demoby.dk', name: 'Anna To', password: PASSWORD },
				NOW
			)
		).toEqual({ ok: false, kind: 'conflict', issues: { email: 'email_taken' } });
	});

	it('lists users with their teams and roles', async () => {
		const team = value(await createTeam(db, { name: 'Unge' }, NOW));
		await person('anna@demoby.dk');
		value(await addMember(db, { team: 'Unge', email: 'anna@demoby.dk', role: 'leader' }));
		expect(await listUsersOverview(db)).toMatchObject([
			{ email: 'anna@demoby.dk', teams: [{ teamId: team.id, teamName: 'Unge', role: 'leader' }] }
		]);
	});
});

describe('memberships', () => {
	it('adds a member by team name or id, and changes the role when added again', async () => {
		const team = value(await createTeam(db, { name: 'Unge' }, NOW));
		const board = value(await createBoard(db, { team: team.id, name: 'Tavle' }, NOW));
		const anna = await person('anna@demoby.dk');
		const added = value(
			await addMember(db, { team: 'Unge', email: 'ANNA@demoby.dk', role: 'viewer' })
		);
		expect(added).toMatchObject({ role: 'viewer', previousRole: null, boardIds: [board.id] });
		expect(added.user.id).toBe(anna.id);
		const again = value(
			await addMember(db, { team: team.id, email: 'anna@demoby.dk', role: 'leader' })
		);
		expect(again).toMatchObject({ role: 'leader', previousRole: 'viewer' });
		expect(value(await getTeamDetail(db, team.id)).members).toEqual([
			{ userId: anna.id, name: 'Anna Andersen', email: 'anna@demoby.dk', role: 'leader' }
		]);
	});

	it('tells which reference was not found or was invalid', async () => {
		await createTeam(db, { name: 'Unge' }, NOW);
		await person('anna@demoby.dk');
		expect(await addMember(db, { team: 'Ældre', email: 'anna@demoby.dk', role: 'viewer' })).toEqual(
			{
				ok: false,
				kind: 'not_found',
				issues: { team: 'team_not_found' }
			}
		);
		expect(
			await addMember(db, { team: 'Unge', email: 'nobody@demoby.dk', role: 'viewer' })
		).toEqual({
			ok: false,
			kind: 'not_found',
			issues: { email: 'user_not_found' }
		});
		expect(await addMember(db, { team: 'Unge', email: 'anna@demoby.dk', role: 'owner' })).toEqual({
			ok: false,
			kind: 'invalid',
			issues: { role: 'invalid_role' }
		});
	});

	it('changes a role and removes a member, by user id or email; refuses non-members', async () => {
		const team = value(await createTeam(db, { name: 'Unge' }, NOW));
		const anna = await person('anna@demoby.dk');
		const bo = await person('bo@demoby.dk', 'Bo Bertelsen');
		value(await addMember(db, { team: team.id, email: anna.email, role: 'consultant' }));
		expect(
			value(await changeRole(db, { team: team.id, user: anna.id, role: 'leader' }))
		).toMatchObject({
			role: 'leader',
			previousRole: 'consultant'
		});
		expect(await changeRole(db, { team: team.id, user: bo.id, role: 'leader' })).toEqual({
			ok: false,
			kind: 'not_found',
			issues: { user: 'not_member' }
		});
		expect(value(await removeMember(db, { team: 'Unge', user: 'anna@demoby.dk' }))).toMatchObject({
			role: null,
			previousRole: 'leader'
		});
		expect(await removeMember(db, { team: 'Unge', user: anna.id })).toMatchObject({
			kind: 'not_found',
			issues: { user: 'not_member' }
		});
		expect(value(await getTeamDetail(db, 'Unge')).members).toEqual([]);
	});
});

describe('boards', () => {
	it('creates a board with the default lanes, renames it and deletes it with its log', async () => {
		await createTeam(db, { name: 'Unge' }, NOW);
		const board = value(await createBoard(db, { team: 'Unge', name: ' Småjob ' }, NOW));
		expect(board.name).toBe('Småjob');

		const updates = await db
			.selectFrom('board_update')
			.select('data')
			.where('board_id', '=', board.id)
			.execute();
		const doc = new Y.Doc();
		for (const u of updates) Y.applyUpdate(doc, u.data);
		expect(listLanes(doc).map((l) => l.title)).toContain('Ny');

		expect(value(await renameBoard(db, { boardId: board.id, name: 'Unge-tavlen' })).name).toBe(
			'Unge-tavlen'
		);
		expect(await listBoardsOverview(db)).toMatchObject([
			{ id: board.id, name: 'Unge-tavlen', teamName: 'Unge' }
		]);
		expect(await renameBoard(db, { boardId: board.id, name: '' })).toMatchObject({
			kind: 'invalid',
			issues: { name: 'required' }
		});

		value(await deleteBoard(db, { boardId: board.id }));
		expect(await listBoardsOverview(db)).toEqual([]);
		const left = await db
			.selectFrom('board_update')
			.select('id')
			.where('board_id', '=', board.id)
			.execute();
		expect(left).toEqual([]);
		expect(await deleteBoard(db, { boardId: board.id })).toEqual({
			ok: false,
			kind: 'not_found',
			issues: { boardId: 'board_not_found' }
		});
	});

	it('refuses a board for a missing team', async () => {
		expect(await createBoard(db, { team: 'nope', name: 'Tavle' }, NOW)).toEqual({
			ok: false,
			kind: 'not_found',
			issues: { team: 'team_not_found' }
		});
	});
});
