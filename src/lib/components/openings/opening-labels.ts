import { m } from '$lib/paraglide/messages.js';
import type { CloseReason, JobType, OpeningSource } from '$lib/board/types';
import type { OpeningStatus } from '$lib/openings/countdown';
import {
	OPENING_FIELD_MAX,
	type OpeningFormField,
	type OpeningFormIssue
} from '$lib/openings/opening-form';

/** The words for openings' fixed values and form problems, in the person's language. */

export function jobTypeLabel(type: JobType): string {
	switch (type) {
		case 'ordinary':
			return m.opening_type_ordinary();
		case 'smalljob':
			return m.opening_type_smalljob();
		case 'hybrid':
			return m.opening_type_hybrid();
		case 'placement':
			return m.opening_type_placement();
		case 'wage-subsidy':
			return m.opening_type_wage_subsidy();
		case 'flexjob':
			return m.opening_type_flexjob();
		case 'apprentice':
			return m.opening_type_apprentice();
	}
}

export function sourceLabel(source: OpeningSource): string {
	switch (source) {
		case 'phone':
			return m.opening_source_phone();
		case 'visit':
			return m.opening_source_visit();
		case 'jobnet':
			return m.opening_source_jobnet();
		case 'other':
			return m.opening_source_other();
	}
}

export function closeReasonLabel(reason: Exclude<CloseReason, ''>): string {
	switch (reason) {
		case 'deadline-passed':
			return m.opening_reason_deadline_passed();
		case 'closed-by-company':
			return m.opening_reason_closed_by_company();
		case 'other':
			return m.opening_reason_other();
	}
}

/** "Frist om 5 dage", "Frist i morgen", "Frist overskredet (2 dage)", "Besat", "Ikke besat: andet". */
export function statusText(status: OpeningStatus): string {
	switch (status.kind) {
		case 'filled':
			return m.opening_status_filled();
		case 'not-filled':
			return status.reason === ''
				? m.opening_status_not_filled()
				: m.opening_status_not_filled_reason({ reason: closeReasonLabel(status.reason) });
		case 'open': {
			const days = status.daysLeft;
			if (days < -1) return m.opening_overdue_days({ days: -days });
			if (days === -1) return m.opening_overdue_one();
			if (days === 0) return m.opening_deadline_today();
			if (days === 1) return m.opening_deadline_tomorrow();
			return m.opening_deadline_days({ days });
		}
	}
}

export function candidatesText(count: number): string {
	if (count === 0) return m.opening_candidates_none();
	return count === 1 ? m.opening_candidates_one() : m.opening_candidates_many({ count });
}

export function positionsText(count: number): string {
	return count === 1 ? m.opening_positions_one() : m.opening_positions_many({ count });
}

const MAX_BY_FIELD: Partial<Record<OpeningFormField, number>> = {
	companyName: OPENING_FIELD_MAX.companyName,
	industry: OPENING_FIELD_MAX.industry,
	contactPerson: OPENING_FIELD_MAX.contactPerson,
	position: OPENING_FIELD_MAX.position,
	requirements: OPENING_FIELD_MAX.requirements
};

/** The sentence shown next to a field the form refused. */
export function formIssueText(field: OpeningFormField, issue: OpeningFormIssue): string {
	switch (issue) {
		case 'required':
			if (field === 'companyName') return m.opening_issue_company_required();
			if (field === 'position') return m.opening_issue_position_required();
			if (field === 'deadline') return m.opening_issue_deadline_required();
			if (['jobType', 'source', 'laneId'].includes(field)) return m.opening_issue_choose();
			return m.opening_issue_required();
		case 'too_long':
			return m.opening_issue_too_long({ max: MAX_BY_FIELD[field] ?? OPENING_FIELD_MAX.position });
		case 'invalid_cvr':
			return m.opening_issue_invalid_cvr();
		case 'invalid_hours':
			return m.opening_issue_invalid_hours({ max: OPENING_FIELD_MAX.hoursPerWeek });
		case 'invalid_positions':
			return m.opening_issue_invalid_positions({ max: OPENING_FIELD_MAX.positions });
		case 'invalid_date':
			return m.opening_issue_invalid_date();
		case 'invalid_choice':
			return m.opening_issue_choose();
		case 'too_many_tags':
			return m.opening_issue_too_many_tags({ max: OPENING_FIELD_MAX.jobAreaTags });
		case 'tag_too_long':
			return m.opening_issue_tag_too_long({ max: OPENING_FIELD_MAX.jobAreaTag });
		case 'looks_like_cpr':
			// The same sentence the admin forms and the server's refusal use.
			return m.admin_issue_looks_like_cpr();
	}
}
