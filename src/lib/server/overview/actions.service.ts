import {
	escalatedActions,
	productionByWeek,
	type ActionFigureInput,
	type EscalatedRow,
	type ProductionWeek
} from '../../actions/figures';
import { ACTION_STATUSES, TIME_TAGS, type ActionStatus, type TimeTag } from '../../board/types';
import { copenhagenDate } from '../../forecast/week';
import type { Db } from '../db/connect';

/**
 * The leader's action figures from the SQL projection of the team's action cards: escalated
 * actions (open and more than `escalationDays` past due, the municipality's setting) with their
 * owner's name, and done actions per week and time tag. The caller has authorised the user for
 * the team.
 */

export interface TeamActionFigures {
	/** The threshold the list was made with, so the page can say it in words. */
	escalationDays: number;
	escalated: EscalatedRow[];
	production: ProductionWeek[];
}

function oneOf<T extends string>(values: readonly T[], value: string, fallback: T): T {
	return (values as readonly string[]).includes(value) ? (value as T) : fallback;
}

export async function loadTeamActionFigures(
	db: Db,
	teamId: string,
	now: number,
	escalationDays: number
): Promise<TeamActionFigures> {
	const rows = await db
		.selectFrom('action')
		.innerJoin('board', 'board.id', 'action.board_id')
		.leftJoin('user', 'user.id', 'action.owner_id')
		.where('board.team_id', '=', teamId)
		.select([
			'action.id',
			'action.board_id',
			'board.name as board_name',
			'action.title',
			'action.owner_id',
			'user.name as owner_name',
			'action.due',
			'action.status',
			'action.time_tag',
			'action.done_at'
		])
		.execute();
	const inputs: ActionFigureInput[] = rows.map((row) => ({
		id: row.id,
		boardId: row.board_id,
		title: row.title,
		ownerId: row.owner_id,
		due: row.due,
		// Rows come from checked documents; an unknown value (a newer version) counts as nothing.
		status: oneOf<ActionStatus>(ACTION_STATUSES, row.status, 'dropped'),
		timeTag: oneOf<TimeTag>(TIME_TAGS, row.time_tag, ''),
		doneAt: row.done_at === null ? null : Number(row.done_at)
	}));
	const byId = new Map(rows.map((row) => [`${row.board_id}/${row.id}`, row]));
	const today = copenhagenDate(now);
	const escalated = escalatedActions(inputs, today, escalationDays).map((action): EscalatedRow => {
		const row = byId.get(`${action.boardId}/${action.id}`);
		return { ...action, boardName: row?.board_name ?? '', ownerName: row?.owner_name ?? '' };
	});
	return { escalationDays, escalated, production: productionByWeek(inputs, now) };
}
