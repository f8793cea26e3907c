import { m } from '../paraglide/messages.js';
import { AGENDA_LIMITS, type AgendaItem, type StandardKind } from './agenda';
import type { AgendaRowIssue } from './agenda-form';
import { MEETING_LIMITS } from './state';

/** Words for the meeting, shared by the board, the screen and the minutes. */

const STANDARD_TITLES: Record<StandardKind, () => string> = {
	deadlines: m.meeting_item_deadlines,
	openings: m.meeting_item_openings,
	actions: m.meeting_item_actions,
	forecast: m.meeting_item_forecast,
	'new-actions': m.meeting_item_new_actions
};

/** A standard item's title in the reader's language; a team's own item keeps its typed title. */
export function agendaItemTitle(item: Pick<AgendaItem, 'kind' | 'title'>): string {
	return item.kind === 'custom' ? item.title : STANDARD_TITLES[item.kind]();
}

/** The service's error codes (meeting.service.ts MeetingError), in words. */
export function meetingErrorText(code: string): string {
	switch (code) {
		case 'already_running':
			return m.meeting_error_already_running();
		case 'not_running':
			return m.meeting_error_not_running();
		case 'not_allowed':
			return m.meeting_error_not_allowed();
		case 'invalid_item':
			return m.meeting_error_invalid_item();
		case 'unknown_card':
			return m.meeting_error_unknown_card();
		case 'unknown_member':
			return m.meeting_error_unknown_member();
		case 'decision_required':
			return m.meeting_error_decision_required();
		case 'decision_too_long':
			return m.meeting_error_decision_too_long({ max: MEETING_LIMITS.decision });
		case 'too_many_decisions':
			return m.meeting_error_too_many_decisions({ max: MEETING_LIMITS.decisions });
		case 'looks_like_cpr':
			return m.meeting_error_looks_like_cpr();
		default:
			return m.meeting_error_invalid_agenda();
	}
}

/** A start-form problem next to its field. */
export function agendaIssueText(field: 'title' | 'minutes', issue: AgendaRowIssue): string {
	if (field === 'minutes')
		return m.meeting_agenda_minutes_invalid({
			min: AGENDA_LIMITS.minMinutes,
			max: AGENDA_LIMITS.maxMinutes
		});
	switch (issue) {
		case 'required':
			return m.meeting_agenda_title_required();
		case 'too_long':
			return m.meeting_agenda_title_too_long({ max: AGENDA_LIMITS.title });
		case 'looks_like_cpr':
			return m.meeting_error_looks_like_cpr();
		default:
			return m.meeting_agenda_title_required();
	}
}

export function agendaTooManyText(): string {
	return m.meeting_agenda_too_many({ max: AGENDA_LIMITS.items });
}
