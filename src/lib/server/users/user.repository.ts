import type { Db } from '../db/connect';
import type { UserRow } from '../db/schema';
import { newId } from '../../board/ids';

export type Locale = 'da' | 'en';

export interface User {
	id: string;
	email: string;
	name: string;
	isAdmin: boolean;
	locale: Locale;
	createdAt: number;
}

export function mapUser(row: Omit<UserRow, 'password_hash'>): User {
	return {
		id: row.id,
		email: row.email,
		name: row.name,
		isAdmin: row.is_admin === 1,
		locale: row.locale === 'en' ? 'en' : 'da',
		createdAt: row.created_at
	};
}

export function normaliseEmail(email: string): string {
	return email.trim().toLowerCase();
}

export interface CreateUserInput {
	email: string;
	name: string;
	passwordHash: string;
	isAdmin?: boolean;
	locale?: Locale;
	now: number;
}

export async function createUser(db: Db, input: CreateUserInput): Promise<User> {
	const row = {
		id: newId(),
		email: normaliseEmail(input.email),
		name: input.name.trim(),
		password_hash: input.passwordHash,
		is_admin: input.isAdmin ? 1 : 0,
		locale: input.locale ?? 'da',
		created_at: input.now
	};
	await db.insertInto('user').values(row).execute();
	return mapUser(row);
}

export async function findUserByEmail(
	db: Db,
	email: string
): Promise<(User & { passwordHash: string }) | undefined> {
	const row = await db
		.selectFrom('user')
		.selectAll()
		.where('email', '=', normaliseEmail(email))
		.executeTakeFirst();
	return row ? { ...mapUser(row), passwordHash: row.password_hash } : undefined;
}

export async function findUserById(db: Db, id: string): Promise<User | undefined> {
	const row = await db.selectFrom('user').selectAll().where('id', '=', id).executeTakeFirst();
	return row ? mapUser(row) : undefined;
}

export async function listUsers(db: Db): Promise<User[]> {
	const rows = await db.selectFrom('user').selectAll().orderBy('name').execute();
	return rows.map(mapUser);
}

export async function setUserLocale(db: Db, userId: string, locale: Locale): Promise<void> {
	await db.updateTable('user').set({ locale }).where('id', '=', userId).execute();
}
