import * as Y from 'yjs';
import { initBoardWithStages, readBoard, type LaneSpec } from '../../board/model';
import { newId } from '../../board/ids';
import { projectBoard } from './projection';
import type { Db } from '../db/connect';
import { createBoard, type Board } from './board.repository';

/**
 * A new board is usable at once: it starts with the opening pipeline as lanes. The stages let
 * closing an opening find Besat / Ikke besat even after someone renames those lanes.
 */
export const DEFAULT_LANES: readonly LaneSpec[] = [
	{ title: 'Ny', stage: 'new' },
	{ title: 'Behov afdækket', stage: 'needs' },
	{ title: 'Kandidater foreslået', stage: 'candidates' },
	{ title: 'Formidlet', stage: 'referred' },
	{ title: 'Samtale/prøveforløb', stage: 'interview' },
	{ title: 'Besat', stage: 'filled' },
	{ title: 'Ikke besat', stage: 'not-filled' }
];

export const SERVER_ORIGIN = 'tavlen-server';

export async function createBoardWithLanes(
	db: Db,
	input: {
		teamId: string;
		name: string;
		now: number;
		/** Lane titles, or titles with stages; the default pipeline when left out. */
		lanes?: readonly (string | LaneSpec)[];
		fill?: (doc: Y.Doc) => void;
	}
): Promise<Board> {
	const doc = new Y.Doc();
	const lanes = (input.lanes ?? DEFAULT_LANES).map((lane) =>
		typeof lane === 'string' ? { title: lane } : lane
	);
	initBoardWithStages(doc, lanes, SERVER_ORIGIN);
	input.fill?.(doc);
	const initialState = Y.encodeStateAsUpdate(doc);
	const id = newId();
	const projection = projectBoard(id, readBoard(doc));
	doc.destroy();
	return createBoard(db, {
		id,
		teamId: input.teamId,
		name: input.name,
		initialState,
		now: input.now,
		projection
	});
}
