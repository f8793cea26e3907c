import { m } from '$lib/paraglide/messages.js';

/** What an audit row says happened, in the user's language. */
export function auditActionText(action: string): string {
	switch (action) {
		case 'read':
			return m.citizens_audit_action_read();
		case 'create':
			return m.citizens_audit_action_create();
		case 'update':
			return m.citizens_audit_action_update();
		case 'delete':
			return m.citizens_audit_action_delete();
		default:
			return action;
	}
}

const FIELD_LABELS: Record<string, () => string> = {
	initials: m.citizens_field_initials,
	targetGroupId: m.citizens_field_target_group,
	jobAreas: m.citizens_field_job_areas,
	hoursWanted: m.citizens_field_hours,
	jobReady: m.citizens_field_job_ready,
	ownerId: m.citizens_col_owner
};

/** The detail of a row: how a read happened, or which fields a change touched (never values). */
export function auditDetailText(detail: string | null): string {
	if (!detail) return '';
	if (detail === 'list') return m.citizens_audit_detail_list();
	return detail
		.split(',')
		.map((field) => FIELD_LABELS[field]?.() ?? field)
		.join(', ');
}
