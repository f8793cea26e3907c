import type { Insertable } from 'kysely';
import { isAction, isOpening, type BoardView } from '../../board/types';
import type { Db } from '../db/connect';
import type { ActionTable, MatchTable, OpeningTable } from '../db/schema';

/**
 * The projection of a board's openings, matches and actions into SQL rows. The room computes it from the
 * checked document after every accepted update and writes only what changed, in the same
 * transaction as the update's append, so the tables never show an edit the log does not have.
 */

export type OpeningRow = Insertable<OpeningTable>;
export type MatchRow = Insertable<MatchTable>;
export type ActionRow = Insertable<ActionTable>;

export interface Projection {
	openings: Map<string, OpeningRow>;
	matches: Map<string, MatchRow>;
	actions: Map<string, ActionRow>;
}

export interface ProjectionChanges {
	upsertOpenings: OpeningRow[];
	deleteOpenings: string[];
	upsertMatches: MatchRow[];
	deleteMatches: string[];
	upsertActions: ActionRow[];
	deleteActions: string[];
}

export function emptyProjection(): Projection {
	return { openings: new Map(), matches: new Map(), actions: new Map() };
}

export function projectBoard(boardId: string, view: BoardView): Projection {
	const projection = emptyProjection();
	const placed = view.lanes.flatMap((lane) =>
		lane.cards.map((card) => ({ card, laneId: lane.id, stage: lane.stage ?? null }))
	);
	const orphans = view.orphans.map((card) => ({ card, laneId: card.laneId, stage: null }));
	for (const { card, laneId, stage } of [...placed, ...orphans]) {
		if (isAction(card)) {
			const a = card.action;
			projection.actions.set(card.id, {
				board_id: boardId,
				id: card.id,
				owner_id: card.ownerId,
				title: card.title,
				due: card.due,
				follow_up: a.followUp,
				status: a.status,
				time_tag: a.timeTag,
				opening_id: a.openingId,
				citizen_id: a.citizenId,
				created_at: card.createdAt,
				done_at: a.doneAt,
				drop_reason: a.dropReason,
				// From the document, not the clock, so a rebuild on load writes the same time.
				updated_at: card.updatedAt
			});
			continue;
		}
		if (!isOpening(card)) continue;
		const o = card.opening;
		projection.openings.set(card.id, {
			board_id: boardId,
			card_id: card.id,
			company_id: o.companyId,
			company_name: o.companyName,
			position: o.position,
			job_type: o.jobType,
			hours_per_week: o.hoursPerWeek,
			positions: o.positions,
			deadline: o.deadline,
			start_date: o.startDate,
			job_areas: o.jobAreas.join('\n'),
			source: o.source,
			owner_id: card.ownerId,
			lane_id: laneId,
			stage,
			outcome: o.outcome,
			close_reason: o.closeReason,
			created_at: card.createdAt,
			closed_at: o.closedAt,
			updated_at: card.updatedAt
		});
	}
	for (const [openingId, matches] of Object.entries(view.matches)) {
		if (!projection.openings.has(openingId)) continue;
		for (const match of matches) {
			projection.matches.set(match.id, {
				board_id: boardId,
				match_id: match.id,
				opening_id: match.openingId,
				citizen_id: match.citizenId,
				status: match.status,
				proposed_by: match.proposedBy,
				proposed_at: match.proposedAt,
				updated_at: match.updatedAt
			});
		}
	}
	return projection;
}

function diffMap<Row>(
	prev: Map<string, Row>,
	next: Map<string, Row>
): { upsert: Row[]; remove: string[] } {
	const upsert: Row[] = [];
	const remove: string[] = [];
	for (const [id, row] of next) {
		const old = prev.get(id);
		if (!old || JSON.stringify(old) !== JSON.stringify(row)) upsert.push(row);
	}
	for (const id of prev.keys()) if (!next.has(id)) remove.push(id);
	return { upsert, remove };
}

export function diffProjection(prev: Projection, next: Projection): ProjectionChanges {
	const openings = diffMap(prev.openings, next.openings);
	const matches = diffMap(prev.matches, next.matches);
	const actions = diffMap(prev.actions, next.actions);
	return {
		upsertOpenings: openings.upsert,
		deleteOpenings: openings.remove,
		upsertMatches: matches.upsert,
		deleteMatches: matches.remove,
		upsertActions: actions.upsert,
		deleteActions: actions.remove
	};
}

export function isEmptyChange(changes: ProjectionChanges): boolean {
	return (
		changes.upsertOpenings.length === 0 &&
		changes.deleteOpenings.length === 0 &&
		changes.upsertMatches.length === 0 &&
		changes.deleteMatches.length === 0 &&
		changes.upsertActions.length === 0 &&
		changes.deleteActions.length === 0
	);
}

/** Writes the changes; call inside the transaction that appends the update. */
export async function writeProjectionChanges(
	trx: Db,
	boardId: string,
	changes: ProjectionChanges
): Promise<void> {
	if (changes.deleteOpenings.length > 0)
		await trx
			.deleteFrom('opening')
			.where('board_id', '=', boardId)
			.where('card_id', 'in', changes.deleteOpenings)
			.execute();
	if (changes.deleteMatches.length > 0)
		await trx
			.deleteFrom('match')
			.where('board_id', '=', boardId)
			.where('match_id', 'in', changes.deleteMatches)
			.execute();
	if (changes.deleteActions.length > 0)
		await trx
			.deleteFrom('action')
			.where('board_id', '=', boardId)
			.where('id', 'in', changes.deleteActions)
			.execute();
	for (const row of changes.upsertActions) {
		const { board_id: _b, id: _i, ...rest } = row;
		await trx
			.insertInto('action')
			.values(row)
			.onConflict((oc) => oc.columns(['board_id', 'id']).doUpdateSet(rest))
			.execute();
	}
	for (const row of changes.upsertOpenings) {
		const { board_id: _b, card_id: _c, ...rest } = row;
		await trx
			.insertInto('opening')
			.values(row)
			.onConflict((oc) => oc.columns(['board_id', 'card_id']).doUpdateSet(rest))
			.execute();
	}
	for (const row of changes.upsertMatches) {
		const { board_id: _b, match_id: _m, ...rest } = row;
		await trx
			.insertInto('match')
			.values(row)
			.onConflict((oc) => oc.columns(['board_id', 'match_id']).doUpdateSet(rest))
			.execute();
	}
}

/** Rebuilds a board's rows from its document (on load), so a missed or older projection heals. */
export async function replaceProjection(
	db: Db,
	boardId: string,
	projection: Projection
): Promise<void> {
	await db.transaction().execute(async (trx) => {
		await trx.deleteFrom('action').where('board_id', '=', boardId).execute();
		await trx.deleteFrom('match').where('board_id', '=', boardId).execute();
		await trx.deleteFrom('opening').where('board_id', '=', boardId).execute();
		await writeProjectionChanges(trx, boardId, diffProjection(emptyProjection(), projection));
	});
}
