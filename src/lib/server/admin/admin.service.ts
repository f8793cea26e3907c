import { hashPassword } from '../auth/password';
import {
	deleteBoard as deleteBoardRow,
	findBoard,
	listBoards,
	listBoardsForTeam,
	renameBoard as renameBoardRow,
	type Board
} from '../boards/board.repository';
import { createBoardWithLanes } from '../boards/board.service';
import type { Db } from '../db/connect';
import {
	createTeam as createTeamRow,
	findRole,
	findTeam,
	findTeamByName,
	listMembers,
	listMemberships,
	listTeams,
	removeMembership,
	setMembership,
	type Member,
	type Role,
	type Team
} from '../teams/team.repository';
import {
	createUser,
	findUserByEmail,
	findUserById,
	listUsers,
	type User
} from '../users/user.repository';
import {
	addMemberSchema,
	changeRoleSchema,
	createBoardSchema,
	createTeamSchema,
	createUserSchema,
	parseInput,
	referenceSchema,
	removeMemberSchema,
	renameBoardSchema,
	type FieldIssues
} from '../validation';

/**
 * Administration of teams, users, memberships and boards. The admin pages and the operator CLI
 * both call these, so validation and the rules live here once. Authorisation (canAdminister) is
 * the caller's job: pages check the signed-in user, the CLI runs with the operator's rights.
 */

export type ServiceFailure = {
	ok: false;
	/** invalid: bad input; not_found: a referenced team/user/board is missing; conflict: taken. */
	kind: 'invalid' | 'not_found' | 'conflict';
	issues: FieldIssues;
};
export type ServiceResult<T> = { ok: true; value: T } | ServiceFailure;

function success<T>(value: T): ServiceResult<T> {
	return { ok: true, value };
}

function failure(kind: ServiceFailure['kind'], issues: FieldIssues): ServiceFailure {
	return { ok: false, kind, issues };
}

function isUniqueViolation(error: unknown): boolean {
	return (
		error instanceof Error &&
		'code' in error &&
		typeof error.code === 'string' &&
		error.code.startsWith('SQLITE_CONSTRAINT')
	);
}

async function resolveTeam(db: Db, ref: string): Promise<Team | ServiceFailure> {
	const team = await findTeam(db, ref.trim());
	return team ?? failure('not_found', { team: 'team_not_found' });
}

/** A user typed as an email address or given by id. */
async function resolveUser(
	db: Db,
	ref: string,
	field: 'email' | 'user'
): Promise<User | ServiceFailure> {
	const trimmed = ref.trim();
	const user = trimmed.includes('@')
		? await findUserByEmail(db, trimmed)
		: await findUserById(db, trimmed);
	if (!user) return failure('not_found', { [field]: 'user_not_found' });
	return {
		id: user.id,
		email: user.email,
		name: user.name,
		isAdmin: user.isAdmin,
		locale: user.locale,
		createdAt: user.createdAt
	};
}

function isFailure(value: object): value is ServiceFailure {
	return 'ok' in value && value.ok === false;
}

async function boardIdsOf(db: Db, teamId: string): Promise<string[]> {
	return (await listBoardsForTeam(db, teamId)).map((b) => b.id);
}

// Teams

export async function createTeam(
	db: Db,
	input: { name: string },
	now: number
): Promise<ServiceResult<Team>> {
	const parsed = parseInput(createTeamSchema, input);
	if (!parsed.ok) return failure('invalid', parsed.issues);
	if (await findTeamByName(db, parsed.value.name)) {
		return failure('conflict', { name: 'team_name_taken' });
	}
	try {
		return success(await createTeamRow(db, parsed.value.name, now));
	} catch (error) {
		if (isUniqueViolation(error)) return failure('conflict', { name: 'team_name_taken' });
		throw error;
	}
}

export interface TeamOverview extends Team {
	memberCount: number;
	boardCount: number;
}

export async function listTeamsOverview(db: Db): Promise<TeamOverview[]> {
	const [teams, memberships, boards] = await Promise.all([
		listTeams(db),
		listMemberships(db),
		listBoards(db)
	]);
	return teams.map((team) => ({
		...team,
		memberCount: memberships.filter((m) => m.teamId === team.id).length,
		boardCount: boards.filter((b) => b.teamId === team.id).length
	}));
}

export interface TeamDetail {
	team: Team;
	members: Member[];
	boards: Board[];
}

export async function getTeamDetail(db: Db, teamRef: string): Promise<ServiceResult<TeamDetail>> {
	const parsed = parseInput(referenceSchema, teamRef);
	if (!parsed.ok) return failure('invalid', { team: parsed.issues[''] ?? 'invalid' });
	const team = await resolveTeam(db, parsed.value);
	if (isFailure(team)) return team;
	const [members, boards] = await Promise.all([
		listMembers(db, team.id),
		listBoardsForTeam(db, team.id)
	]);
	return success({ team, members, boards });
}

// Users

export interface NewUserInput {
	name: string;
	email: string;
	password: string;
	isAdmin?: boolean;
}

export async function createUserWithPassword(
	db: Db,
	input: NewUserInput,
	now: number
): Promise<ServiceResult<User>> {
	const parsed = parseInput(createUserSchema, input);
	if (!parsed.ok) return failure('invalid', parsed.issues);
	const { name, email, password, isAdmin } = parsed.value;
	if (await findUserByEmail(db, email)) return failure('conflict', { email: 'email_taken' });
	const passwordHash = await hashPassword(password);
	try {
		return success(await createUser(db, { name, email, passwordHash, isAdmin, now }));
	} catch (error) {
		if (isUniqueViolation(error)) return failure('conflict', { email: 'email_taken' });
		throw error;
	}
}

