import type { Db } from '../db/connect';

/**
 * Reads for "Foreslå kandidater" from the SQL projection of the boards' matches. The board
 * documents are the truth; the projection is written in the same transaction as each update.
 */

/**
 * When each citizen was last offered an opening: the latest proposed_at of any match of that
 * citizen on any of the team's boards, whatever its status. Citizens never proposed are absent.
 */
export async function selectLastOfferedAt(db: Db, teamId: string): Promise<Map<string, number>> {
	const rows = await db
		.selectFrom('match')
		.innerJoin('board', 'board.id', 'match.board_id')
		.where('board.team_id', '=', teamId)
		.groupBy('match.citizen_id')
		.select((eb) => ['match.citizen_id as citizenId', eb.fn.max('match.proposed_at').as('at')])
		.execute();
	return new Map(rows.map((row) => [row.citizenId, Number(row.at)]));
}
