import type { TimeTag } from '$lib/board/types';
import { formatDate } from '$lib/board/view';
import type { ActionFormIssue, ActionState } from '$lib/actions/action-form';
import type { ActionCitizenLabel } from '$lib/actions/citizen-link';
import { LIMITS } from '$lib/board/types';
import { m } from '$lib/paraglide/messages.js';

/** Danish words for the action's codes; English comes from the message files. */

export function timeTagLabel(tag: TimeTag): string {
	switch (tag) {
		case '':
			return m.action_tag_none();
		case 'outreach':
			return m.action_tag_outreach();
		case 'citizen-talk':
			return m.action_tag_citizen_talk();
		case 'follow-up':
			return m.action_tag_follow_up();
		case 'documentation':
			return m.action_tag_documentation();
	}
}

/** The card face's status words: done, dropped, or the countdown to the due date. */
export function actionStateText(state: ActionState, due: string): string {
	switch (state.kind) {
		case 'done':
			return m.action_status_done();
		case 'dropped':
			return m.action_status_dropped();
		case 'open-undated':
			return m.action_status_open();
		case 'open': {
			const days = state.daysLeft;
			if (days < -1) return m.action_overdue_days({ days: -days });
			if (days === -1) return m.action_overdue_one();
			if (days === 0) return m.action_due_today();
			if (days === 1) return m.action_due_tomorrow();
			// Far off: the date says more than a count of days.
			if (state.state === 'ok') return m.board_card_due({ date: formatDate(due) });
			return m.action_due_days({ days });
		}
	}
}

/** A linked citizen: initials where this device may and can name them, else a neutral label. */
export function actionCitizenText(label: ActionCitizenLabel): string {
	if (label.kind === 'initials') return label.initials;
	return label.kind === 'neutral' ? m.actions2_citizen_neutral() : '';
}

export function actionIssueText(
	field: 'title' | 'ownerId' | 'due' | 'followUp' | 'reason' | string,
	issue: ActionFormIssue
): string {
	switch (issue) {
		case 'required':
			if (field === 'title') return m.action_issue_title_required();
			if (field === 'ownerId') return m.action_issue_owner_required();
			if (field === 'due' || field === 'followUp') return m.action_issue_date_required();
			if (field === 'reason') return m.action_issue_reason_required();
			return m.action_issue_choose();
		case 'too_long':
			return m.action_issue_too_long({
				max: field === 'reason' ? LIMITS.dropReason : LIMITS.cardTitle
			});
		case 'invalid_date':
			return m.action_issue_invalid_date();
		case 'invalid_choice':
			return field === 'ownerId' ? m.action_issue_owner_required() : m.action_issue_choose();
		case 'before_due':
			return m.action_issue_before_due();
		case 'looks_like_cpr':
			return m.admin_issue_looks_like_cpr();
	}
}
