import { copenhagenDay } from './week';

/**
 * The case forecast (sag) as plain data: the Forecast method's goal, time horizon, risk and one
 * concrete next step per case. The database and the board document are mapped to these types;
 * every function in src/lib/forecast/ only ever sees them. Definitions: docs/forecast.md.
 */

/** Risikovurdering: lav / middel / høj. */
export type Risk = 'low' | 'medium' | 'high';

export const RISKS: readonly Risk[] = ['low', 'medium', 'high'];

/** Næste skridt: one concrete step and when it is due (YYYY-MM-DD). */
export interface NextStep {
	text: string;
	due: string;
}

/** Opfølgning on the previous step: done, not done, or not followed up yet (null). */
export type StepOutcome = 'done' | 'not-done';

export interface CaseForecast {
	id: string;
	/** The pseudonymous citizen (borger) the case belongs to. */
	citizenId: string;
	teamId: string;
	/** The consultant who owns the case. */
	consultantId: string;
	/** Målgruppe code, e.g. 'SDP' or 'JAF'; target groups are data, not code. */
	targetGroup: string;
	/** Mål code from the municipality's list; DEFAULT_GOALS are the codes it starts with. */
	goal: string;
	/** Tidsperspektiv: the expected end of the case, YYYY-MM-DD. */
	horizon: string;
	risk: Risk;
	nextStep: NextStep | null;
	previousStepOutcome: StepOutcome | null;
	/** Epoch ms. */
	openedAt: number;
	/** Epoch ms; null while the case is open. */
	closedAt: number | null;
	/** Epoch ms of the last change to the forecast (goal, horizon, risk, step, outcome). */
	updatedAt: number;
}

/** The fields whose changes are kept as history. */
export type CaseField =
	| 'targetGroup'
	| 'goal'
	| 'horizon'
	| 'risk'
	| 'nextStep'
	| 'previousStepOutcome'
	| 'consultantId'
	| 'closedAt';

/** History key of a municipality-defined extra field: 'extra:' + the field's id. */
export type ExtraFieldKey = `extra:${string}`;

/**
 * One field's change. Values are stored as text so history survives later changes of the model:
 * a next step as `${due} ${text}`, closedAt as an ISO timestamp, a missing value as null.
 */
export interface CaseChange {
	field: CaseField | ExtraFieldKey;
	from: string | null;
	to: string | null;
}

/** One save of a case: who changed what, when. A new case is an entry whose changes all have from = null. */
export interface CaseHistoryEntry {
	caseId: string;
	/** Epoch ms. */
	at: number;
	/** User id of the person who saved. */
	by: string;
	changes: CaseChange[];
}

/** Ordinært job, småjob, uddannelse, fleksjob, raskmelding, førtidspension, anden ydelse. */
export const DEFAULT_GOALS: readonly string[] = [
	'ordinary-job',
	'small-job',
	'education',
	'flexjob',
	'sick-leave-ended',
	'disability-pension',
	'other-benefit'
];

/** The goal the leader watches: a move toward fleksjob is a decision worth a sparring talk. */
export const FLEXJOB_GOAL = 'flexjob';

/** Fleksjob first (DESIGN.md: "share of each consultant's cases per goal, fleksjob first"). */
export const GOAL_ORDER: readonly string[] = [
	FLEXJOB_GOAL,
	...DEFAULT_GOALS.filter((g) => g !== FLEXJOB_GOAL)
];

/**
 * SDP and JAF first (issue 4), then the other default target groups in DESIGN.md's order.
 * The codes match the server's default target groups.
 */
export const TARGET_GROUP_ORDER: readonly string[] = [
	'SDP',
	'JAF',
	'DP',
	'KH-JP',
	'KH-AP',
	'UH',
	'RF',
	'FJ/LY',
	'SHP'
];

/**
 * The probability that a case closes at its horizon as planned, by risk (lav 0.85, middel 0.6,
 * høj 0.3 by default; each municipality may set its own). Every weight is within 0..1.
 */
export type RiskWeights = Readonly<Record<Risk, number>>;

export const DEFAULT_RISK_WEIGHTS: RiskWeights = { low: 0.85, medium: 0.6, high: 0.3 };

/** Throws RangeError unless every weight is a number within 0..1. */
export function checkRiskWeights(weights: RiskWeights): RiskWeights {
	for (const risk of RISKS) {
		const w = weights[risk];
		if (typeof w !== 'number' || !(w >= 0 && w <= 1))
			throw new RangeError(`risk weight for ${risk} must be within 0..1, got ${String(w)}`);
	}
	return weights;
}

/**
 * Codes in a preferred order first, then the rest alphabetically, without duplicates. Used for
 * goals (fleksjob first) and target groups (SDP and JAF first).
 */
export function orderCodes(codes: Iterable<string>, preferred: readonly string[]): string[] {
	const present = new Set(codes);
	const first = [...new Set(preferred)].filter((c) => present.has(c));
	const known = new Set(preferred);
	const rest = [...present].filter((c) => !known.has(c)).sort();
	return [...first, ...rest];
}

/**
 * Open on a day (a day number, see week.ts): opened on or before it and not closed on or before
 * it, by the Copenhagen calendar days of openedAt and closedAt. A case closed today is not open.
 */
export function isOpenOn(c: Pick<CaseForecast, 'openedAt' | 'closedAt'>, day: number): boolean {
	return (
		copenhagenDay(c.openedAt) <= day && (c.closedAt === null || copenhagenDay(c.closedAt) > day)
	);
}
