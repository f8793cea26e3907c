import type { Db } from '../../src/lib/server/db/connect';
import {
	isEmptyChange,
	writeProjectionChanges,
	type ProjectionChanges
} from '../../src/lib/server/boards/projection';

/**
 * The board's durable history: a snapshot plus the updates accepted after it. Every accepted
 * update is appended (and committed) before anyone else sees it; compaction folds the tail into
 * the snapshot later, off the hot path.
 */

export interface StoredBoardState {
	/** Snapshot first (if any), then every later update, in order. */
	updates: Uint8Array[];
	lastUpdateId: number;
}

export async function loadBoardState(db: Db, boardId: string): Promise<StoredBoardState> {
	const snapshot = await db
		.selectFrom('board_snapshot')
		.select(['data', 'last_update_id'])
		.where('board_id', '=', boardId)
		.executeTakeFirst();
	const after = snapshot?.last_update_id ?? 0;
	const rows = await db
		.selectFrom('board_update')
		.select(['id', 'data'])
		.where('board_id', '=', boardId)
		.where('id', '>', after)
		.orderBy('id')
		.execute();
	return {
		updates: [...(snapshot ? [snapshot.data] : []), ...rows.map((r) => r.data)],
		lastUpdateId: rows.at(-1)?.id ?? after
	};
}

/**
 * Appends an accepted update and, in the same transaction, the projection rows it changed, so
 * the tables never show an edit the log does not have (and the log never has one they miss).
 */
export async function appendUpdate(
	db: Db,
	boardId: string,
	data: Uint8Array,
	now: number,
	changes?: ProjectionChanges
): Promise<number> {
	return db.transaction().execute(async (trx) => {
		const row = await trx
			.insertInto('board_update')
			.values({ board_id: boardId, data, created_at: now })
			.returning('id')
			.executeTakeFirstOrThrow();
		if (changes && !isEmptyChange(changes)) await writeProjectionChanges(trx, boardId, changes);
		return row.id;
	});
}

/** Replaces the snapshot with `state` (which contains every update up to `upToId`) and drops those updates. */
export async function compactBoard(
	db: Db,
	boardId: string,
	state: Uint8Array,
	upToId: number,
	now: number
): Promise<void> {
	await db.transaction().execute(async (trx) => {
		await trx
			.insertInto('board_snapshot')
			.values({ board_id: boardId, data: state, last_update_id: upToId, updated_at: now })
			.onConflict((oc) =>
				oc.column('board_id').doUpdateSet({ data: state, last_update_id: upToId, updated_at: now })
			)
			.execute();
		await trx
			.deleteFrom('board_update')
			.where('board_id', '=', boardId)
			.where('id', '<=', upToId)
			.execute();
	});
}

export async function countUpdates(db: Db, boardId: string): Promise<number> {
	const row = await db
		.selectFrom('board_update')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('board_id', '=', boardId)
		.executeTakeFirstOrThrow();
	return Number(row.n);
}
