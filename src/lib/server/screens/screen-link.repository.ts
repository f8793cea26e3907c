import type { Selectable } from 'kysely';
import type { Db } from '../db/connect';
import type { ScreenLinkTable } from '../db/schema';

export interface ScreenLink {
	id: string;
	boardId: string;
	label: string;
	createdBy: string;
	createdAt: number;
	expiresAt: number;
	revokedAt: number | null;
	lastSeenAt: number | null;
}

function mapLink(row: Selectable<ScreenLinkTable>): ScreenLink {
	return {
		id: row.id,
		boardId: row.board_id,
		label: row.label,
		createdBy: row.created_by,
		createdAt: row.created_at,
		expiresAt: row.expires_at,
		revokedAt: row.revoked_at,
		lastSeenAt: row.last_seen_at
	};
}

export async function insertScreenLink(
	db: Db,
	link: ScreenLink & { tokenHash: string }
): Promise<void> {
	await db
		.insertInto('screen_link')
		.values({
			id: link.id,
			board_id: link.boardId,
			token_hash: link.tokenHash,
			label: link.label,
			created_by: link.createdBy,
			created_at: link.createdAt,
			expires_at: link.expiresAt,
			revoked_at: link.revokedAt,
			last_seen_at: link.lastSeenAt
		})
		.execute();
}

export async function selectScreenLinkByHash(
	db: Db,
	tokenHash: string
): Promise<ScreenLink | undefined> {
	const row = await db
		.selectFrom('screen_link')
		.selectAll()
		.where('token_hash', '=', tokenHash)
		.executeTakeFirst();
	return row ? mapLink(row) : undefined;
}

export async function selectScreenLink(db: Db, id: string): Promise<ScreenLink | undefined> {
	const row = await db
		.selectFrom('screen_link')
		.selectAll()
		.where('id', '=', id)
		.executeTakeFirst();
	return row ? mapLink(row) : undefined;
}

/** The board's links, newest first, revoked and expired ones included (the leader sees them go). */
export async function selectScreenLinksForBoard(db: Db, boardId: string): Promise<ScreenLink[]> {
	const rows = await db
		.selectFrom('screen_link')
		.selectAll()
		.where('board_id', '=', boardId)
		.orderBy('created_at', 'desc')
		.execute();
	return rows.map(mapLink);
}

export async function markRevoked(db: Db, id: string, now: number): Promise<boolean> {
	const result = await db
		.updateTable('screen_link')
		.set({ revoked_at: now })
		.where('id', '=', id)
		.where('revoked_at', 'is', null)
		.executeTakeFirst();
	return result.numUpdatedRows > 0n;
}

export async function markSeen(db: Db, id: string, now: number): Promise<void> {
	await db.updateTable('screen_link').set({ last_seen_at: now }).where('id', '=', id).execute();
}
