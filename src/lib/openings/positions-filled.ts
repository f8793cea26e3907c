/**
 * "Alle pladser er besat": when an open opening has as many hired candidates as positions, the
 * UI offers to close it as Besat. Only offered, never done by itself: a hire can fall through.
 */
import type { OpeningOutcome } from '../board/types';
import { latestMatches } from './matching';
import type { Match } from './types';

export interface PositionsFilled {
	/** Distinct citizens whose (latest) match on this opening is ansat. */
	hired: number;
	positions: number;
	/** True when the opening is open and hired ≥ positions. */
	offerClose: boolean;
}

/** `matches` may hold matches of any opening; only this opening's count. */
export function positionsFilled(
	opening: { id: string; positions: number; outcome: OpeningOutcome },
	matches: readonly Match[]
): PositionsFilled {
	const hired = latestMatches(matches).filter(
		(match) => match.openingId === opening.id && match.status === 'hired'
	).length;
	return {
		hired,
		positions: opening.positions,
		offerClose: opening.outcome === '' && opening.positions > 0 && hired >= opening.positions
	};
}
