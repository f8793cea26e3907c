import type { Db } from '../db/connect';
import { newId } from '../../board/ids';

export const ROLES = ['leader', 'consultant', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
	return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export interface Team {
	id: string;
	name: string;
	createdAt: number;
}

export interface Member {
	userId: string;
	name: string;
	email: string;
	role: Role;
}

export async function createTeam(db: Db, name: string, now: number): Promise<Team> {
	const team = { id: newId(), name: name.trim(), created_at: now };
	await db.insertInto('team').values(team).execute();
	return { id: team.id, name: team.name, createdAt: now };
}

export async function listTeams(db: Db): Promise<Team[]> {
	const rows = await db.selectFrom('team').selectAll().orderBy('name').execute();
	return rows.map((r) => ({ id: r.id, name: r.name, createdAt: r.created_at }));
}

export async function findTeam(db: Db, idOrName: string): Promise<Team | undefined> {
	const row = await db
		.selectFrom('team')
		.selectAll()
		.where((eb) => eb.or([eb('id', '=', idOrName), eb('name', '=', idOrName)]))
		.executeTakeFirst();
	return row ? { id: row.id, name: row.name, createdAt: row.created_at } : undefined;
}

/** Adds a member or changes the role of an existing one. */
export async function setMembership(
	db: Db,
	teamId: string,
	userId: string,
	role: Role
): Promise<void> {
	await db
		.insertInto('membership')
		.values({ team_id: teamId, user_id: userId, role })
		.onConflict((oc) => oc.columns(['team_id', 'user_id']).doUpdateSet({ role }))
		.execute();
}

export async function removeMembership(db: Db, teamId: string, userId: string): Promise<void> {
	await db
		.deleteFrom('membership')
		.where('team_id', '=', teamId)
		.where('user_id', '=', userId)
		.execute();
}

export async function listMembers(db: Db, teamId: string): Promise<Member[]> {
	const rows = await db
		.selectFrom('membership')
		.innerJoin('user', 'user.id', 'membership.user_id')
		.select(['user.id', 'user.name', 'user.email', 'membership.role'])
		.where('membership.team_id', '=', teamId)
		.orderBy('user.name')
		.execute();
	return rows.map((r) => ({ userId: r.id, name: r.name, email: r.email, role: r.role as Role }));
}

export async function findRole(db: Db, teamId: string, userId: string): Promise<Role | undefined> {
	const row = await db
		.selectFrom('membership')
		.select('role')
		.where('team_id', '=', teamId)
		.where('user_id', '=', userId)
		.executeTakeFirst();
	return row && isRole(row.role) ? row.role : undefined;
}

export async function findTeamByName(db: Db, name: string): Promise<Team | undefined> {
	const row = await db
		.selectFrom('team')
		.selectAll()
		.where('name', '=', name.trim())
		.executeTakeFirst();
	return row ? { id: row.id, name: row.name, createdAt: row.created_at } : undefined;
}

export interface MembershipListItem {
	teamId: string;
	teamName: string;
	userId: string;
	role: Role;
}

/** Every membership in the installation, for the admin overview. */
export async function listMemberships(db: Db): Promise<MembershipListItem[]> {
	const rows = await db
		.selectFrom('membership')
		.innerJoin('team', 'team.id', 'membership.team_id')
		.select(['membership.team_id', 'team.name', 'membership.user_id', 'membership.role'])
		.orderBy('team.name')
		.execute();
	return rows.map((r) => ({
		teamId: r.team_id,
		teamName: r.name,
		userId: r.user_id,
		role: r.role as Role
	}));
}
