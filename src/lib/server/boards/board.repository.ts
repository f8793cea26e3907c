import {
	diffProjection,
	emptyProjection,
	writeProjectionChanges,
	type Projection
} from './projection';
import type { Db } from '../db/connect';
import { newId } from '../../board/ids';
import type { Role } from '../teams/team.repository';

export interface Board {
	id: string;
	teamId: string;
	name: string;
	createdAt: number;
}

export interface BoardListItem extends Board {
	teamName: string;
	role: Role;
}

type BoardRow = { id: string; team_id: string; name: string; created_at: number };

function mapBoard(row: BoardRow): Board {
	return { id: row.id, teamId: row.team_id, name: row.name, createdAt: row.created_at };
}

/** Inserts the board row and its initial document state in one transaction. */
export async function createBoard(
	db: Db,
	input: {
		teamId: string;
		name: string;
		initialState: Uint8Array;
		now: number;
		id?: string;
		/** The initial document's openings and matches, written with the board so figures see them at once. */
		projection?: Projection;
	}
): Promise<Board> {
	const row = {
		id: input.id ?? newId(),
		team_id: input.teamId,
		name: input.name.trim(),
		created_at: input.now
	};
	await db.transaction().execute(async (trx) => {
		await trx.insertInto('board').values(row).execute();
		await trx
			.insertInto('board_update')
			.values({ board_id: row.id, data: input.initialState, created_at: input.now })
			.execute();
		if (input.projection)
			await writeProjectionChanges(
				trx,
				row.id,
				diffProjection(emptyProjection(), input.projection)
			);
	});
	return mapBoard(row);
}

export async function findBoard(db: Db, boardId: string): Promise<Board | undefined> {
	const row = await db.selectFrom('board').selectAll().where('id', '=', boardId).executeTakeFirst();
	return row ? mapBoard(row) : undefined;
}

export async function listBoards(db: Db): Promise<(Board & { teamName: string })[]> {
	const rows = await db
		.selectFrom('board')
		.innerJoin('team', 'team.id', 'board.team_id')
		.selectAll('board')
		.select('team.name as team_name')
		.orderBy('team.name')
		.orderBy('board.name')
		.execute();
	return rows.map((r) => ({ ...mapBoard(r), teamName: r.team_name }));
}

export async function listBoardsForUser(db: Db, userId: string): Promise<BoardListItem[]> {
	const rows = await db
		.selectFrom('board')
		.innerJoin('team', 'team.id', 'board.team_id')
		.innerJoin('membership', 'membership.team_id', 'board.team_id')
		.selectAll('board')
		.select(['team.name as team_name', 'membership.role'])
		.where('membership.user_id', '=', userId)
		.orderBy('team.name')
		.orderBy('board.name')
		.execute();
	return rows.map((r) => ({ ...mapBoard(r), teamName: r.team_name, role: r.role as Role }));
}

export async function renameBoard(db: Db, boardId: string, name: string): Promise<void> {
	await db.updateTable('board').set({ name: name.trim() }).where('id', '=', boardId).execute();
}

export async function deleteBoard(db: Db, boardId: string): Promise<void> {
	await db.deleteFrom('board').where('id', '=', boardId).execute();
}

export async function listBoardsForTeam(db: Db, teamId: string): Promise<Board[]> {
	const rows = await db
		.selectFrom('board')
		.selectAll()
		.where('team_id', '=', teamId)
		.orderBy('name')
		.execute();
	return rows.map(mapBoard);
}
