import * as Y from 'yjs';
import { initBoard } from '../../board/model';
import type { Db } from '../db/connect';
import { createBoard, type Board } from './board.repository';

/** A new board is usable at once: it starts with the opening pipeline as lanes. */
export const DEFAULT_LANES = [
	'Ny',
	'Behov afdækket',
	'Kandidater foreslået',
	'Formidlet',
	'Samtale/prøveforløb',
	'Besat',
	'Ikke besat'
] as const;

export const SERVER_ORIGIN = 'tavlen-server';

export async function createBoardWithLanes(
	db: Db,
	input: {
		teamId: string;
		name: string;
		now: number;
		lanes?: readonly string[];
		fill?: (doc: Y.Doc) => void;
	}
): Promise<Board> {
	const doc = new Y.Doc();
	initBoard(doc, input.lanes ?? DEFAULT_LANES, SERVER_ORIGIN);
	input.fill?.(doc);
	const initialState = Y.encodeStateAsUpdate(doc);
	doc.destroy();
	return createBoard(db, { teamId: input.teamId, name: input.name, initialState, now: input.now });
}
