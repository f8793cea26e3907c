import { error, fail, redirect } from '@sveltejs/kit';
import { isValidId } from '$lib/board/ids';
import { m } from '$lib/paraglide/messages.js';
import { getLocale } from '$lib/paraglide/runtime.js';
import { canWorkWithCitizens } from '$lib/server/access';
import { getCitizen, updateCitizen } from '$lib/server/citizens/citizen.service';
import { listTargetGroups } from '$lib/server/citizens/target-group.repository';
import { readFormText } from '$lib/server/validation';
import { requireTeamAccess } from '../../team-access';
import { CITIZEN_FIELDS, citizenFormValues, groupOption } from '../citizen-form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { db, team, user } = await requireTeamAccess(event, canWorkWithCitizens);
	const { citizenId } = event.params;
	// Audited read; another team's citizen is as good as missing.
	const citizen = isValidId(citizenId)
		? await getCitizen(db, { userId: user.id, teamId: team.id }, citizenId, Date.now())
		: null;
	if (!citizen) error(404, m.citizens_not_found());
	const groups = await listTargetGroups(db, { includeInactive: true });
	return {
		team: { id: team.id, name: team.name },
		citizen: { id: citizen.id, initials: citizen.initials },
		values: citizenFormValues(citizen, getLocale()),
		// Active groups, and the citizen's own even when it has been deactivated since.
		groups: groups.filter((g) => g.active || g.id === citizen.targetGroupId).map(groupOption)
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { db, team, user } = await requireTeamAccess(event, canWorkWithCitizens);
		const values = readFormText(await event.request.formData(), CITIZEN_FIELDS);
		const result = isValidId(event.params.citizenId)
			? await updateCitizen(
					db,
					{ userId: user.id, teamId: team.id },
					event.params.citizenId,
					values,
					Date.now()
				)
			: null;
		if (!result) error(404, m.citizens_not_found());
		if (!result.ok) return fail(400, { issues: result.issues, values });
		redirect(303, `/teams/${team.id}/citizens?saved`);
	}
};
