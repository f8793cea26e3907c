import { fail } from '@sveltejs/kit';
import type { ServiceFailure } from '$lib/server/admin/admin.service';
import { getRuntime } from '$lib/server/runtime';

/**
 * The shape every admin action returns on failure. `form` names the form that failed and
 * `target` the row it belongs to, so a page with several forms shows the message in the right one.
 */
export function refuse<const F extends string, V extends Record<string, string>>(
	failure: ServiceFailure,
	form: F,
	values: V,
	target?: string
) {
	return fail(400, { form, target, issues: failure.issues, values });
}

/** Tells live board connections to re-check access after a membership or board change. */
export async function notifyAccessChanged(boardIds: string[]): Promise<void> {
	const runtime = await getRuntime();
	runtime.onAccessChanged?.(boardIds);
}
