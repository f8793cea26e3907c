import { m } from '$lib/paraglide/messages.js';
import type { JobType, MatchStatus, OpeningStage } from '$lib/openings/types';
import type { FigureKey } from './figure-keys';

/** The catalogue's words for the overview's enums, shared by the pages and the CSV exports. */

const TYPE_LABELS: Record<JobType, () => string> = {
	ordinary: m.overview_type_ordinary,
	smalljob: m.overview_type_smalljob,
	hybrid: m.overview_type_hybrid,
	placement: m.overview_type_placement,
	'wage-subsidy': m.overview_type_wage_subsidy,
	flexjob: m.overview_type_flexjob,
	apprentice: m.overview_type_apprentice
};

const STAGE_LABELS: Record<OpeningStage, () => string> = {
	new: m.overview_stage_new,
	needs: m.overview_stage_needs,
	candidates: m.overview_stage_candidates,
	referred: m.overview_stage_referred,
	interview: m.overview_stage_interview,
	filled: m.overview_stage_filled,
	'not-filled': m.overview_stage_not_filled
};

const STATUS_LABELS: Record<MatchStatus, () => string> = {
	proposed: m.overview_status_proposed,
	referred: m.overview_status_referred,
	interview: m.overview_status_interview,
	hired: m.overview_status_hired,
	'not-chosen': m.overview_status_not_chosen
};

const REASON_LABELS: Record<string, () => string> = {
	'deadline-passed': m.export_reason_deadline_passed,
	'closed-by-company': m.export_reason_closed_by_company,
	other: m.export_reason_other
};

/** Unknown values (a newer client's type) are shown as they are rather than hidden. */
export function jobTypeLabel(type: string): string {
	return (TYPE_LABELS as Record<string, (() => string) | undefined>)[type]?.() ?? type;
}

export function stageLabel(stage: string): string {
	return (STAGE_LABELS as Record<string, (() => string) | undefined>)[stage]?.() ?? stage;
}

export function matchStatusLabel(status: string): string {
	return (STATUS_LABELS as Record<string, (() => string) | undefined>)[status]?.() ?? status;
}

export function closeReasonLabel(reason: string): string {
	return REASON_LABELS[reason]?.() ?? reason;
}

export function figureLabel(key: FigureKey): string {
	switch (key) {
		case 'open':
			return m.overview_open();
		case 'open-positions':
			return m.overview_open_positions();
		case 'due-soon':
			return m.overview_due_soon();
		case 'overdue':
			return m.overview_overdue();
		case 'fill-rate-30':
			return m.overview_fill_rate_30();
		case 'fill-rate-90':
			return m.overview_fill_rate_90();
		case 'smalljob':
			return m.overview_smalljob();
		case 'new-companies':
			return m.overview_new_companies();
		case 'known-companies':
			return m.overview_known_companies();
		case 'matches-per-opening':
			return m.overview_matches_per_opening();
		case 'days-to-fill':
			return m.overview_median_days();
		case 'job-ready':
			return m.overview_job_ready();
		default:
			return jobTypeLabel(key.slice('type-'.length));
	}
}
