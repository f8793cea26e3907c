/**
 * Plain domain types for job openings (jobåbninger), matches and the figures computed from them.
 * The board document and the SQL projection are mapped to these; the pure functions next to this
 * file only ever see them.
 */

/**
 * ordinært job, småjob / løntimer, hybridpraktik, virksomhedspraktik, løntilskud, fleksjob,
 * elev/lærling — in the order the UI lists them.
 */
export const JOB_TYPES = [
	'ordinary',
	'smalljob',
	'hybrid',
	'placement',
	'wage-subsidy',
	'flexjob',
	'apprentice'
] as const;
export type JobType = (typeof JOB_TYPES)[number];

/** Ny → Behov afdækket → Kandidater foreslået → Formidlet → Samtale/prøveforløb → Besat | Ikke besat. */
export const OPENING_STAGES = [
	'new',
	'needs',
	'candidates',
	'referred',
	'interview',
	'filled',
	'not-filled'
] as const;
export type OpeningStage = (typeof OPENING_STAGES)[number];

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

/** foreslået → formidlet → samtale → ansat | ikke valgt. */
export const MATCH_STATUSES = ['proposed', 'referred', 'interview', 'hired', 'not-chosen'] as const;
export type MatchStatus = (typeof MATCH_STATUSES)[number];

export interface Match {
	id: string;
	openingId: string;
	citizenId: string;
	status: MatchStatus;
	proposedBy: string;
	/** Epoch ms. */
	proposedAt: number;
	/** Epoch ms. */
	updatedAt: number;
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
