import { error, fail, redirect } from '@sveltejs/kit';
import { isValidId } from '$lib/board/ids';
import { readCaseForm } from '$lib/cases/case-form';
import { buildSparringList } from '$lib/forecast/sparring';
import { copenhagenDate } from '$lib/forecast/week';
import { m } from '$lib/paraglide/messages.js';
import { canWorkWithCitizens } from '$lib/server/access';
import { listCaseFields } from '$lib/server/cases/case-field.repository';
import { selectCase } from '$lib/server/cases/case.repository';
import { closeCase, getCase, reopenCase, saveCase } from '$lib/server/cases/case.service';
import { getForecastSettings } from '$lib/server/cases/settings';
import { caseForPage, loadCaseOptions } from '../../case-page-data';
import { requireTeamAccess } from '../../team-access';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/** One case: its forecast form, its history, and closing or reopening it. */

export const load: PageServerLoad = async (event) => {
	const { db, team, user, role } = await requireTeamAccess(event, canWorkWithCitizens);
	const now = Date.now();
	const { caseId } = event.params;
	// Audited read; another team's case is as good as missing.
	const view = isValidId(caseId)
		? await getCase(db, { userId: user.id, teamId: team.id }, caseId, now)
		: null;
	if (!view) error(404, m.case_not_found());
	const today = copenhagenDate(now);
	// A leader who comes from the sparring list sees why the case is there and agrees a new step.
	const sparring = event.url.searchParams.get('fra') === 'sparring' && role === 'leader';
	let reasons: ReturnType<typeof buildSparringList>[number]['reasons'] = [];
	if (sparring) {
		const { staleWeeks } = await getForecastSettings(db);
		reasons = buildSparringList([view.case], view.history, { today, staleWeeks })[0]?.reasons ?? [];
	}
	const c = view.case;
	return {
		team: { id: team.id, name: team.name },
		today,
		...(await loadCaseOptions(db, team.id)),
		citizen: view.citizen,
		case: caseForPage(c),
		// Newest first: the latest change is what the reader looks for.
		history: [...view.history].reverse(),
		sparring: sparring ? { reasons } : null,
		done: event.url.searchParams.get('gjort') ?? ''
	};
};

function back(event: RequestEvent, done: string): never {
	const params = new URLSearchParams();
	if (event.url.searchParams.get('fra') === 'sparring') params.set('fra', 'sparring');
	params.set('gjort', done);
	redirect(303, `${event.url.pathname}?${params}`);
}

/**
 * Afslut sag / Genåbn. The forms name the case they act on, so a stray or stale post changes
 * nothing.
 */
async function setClosed(
	event: RequestEvent,
	change: typeof closeCase,
	done: 'closed' | 'reopened'
) {
	const { db, team, user } = await requireTeamAccess(event, canWorkWithCitizens);
	const { caseId } = event.params;
	const data = await event.request.formData();
	if (data.get('caseId') !== caseId)
		return fail(400, { citizenId: '', issues: {}, values: undefined });
	const changed = isValidId(caseId)
		? await change(db, { userId: user.id, teamId: team.id }, caseId, Date.now())
		: null;
	if (!changed) error(404, m.case_not_found());
	back(event, done);
}

export const actions: Actions = {
	save: async (event) => {
		const { db, team, user } = await requireTeamAccess(event, canWorkWithCitizens);
		const data = await event.request.formData();
		const values = readCaseForm(data, await listCaseFields(db));
		const found = isValidId(event.params.caseId)
			? await selectCase(db, team.id, event.params.caseId)
			: undefined;
		if (!found) error(404, m.case_not_found());
		// The case names its citizen; a citizen id in the form is not trusted.
		const citizenId = found.citizenId;
		const result = await saveCase(
			db,
			{ userId: user.id, teamId: team.id },
			citizenId,
			values,
			Date.now()
		);
		if (!result) error(404, m.case_not_found());
		if (!result.ok) return fail(400, { citizenId, issues: result.issues, values });
		back(event, 'saved');
	},
	close: (event) => setClosed(event, closeCase, 'closed'),
	reopen: (event) => setClosed(event, reopenCase, 'reopened')
};
