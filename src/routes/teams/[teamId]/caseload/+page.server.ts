import { error, fail, redirect } from '@sveltejs/kit';
import { isValidId } from '$lib/board/ids';
import { readCaseForm } from '$lib/cases/case-form';
import { copenhagenDate } from '$lib/forecast/week';
import { m } from '$lib/paraglide/messages.js';
import { canWorkWithCitizens } from '$lib/server/access';
import { listCaseFields } from '$lib/server/cases/case-field.repository';
import { listCaseload, saveCase } from '$lib/server/cases/case.service';
import { caseForPage, loadCaseOptions } from '../case-page-data';
import { requireTeamAccess } from '../team-access';
import type { Actions, PageServerLoad } from './$types';

/** Min sagsstamme: my cases in a compact list and one case's editor at a time (?sag=citizenId). */

function scopeOf(value: string | null | undefined): 'mine' | 'team' {
	return value === 'team' ? 'team' : 'mine';
}

export const load: PageServerLoad = async (event) => {
	const { db, team, user } = await requireTeamAccess(event, canWorkWithCitizens);
	const now = Date.now();
	const scope = scopeOf(event.url.searchParams.get('vis'));
	// Audited: one read row per citizen and case shown.
	const rows = (await listCaseload(db, { userId: user.id, teamId: team.id }, now, scope)) ?? [];
	const options = await loadCaseOptions(db, team.id);
	const today = copenhagenDate(now);
	const selected = event.url.searchParams.get('sag') ?? '';
	const saved = event.url.searchParams.get('gemt') ?? '';
	return {
		team: { id: team.id, name: team.name },
		scope,
		today,
		...options,
		rows: rows.map(({ citizen, case: c }) => ({
			citizenId: citizen.id,
			initials: citizen.initials,
			targetGroupId: citizen.targetGroupId,
			consultantId: c?.consultantId ?? citizen.ownerId,
			case: c && caseForPage(c)
		})),
		selected: rows.some((r) => r.citizen.id === selected) ? selected : '',
		savedInitials: rows.find((r) => r.citizen.id === saved)?.citizen.initials ?? ''
	};
};

export const actions: Actions = {
	save: async (event) => {
		const { db, team, user } = await requireTeamAccess(event, canWorkWithCitizens);
		const data = await event.request.formData();
		const citizenId = String(data.get('citizenId') ?? '');
		const next = String(data.get('next') ?? '');
		const scope = scopeOf(String(data.get('vis') ?? ''));
		const values = readCaseForm(data, await listCaseFields(db));
		// A post without a citizen is a bad form, not a missing citizen.
		if (citizenId === '') return fail(400, { citizenId, issues: {}, values });
		const result = isValidId(citizenId)
			? await saveCase(db, { userId: user.id, teamId: team.id }, citizenId, values, Date.now())
			: null;
		if (!result) error(404, m.case_citizen_not_found());
		if (!result.ok) return fail(400, { citizenId, issues: result.issues, values });
		const params = new URLSearchParams();
		if (scope === 'team') params.set('vis', 'team');
		params.set('sag', isValidId(next) ? next : citizenId);
		params.set('gemt', citizenId);
		redirect(303, `/teams/${team.id}/caseload?${params}`);
	}
};
