import { danishDay, type ExtraFieldKind } from '$lib/cases/case-form';
import type { CaseChange } from '$lib/forecast/types';
import { m } from '$lib/paraglide/messages.js';
import { outcomeLabel, riskLabel } from './case-labels';

/**
 * A history entry's changes in words: "Tidsperspektiv 01.03.2027 → 01.05.2027". History keeps
 * values as text (forecast/history.ts); here codes become names and days Danish dates.
 */

export interface HistoryNames {
	goals: ReadonlyMap<string, string>;
	people: Readonly<Record<string, string>>;
	fields: ReadonlyMap<string, { label: string; kind: ExtraFieldKind }>;
}

function stepText(value: string): string {
	// Stored as `${due} ${text}`.
	const due = value.slice(0, 10);
	return m.case_step_with_due({ text: value.slice(11), date: danishDay(due) });
}

function extraText(kind: ExtraFieldKind | undefined, value: string): string {
	switch (kind) {
		case 'yes-no':
			return value === 'true' ? m.case_yes() : m.case_no();
		case 'number':
			return value.replace('.', ',');
		case 'date':
			return danishDay(value);
		default:
			return value;
	}
}

function fieldLabel(field: CaseChange['field'], names: HistoryNames): string {
	switch (field) {
		case 'targetGroup':
			return m.case_field_target_group();
		case 'goal':
			return m.case_field_goal();
		case 'horizon':
			return m.case_field_horizon();
		case 'risk':
			return m.case_field_risk();
		case 'nextStep':
			return m.case_field_step_text();
		case 'previousStepOutcome':
			return m.case_field_outcome();
		case 'consultantId':
			return m.case_history_consultant();
		case 'closedAt':
			return m.case_closed_badge();
		default:
			return names.fields.get(field.slice('extra:'.length))?.label ?? m.case_history_former_field();
	}
}

function valueText(field: CaseChange['field'], value: string | null, names: HistoryNames): string {
	if (value === null) return m.case_history_none();
	switch (field) {
		case 'goal':
			return names.goals.get(value) ?? value;
		case 'horizon':
			return danishDay(value);
		case 'risk':
			return riskLabel(value);
		case 'nextStep':
			return stepText(value);
		case 'previousStepOutcome':
			return outcomeLabel(value);
		case 'consultantId':
			return names.people[value] ?? m.case_history_former_member();
		case 'targetGroup':
		case 'closedAt':
			return value;
		default:
			return extraText(names.fields.get(field.slice('extra:'.length))?.kind, value);
	}
}

export function changeText(change: CaseChange, names: HistoryNames): string {
	if (change.field === 'closedAt')
		return change.to === null ? m.case_history_reopened() : m.case_history_closed();
	const field = fieldLabel(change.field, names);
	const to = valueText(change.field, change.to, names);
	if (change.from === null) return m.case_history_set({ field, to });
	return m.case_history_change({ field, from: valueText(change.field, change.from, names), to });
}
