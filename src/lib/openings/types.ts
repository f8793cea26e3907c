/**
 * Plain domain types for job openings (jobåbninger), matches and the figures computed from them.
 * The board document and the SQL projection are mapped to these; the pure functions next to this
 * file only ever see them.
 */

// One list of job types, stages and match statuses for the whole app: the board document's.
import {
	JOB_TYPES,
	LANE_STAGES,
	MATCH_STATUSES,
	type JobType,
	type LaneStage
} from '../board/types';
import type { Match } from '../board/types';

export { JOB_TYPES, MATCH_STATUSES };
export type { JobType, Match };
export type { MatchStatus } from '../board/types';

/** Ny → Behov afdækket → Kandidater foreslået → Formidlet → Samtale/prøveforløb → Besat | Ikke besat. */
export const OPENING_STAGES = LANE_STAGES;
export type OpeningStage = LaneStage;

export interface Opening {
	id: string;
	companyId: string;
	/** Stilling. */
	position: string;
	jobType: JobType;
	hoursPerWeek: number | null;
	/** Number of people the company wants; at least 1. */
	positions: number;
	/** Formidlingsfrist, YYYY-MM-DD. */
	deadline: string;
	/** YYYY-MM-DD, or '' when not agreed yet. */
	startDate: string;
	jobAreas: string[];
	ownerId: string;
	stage: OpeningStage;
	/** Epoch ms. */
	createdAt: number;
	/** Epoch ms when the opening became filled or not-filled; null while open. */
	closedAt: number | null;
}

export interface Company {
	id: string;
	name: string;
	/** Epoch ms of the company's first opening, or null when it has none yet. */
	firstOpeningAt: number | null;
}

/** A pseudonymous citizen as seen by matching: no name, no CPR number, no health details. */
export interface Candidate {
	id: string;
	initials: string;
	targetGroup: string;
	jobAreas: string[];
	hoursWanted: number | null;
	jobReady: boolean;
	/** Epoch ms of the last time the citizen was offered an opening, or null if never. */
	lastOfferedAt: number | null;
}

export const DAY_MS = 86_400_000;

/** Besat and Ikke besat end an opening; every other stage is open. */
export function isClosedStage(stage: OpeningStage): boolean {
	return stage === 'filled' || stage === 'not-filled';
}
