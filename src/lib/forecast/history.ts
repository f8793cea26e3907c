import type { CaseChange, CaseField, CaseForecast, NextStep } from './types';

/** The fields kept as history, in the order a history entry lists them. */
export const CASE_FIELDS: readonly CaseField[] = [
	'targetGroup',
	'goal',
	'horizon',
	'risk',
	'nextStep',
	'previousStepOutcome',
	'consultantId',
	'closedAt'
];

function stepText(step: NextStep | null): string | null {
	return step === null ? null : `${step.due} ${step.text}`;
}

/** A field's value as stored in history: text, or null when there is none. */
export function historyValue(c: CaseForecast, field: CaseField): string | null {
	switch (field) {
		case 'nextStep':
			return stepText(c.nextStep);
		case 'closedAt':
			return c.closedAt === null ? null : new Date(c.closedAt).toISOString();
		default:
			return c[field];
	}
}

/**
 * What a save changed, field by field, for the history entry; `before` null for a new case (every
 * field that has a value is a change from null). Empty when nothing kept in history changed.
 */
export function caseChanges(before: CaseForecast | null, after: CaseForecast): CaseChange[] {
	const changes: CaseChange[] = [];
	for (const field of CASE_FIELDS) {
		const from = before === null ? null : historyValue(before, field);
		const to = historyValue(after, field);
		if (from !== to) changes.push({ field, from, to });
	}
	return changes;
}
