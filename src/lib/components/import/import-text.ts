import { issueText } from '$lib/components/admin/issue-text';
import { m } from '$lib/paraglide/messages.js';
import type { ImportColumn, ImportIssue } from '$lib/openings/csv-import';

/** The field's name in the user's language, for headings and the list of missing columns. */
export function columnLabel(column: ImportColumn): string {
	switch (column) {
		case 'companyName':
			return m.import_field_company_name();
		case 'cvr':
			return m.import_field_cvr();
		case 'position':
			return m.import_field_position();
		case 'jobType':
			return m.import_field_job_type();
		case 'hoursPerWeek':
			return m.import_field_hours_per_week();
		case 'positions':
			return m.import_field_positions();
		case 'deadline':
			return m.import_field_deadline();
		case 'startDate':
			return m.import_field_start_date();
		case 'jobAreas':
			return m.import_field_job_areas();
		case 'requirements':
			return m.import_field_requirements();
		case 'source':
			return m.import_field_source();
	}
}

/** One cell's problem as a sentence in the user's language. */
export function importIssueText(issue: ImportIssue): string {
	const max = issue.max ?? 0;
	switch (issue.code) {
		case 'required':
			return m.import_issue_required();
		case 'too_long':
			return m.import_issue_too_long({ max });
		case 'too_many':
			return m.import_issue_too_many({ max });
		case 'invalid_date':
			return m.import_issue_invalid_date();
		case 'invalid_number':
			return m.import_issue_invalid_number();
		case 'invalid_hours':
			return m.import_issue_invalid_hours({ max });
		case 'invalid_positions':
			return m.import_issue_invalid_positions({ max });
		case 'invalid_cvr':
			return m.import_issue_invalid_cvr();
		case 'unknown_job_type':
			return m.import_issue_unknown_job_type();
		case 'unknown_source':
			return m.import_issue_unknown_source();
		case 'looks_like_cpr':
			return m.admin_issue_looks_like_cpr();
		case 'company_refused':
			return m.import_issue_company_refused({
				reason: issueText(issue.reason ?? 'invalid', 'name')
			});
	}
}
