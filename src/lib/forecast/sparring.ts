import {
	FLEXJOB_GOAL,
	isOpenOn,
	type CaseForecast,
	type CaseHistoryEntry,
	type Risk
} from './types';
import { copenhagenDay, requireDay } from './week';

/**
 * The sparring list (sparringsliste): open cases that need a new direction. A case may meet
 * several rules; each met rule is a reason, listed in the order of SPARRING_REASONS:
 * - step-overdue (næste skridt overskredet): the next step's due date is before today;
 * - horizon-passed (tidsperspektiv overskredet): the horizon is before today (today itself is not passed);
 * - high-risk-no-step (høj risiko uden næste skridt): risk is high and there is no next step;
 * - stale (prognosen ikke opdateret): the last update (Copenhagen day of updatedAt) is at least
 *   `staleWeeks` × 7 days before today (default 4 weeks);
 * - goal-toward-flexjob (mål ændret mod fleksjob): the history has a change of goal from another
 *   goal to fleksjob on a day within the last `flexjobWeeks` × 7 days (today included; default 4
 *   weeks), and the goal is still fleksjob.
 * Urgency order: more reasons first; then higher risk; then the longest delay in days (step,
 * horizon or update, whichever is longest); then the order the cases were given in (callers pass
 * them in a stable order, e.g. by id), so the list does not jump between updates.
 */

export type SparringReason =
	| { kind: 'step-overdue'; due: string; daysOverdue: number }
	| { kind: 'horizon-passed'; horizon: string; daysPassed: number }
	| { kind: 'high-risk-no-step' }
	| { kind: 'stale'; daysSinceUpdate: number }
	| { kind: 'goal-toward-flexjob'; from: string | null; at: number };

export type SparringReasonKind = SparringReason['kind'];

export const SPARRING_REASONS: readonly SparringReasonKind[] = [
	'step-overdue',
	'horizon-passed',
	'high-risk-no-step',
	'stale',
	'goal-toward-flexjob'
];

export const STALE_WEEKS = 4;
export const FLEXJOB_CHANGE_WEEKS = 4;

export interface SparringItem {
	caseId: string;
	citizenId: string;
	consultantId: string;
	teamId: string;
	targetGroup: string;
	risk: Risk;
	reasons: SparringReason[];
	/** The longest delay among the reasons, in days; 0 when no reason carries a delay. */
	maxDaysLate: number;
}

export interface SparringOptions {
	/** YYYY-MM-DD in Europe/Copenhagen. */
	today: string;
	staleWeeks?: number;
	flexjobWeeks?: number;
}

const RISK_RANK: Record<Risk, number> = { high: 2, medium: 1, low: 0 };

interface FlexjobChange {
	from: string | null;
	at: number;
}

/** Per case, the latest change to fleksjob made on or after `fromDay`, if any. */
function flexjobChanges(
	history: readonly CaseHistoryEntry[],
	fromDay: number,
	today: number
): Map<string, FlexjobChange> {
	const found = new Map<string, FlexjobChange>();
	for (const entry of history) {
		for (const change of entry.changes) {
			if (change.field !== 'goal' || change.to !== FLEXJOB_GOAL) continue;
			// A new case has no earlier goal: choosing fleksjob at the start is not a change of direction.
			if (change.from === null || change.from === FLEXJOB_GOAL) continue;
			const day = copenhagenDay(entry.at);
			if (day < fromDay || day > today) continue;
			const seen = found.get(entry.caseId);
			if (seen === undefined || entry.at > seen.at)
				found.set(entry.caseId, { from: change.from, at: entry.at });
		}
	}
	return found;
}

/** One case against the rules, in numbers; filled in place so the first pass allocates nothing. */
interface Measure {
	stepLate: number;
	horizonPassed: number;
	highRiskNoStep: boolean;
	sinceUpdate: number;
	stale: boolean;
	flexjob: FlexjobChange | undefined;
	count: number;
	maxDaysLate: number;
}

function newMeasure(): Measure {
	return {
		stepLate: 0,
		horizonPassed: 0,
		highRiskNoStep: false,
		sinceUpdate: 0,
		stale: false,
		flexjob: undefined,
		count: 0,
		maxDaysLate: 0
	};
}

/**
 * Day numbers of YYYY-MM-DD strings, parsed once per distinct string: 50,000 cases share a few
 * hundred horizons and due dates, and a Map lookup of an already-hashed string beats parsing.
 */
