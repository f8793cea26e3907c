import type { Db } from './db/connect';
import { findBoard, type Board } from './boards/board.repository';
import { findRole, findTeam, type Role, type Team } from './teams/team.repository';
import type { User } from './users/user.repository';

/**
 * Authorisation, one function per resource. Pages, form actions, the CLI and the WebSocket
 * upgrade all ask here, so a rule changes in one place.
 *
 * Decision (docs/decisions/0003-admin-and-board-content.md): a global admin manages teams, users
 * and boards but does not see a board's content unless also a member of its team, because board
 * content concerns citizens and is need-to-know.
 */

export interface BoardAccess {
	board: Board;
	role: Role;
	canEdit: boolean;
}

export function canEditWithRole(role: Role): boolean {
	return role === 'leader' || role === 'consultant';
}

export async function findBoardForMember(
	db: Db,
	user: Pick<User, 'id'> | null,
	boardId: string
): Promise<BoardAccess | null> {
	if (!user) return null;
	const board = await findBoard(db, boardId);
	if (!board) return null;
	const role = await findRole(db, board.teamId, user.id);
	if (!role) return null;
	return { board, role, canEdit: canEditWithRole(role) };
}

export function canAdminister(user: Pick<User, 'isAdmin'> | null): boolean {
	return user?.isAdmin === true;
}

export { canReadCitizenAudit, canWorkWithCitizens } from '../team-roles';

export interface TeamAccess {
	team: Team;
	role: Role;
}

/** The team and the user's role in it, or null when there is no such team or no membership. */
export async function findTeamForMember(
	db: Db,
	user: Pick<User, 'id'> | null,
	teamId: string
): Promise<TeamAccess | null> {
	if (!user) return null;
	const role = await findRole(db, teamId, user.id);
	if (!role) return null;
	const team = await findTeam(db, teamId);
	// findTeam also matches names; a team id in a URL must be the id itself.
	if (!team || team.id !== teamId) return null;
	return { team, role };
}

/**
 * The leader's overview of a team's openings (and its CSV exports): leaders and consultants of
 * the team. Consultants work the same openings and see every card on the board already, so the
 * figures tell them nothing new; viewers (the meeting-room screen) and everyone else get a 404.
 */
export async function findTeamForOverview(
	db: Db,
	user: Pick<User, 'id'> | null,
	teamId: string
): Promise<{ teamId: string; teamName: string; role: Role } | null> {
	if (!user) return null;
	const team = await db
		.selectFrom('team')
		.select(['id', 'name'])
		.where('id', '=', teamId)
		.executeTakeFirst();
	if (!team) return null;
	const role = await findRole(db, team.id, user.id);
	if (!role || !canSeeOverview(role)) return null;
	return { teamId: team.id, teamName: team.name, role };
}

export function canSeeOverview(role: Role | undefined): boolean {
	return role === 'leader' || role === 'consultant';
}
