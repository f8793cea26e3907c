import { fail } from '@sveltejs/kit';
import type { CaseAdminIssues } from '$lib/cases/case-admin-rules';

/**
 * The failure every goal and case-field admin action returns: `form` names the form and `target`
 * the row, so the page shows the message in the right place and keeps what was typed.
 */
export function refuseCaseAdmin<const F extends string, V extends Record<string, string>>(
	issues: CaseAdminIssues,
	form: F,
	values: V,
	target?: string
) {
	return fail(400, { form, target, issues, values });
}