export interface UserOverview extends User {
	teams: { teamId: string; teamName: string; role: Role }[];
}

export async function listUsersOverview(db: Db): Promise<UserOverview[]> {
	const [users, memberships] = await Promise.all([listUsers(db), listMemberships(db)]);
	return users.map((user) => ({
		...user,
		teams: memberships
			.filter((m) => m.userId === user.id)
			.map(({ teamId, teamName, role }) => ({ teamId, teamName, role }))
	}));
}

// Memberships

export interface MembershipChange {
	team: Team;
	user: User;
	role: Role | null;
	previousRole: Role | null;
	/** Boards whose live connections must re-check access. */
	boardIds: string[];
}

/** Adds a person to a team, or changes the role if the person is already a member. */
export async function addMember(
	db: Db,
	input: { team: string; email: string; role: string }
): Promise<ServiceResult<MembershipChange>> {
	const parsed = parseInput(addMemberSchema, input);
	if (!parsed.ok) return failure('invalid', parsed.issues);
	const team = await resolveTeam(db, parsed.value.team);
	if (isFailure(team)) return team;
	const user = await resolveUser(db, parsed.value.email, 'email');
	if (isFailure(user)) return user;
	const previousRole = (await findRole(db, team.id, user.id)) ?? null;
	await setMembership(db, team.id, user.id, parsed.value.role);
	return success({
		team,
		user,
		role: parsed.value.role,
		previousRole,
		boardIds: await boardIdsOf(db, team.id)
	});
}

/** Changes the role of an existing member; refuses people who are not members. */
export async function changeRole(
	db: Db,
	input: { team: string; user: string; role: string }
): Promise<ServiceResult<MembershipChange>> {
	const parsed = parseInput(changeRoleSchema, input);
	if (!parsed.ok) return failure('invalid', parsed.issues);
	const team = await resolveTeam(db, parsed.value.team);
	if (isFailure(team)) return team;
	const user = await resolveUser(db, parsed.value.user, 'user');
	if (isFailure(user)) return user;
	const previousRole = await findRole(db, team.id, user.id);
	if (!previousRole) return failure('not_found', { user: 'not_member' });
	await setMembership(db, team.id, user.id, parsed.value.role);
	return success({
		team,
		user,
		role: parsed.value.role,
		previousRole,
		boardIds: await boardIdsOf(db, team.id)
	});
}

export async function removeMember(
	db: Db,
	input: { team: string; user: string }
): Promise<ServiceResult<MembershipChange>> {
	const parsed = parseInput(removeMemberSchema, input);
	if (!parsed.ok) return failure('invalid', parsed.issues);
	const team = await resolveTeam(db, parsed.value.team);
	if (isFailure(team)) return team;
	const user = await resolveUser(db, parsed.value.user, 'user');
	if (isFailure(user)) return user;
	const previousRole = await findRole(db, team.id, user.id);
	if (!previousRole) return failure('not_found', { user: 'not_member' });
	await removeMembership(db, team.id, user.id);
	return success({ team, user, role: null, previousRole, boardIds: await boardIdsOf(db, team.id) });
}

export async function listTeamMembers(
	db: Db,
	teamRef: string
): Promise<ServiceResult<{ team: Team; members: Member[] }>> {
	const detail = await getTeamDetail(db, teamRef);
	if (!detail.ok) return detail;
	return success({ team: detail.value.team, members: detail.value.members });
}

// Boards

export type BoardOverview = Board & { teamName: string };

export function listBoardsOverview(db: Db): Promise<BoardOverview[]> {
	return listBoards(db);
}

/** Creates a board for a team, with the default lanes so it is usable at once. */
export async function createBoard(
	db: Db,
	input: { team: string; name: string },
	now: number
): Promise<ServiceResult<Board>> {
	const parsed = parseInput(createBoardSchema, input);
	if (!parsed.ok) return failure('invalid', parsed.issues);
	const team = await resolveTeam(db, parsed.value.team);
	if (isFailure(team)) return team;
	return success(await createBoardWithLanes(db, { teamId: team.id, name: parsed.value.name, now }));
}

export async function findBoardOverview(
	db: Db,
	boardId: string
): Promise<ServiceResult<BoardOverview>> {
	const board = await findBoard(db, boardId.trim());
	if (!board) return failure('not_found', { boardId: 'board_not_found' });
	const team = await findTeam(db, board.teamId);
	return success({ ...board, teamName: team?.name ?? '' });
}

export async function renameBoard(
	db: Db,
	input: { boardId: string; name: string }
): Promise<ServiceResult<Board>> {
	const parsed = parseInput(renameBoardSchema, input);
	if (!parsed.ok) return failure('invalid', parsed.issues);
	const board = await findBoard(db, parsed.value.boardId);
	if (!board) return failure('not_found', { boardId: 'board_not_found' });
	await renameBoardRow(db, board.id, parsed.value.name);
	return success({ ...board, name: parsed.value.name });
}

/** Deletes a board with its update log and snapshot (cascade). Cannot be undone. */
export async function deleteBoard(
	db: Db,
	input: { boardId: string }
): Promise<ServiceResult<Board>> {
	const board = await findBoard(db, input.boardId.trim());
	if (!board) return failure('not_found', { boardId: 'board_not_found' });
	await deleteBoardRow(db, board.id);
	return success(board);
}