class DayCache {
	private readonly days = new Map<string, number>();
	day(date: string, what: string, caseId: string): number {
		let day = this.days.get(date);
		if (day === undefined) {
			day = requireDay(date, what, caseId);
			this.days.set(date, day);
		}
		return day;
	}
}

/** The rules, once: fills `m` for an open case and returns the number of reasons it meets. */
function measure(
	c: CaseForecast,
	today: number,
	staleDays: number,
	flexjobChanges: ReadonlyMap<string, FlexjobChange>,
	days: DayCache,
	m: Measure
): number {
	m.stepLate = c.nextStep === null ? 0 : today - days.day(c.nextStep.due, 'next step due', c.id);
	m.horizonPassed = today - days.day(c.horizon, 'horizon', c.id);
	m.highRiskNoStep = c.risk === 'high' && c.nextStep === null;
	m.sinceUpdate = today - copenhagenDay(c.updatedAt);
	m.stale = m.sinceUpdate >= staleDays;
	// Looked up only for fleksjob cases: the rule needs the goal to still be fleksjob.
	m.flexjob = c.goal === FLEXJOB_GOAL ? flexjobChanges.get(c.id) : undefined;
	m.count =
		(m.stepLate > 0 ? 1 : 0) +
		(m.horizonPassed > 0 ? 1 : 0) +
		(m.highRiskNoStep ? 1 : 0) +
		(m.stale ? 1 : 0) +
		(m.flexjob !== undefined ? 1 : 0);
	m.maxDaysLate = Math.max(0, m.stepLate, m.horizonPassed, m.stale ? m.sinceUpdate : 0);
	return m.count;
}

/**
 * The reasons a measured case meets, in SPARRING_REASONS order. The array is made at its final
 * length: an empty array grown by push reserves room for 17 elements, and for ~20,000 listed
 * cases that spare room is most of what the garbage collector spends its time copying.
 */
function reasonsOf(c: CaseForecast, m: Measure): SparringReason[] {
	const reasons = new Array<SparringReason>(m.count);
	let i = 0;
	if (m.stepLate > 0 && c.nextStep !== null)
		reasons[i++] = { kind: 'step-overdue', due: c.nextStep.due, daysOverdue: m.stepLate };
	if (m.horizonPassed > 0)
		reasons[i++] = { kind: 'horizon-passed', horizon: c.horizon, daysPassed: m.horizonPassed };
	if (m.highRiskNoStep) reasons[i++] = { kind: 'high-risk-no-step' };
	if (m.stale) reasons[i++] = { kind: 'stale', daysSinceUpdate: m.sinceUpdate };
	if (m.flexjob !== undefined)
		reasons[i++] = { kind: 'goal-toward-flexjob', from: m.flexjob.from, at: m.flexjob.at };
	return reasons;
}

/** Reasons, then risk, then delay as one number, so sorting tens of thousands of cases stays cheap. */
function urgency(m: Measure, risk: Risk): number {
	return m.count * 10_000_000 + RISK_RANK[risk] * 1_000_000 + Math.min(m.maxDaysLate, 999_999);
}

/** Open cases only: opened on or before today and not closed on or before today. */
export function buildSparringList(
	cases: readonly CaseForecast[],
	history: readonly CaseHistoryEntry[],
	options: SparringOptions
): SparringItem[] {
	const today = requireDay(options.today, 'today');
	const staleDays = 7 * (options.staleWeeks ?? STALE_WEEKS);
	const flexjob = flexjobChanges(
		history,
		today - 7 * (options.flexjobWeeks ?? FLEXJOB_CHANGE_WEEKS) + 1,
		today
	);
	const m = newMeasure();
	const days = new DayCache();
	const n = cases.length;
	// Items are made in input order (memory order: a later random walk over 50,000 cases is what
	// costs), then ordered by one number each: urgency × n + (n − 1 − position). A native numeric
	// sort of these orders by urgency, ties in input order, without a comparator.
	const items: SparringItem[] = [];
	const order = new Float64Array(n);
	for (const c of cases) {
		if (!isOpenOn(c, today) || measure(c, today, staleDays, flexjob, days, m) === 0) continue;
		order[items.length] = urgency(m, c.risk) * n + (n - 1 - items.length);
		items.push({
			caseId: c.id,
			citizenId: c.citizenId,
			consultantId: c.consultantId,
			teamId: c.teamId,
			targetGroup: c.targetGroup,
			risk: c.risk,
			reasons: reasonsOf(c, m),
			maxDaysLate: m.maxDaysLate
		});
	}
	const sorted = order.subarray(0, items.length).sort().reverse();
	return Array.from(sorted, (key) => items[n - 1 - (key % n)]!);
}
