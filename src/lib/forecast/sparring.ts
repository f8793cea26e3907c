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
 * horizon or update, whichever is longest); then case id, so the order is stable.
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

/** Per case, the latest change to fleksjob made on or after `fromDay`, if any. */
function flexjobChanges(
	history: readonly CaseHistoryEntry[],
	fromDay: number,
	today: number
): Map<string, { from: string | null; at: number }> {
	const found = new Map<string, { from: string | null; at: number }>();
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

/** Reasons for one open case, in SPARRING_REASONS order. */
function reasonsFor(
	c: CaseForecast,
	today: number,
	staleDays: number,
	flexjob: { from: string | null; at: number } | undefined
): SparringReason[] {
	const reasons: SparringReason[] = [];
	if (c.nextStep !== null) {
		const late = today - requireDay(c.nextStep.due, `next step due of case ${c.id}`);
		if (late > 0) reasons.push({ kind: 'step-overdue', due: c.nextStep.due, daysOverdue: late });
	}
	const passed = today - requireDay(c.horizon, `horizon of case ${c.id}`);
	if (passed > 0) reasons.push({ kind: 'horizon-passed', horizon: c.horizon, daysPassed: passed });
	if (c.risk === 'high' && c.nextStep === null) reasons.push({ kind: 'high-risk-no-step' });
	const sinceUpdate = today - copenhagenDay(c.updatedAt);
	if (sinceUpdate >= staleDays) reasons.push({ kind: 'stale', daysSinceUpdate: sinceUpdate });
	if (flexjob !== undefined && c.goal === FLEXJOB_GOAL)
		reasons.push({ kind: 'goal-toward-flexjob', from: flexjob.from, at: flexjob.at });
	return reasons;
}

function daysLate(r: SparringReason): number {
	switch (r.kind) {
		case 'step-overdue':
			return r.daysOverdue;
		case 'horizon-passed':
			return r.daysPassed;
		case 'stale':
			return r.daysSinceUpdate;
		default:
			return 0;
	}
}

function byUrgency(a: SparringItem, b: SparringItem): number {
	return (
		b.reasons.length - a.reasons.length ||
		RISK_RANK[b.risk] - RISK_RANK[a.risk] ||
		b.maxDaysLate - a.maxDaysLate ||
		(a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0)
	);
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
	const items: SparringItem[] = [];
	for (const c of cases) {
		if (!isOpenOn(c, today)) continue;
		const reasons = reasonsFor(c, today, staleDays, flexjob.get(c.id));
		if (reasons.length === 0) continue;
		items.push({
			caseId: c.id,
			citizenId: c.citizenId,
			consultantId: c.consultantId,
			teamId: c.teamId,
			targetGroup: c.targetGroup,
			risk: c.risk,
			reasons,
			maxDaysLate: Math.max(0, ...reasons.map(daysLate))
		});
	}
	return items.sort(byUrgency);
}
