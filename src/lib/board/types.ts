/** Plain, checked views of the board document. Components and the server only see these. */

export const CARD_KINDS = ['action', 'note', 'opening'] as const;
export type CardKind = (typeof CARD_KINDS)[number];

/** Pipeline stages a lane can stand for, so closing or counting survives renaming a lane. */
export const LANE_STAGES = [
	'new',
	'needs',
	'candidates',
	'referred',
	'interview',
	'filled',
	'not-filled'
] as const;
export type LaneStage = (typeof LANE_STAGES)[number];

export interface Lane {
	id: string;
	title: string;
	/** Fractional index key; lanes sort by (order, id). */
	order: string;
	/** Absent when the lane stands for no stage. */
	stage?: LaneStage;
}

/** ordinært job, småjob / løntimer, hybridpraktik, virksomhedspraktik, løntilskud, fleksjob, elev/lærling. */
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

/** telefon, virksomhedsbesøg, Jobnet, andet. */
export const OPENING_SOURCES = ['phone', 'visit', 'jobnet', 'other'] as const;
export type OpeningSource = (typeof OPENING_SOURCES)[number];

/** '' while the opening is open; besat / ikke besat once closed. */
export const OPENING_OUTCOMES = ['', 'filled', 'not-filled'] as const;
export type OpeningOutcome = (typeof OPENING_OUTCOMES)[number];

/** frist udløbet, lukket af virksomheden, andet. */
export const CLOSE_REASONS = ['', 'deadline-passed', 'closed-by-company', 'other'] as const;
export type CloseReason = (typeof CLOSE_REASONS)[number];

/** The fields only an opening (jobåbning) card has. */
export interface OpeningFields {
	/** Company id (SQL row); the name is copied so the board renders without a lookup. */
	companyId: string;
	companyName: string;
	/** Stilling. */
	position: string;
	jobType: JobType;
	/** Hours per week with at most one decimal, or null when not given. */
	hoursPerWeek: number | null;
	/** Number of positions to fill, 1-999. */
	positions: number;
	/** Formidlingsfrist as YYYY-MM-DD. */
	deadline: string;
	/** Start date as YYYY-MM-DD, or ''. */
	startDate: string;
	/** Job-area tags, trimmed, in the order given. */
	jobAreas: string[];
	requirements: string;
	source: OpeningSource;
	outcome: OpeningOutcome;
	closeReason: CloseReason;
	/** When the opening was closed, or null while it is open. */
	closedAt: number | null;
}

/** åben, udført, droppet. */
export const ACTION_STATUSES = ['open', 'done', 'dropped'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/**
 * Where an action's time goes, for the team's production figures: none, opsøgende kontakt,
 * borgersamtale, opfølgning, dokumentation.
 */
export const TIME_TAGS = ['', 'outreach', 'citizen-talk', 'follow-up', 'documentation'] as const;
export type TimeTag = (typeof TIME_TAGS)[number];

/** The fields only an action (handling) card has; absent keys read as these defaults. */
export interface ActionFields {
	/** Opfølgningsdato as YYYY-MM-DD, or ''. The card's `due` is the action's frist. */
	followUp: string;
	status: ActionStatus;
	/** Why it was dropped; '' otherwise. */
	dropReason: string;
	/** When it was marked done, or null. */
	doneAt: number | null;
	/** Id of the opening card it is about, or ''. */
	openingId: string;
	/** Pseudonymous id of the citizen it is about, or '' (never initials). */
	citizenId: string;
	timeTag: TimeTag;
}

export interface Card {
	id: string;
	kind: CardKind;
	laneId: string;
	/** Fractional index key within the lane; cards sort by (order, id). */
	order: string;
	title: string;
	description: string;
	/** User id of the owner (ansvarlig), or '' when nobody owns it yet. */
	ownerId: string;
	/** Due date as YYYY-MM-DD, or ''. Openings use `opening.deadline` instead. */
	due: string;
	createdAt: number;
	createdBy: string;
	updatedAt: number;
	/** Present exactly when kind is 'opening'. */
	opening?: OpeningFields;
	/** Present exactly when kind is 'action'. */
	action?: ActionFields;
}

export interface OpeningCard extends Card {
	kind: 'opening';
	opening: OpeningFields;
}

export interface ActionCard extends Card {
	kind: 'action';
	action: ActionFields;
}

export function isAction(card: Card): card is ActionCard {
	return card.kind === 'action' && card.action !== undefined;
}

export function isOpening(card: Card): card is OpeningCard {
	return card.kind === 'opening' && card.opening !== undefined;
}

/** foreslået → formidlet → samtale → ansat | ikke valgt. */
export const MATCH_STATUSES = ['proposed', 'referred', 'interview', 'hired', 'not-chosen'] as const;
export type MatchStatus = (typeof MATCH_STATUSES)[number];

/** A candidate (kandidat) on an opening. The citizen is a pseudonymous id: no initials here. */
export interface Match {
	id: string;
	openingId: string;
	citizenId: string;
	status: MatchStatus;
	proposedBy: string;
	proposedAt: number;
	updatedAt: number;
}

export interface LaneView extends Lane {
	cards: Card[];
}

export interface BoardView {
	lanes: LaneView[];
	/** Cards whose lane was deleted concurrently with a move into it; shown, never lost. */
	orphans: Card[];
	cardCount: number;
	/**
	 * Matches per opening card id, by (proposedAt, id). Matches of an opening that is not on the
	 * board (deleted, possibly to be restored by undo) are left out.
	 */
	matches: Record<string, Match[]>;
}

/** Limits shared by the model, the schema check and the UI's form fields. */
export const LIMITS = {
	laneTitle: 80,
	cardTitle: 200,
	cardDescription: 4000,
	id: 40,
	orderKey: 80,
	lanes: 40,
	cards: 3000,
	companyName: 120,
	position: 120,
	requirements: 2000,
	jobAreaTag: 40,
	jobAreaTags: 10,
	hoursPerWeek: 80,
	positions: 999,
	dropReason: 200,
	/** The server checks the whole board on every update: ~3.5 µs per match here, ~35 ms at the limit. */
	matches: 10000,
	/** Bytes in one update message the server accepts. */
	updateBytes: 512 * 1024
} as const;

export const SCHEMA_VERSION = 1;
