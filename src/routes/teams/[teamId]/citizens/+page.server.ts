import { fail } from '@sveltejs/kit';
import { canReadCitizenAudit, canWorkWithCitizens } from '$lib/server/access';
import { createCitizen, listCitizensForTeam } from '$lib/server/citizens/citizen.service';
import { listTargetGroups } from '$lib/server/citizens/target-group.repository';
import { listMembers } from '$lib/server/teams/team.repository';
import { readFormText } from '$lib/server/validation';
import { requireTeamAccess } from '../team-access';
import { CITIZEN_FIELDS, groupOption } from './citizen-form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { db, team, role, user } = await requireTeamAccess(event, canWorkWithCitizens);
	// Audited: one read row per citizen shown.
	const citizens = await listCitizensForTeam(db, { userId: user.id, teamId: team.id }, Date.now());
	const groups = await listTargetGroups(db, { includeInactive: true });
	const names = new Map((await listMembers(db, team.id)).map((m) => [m.userId, m.name]));
	return {
		team: { id: team.id, name: team.name },
		canReadAudit: canReadCitizenAudit(role),
		groups: groups.map(groupOption),
		citizens: citizens.map((c) => ({
			id: c.id,
			initials: c.initials,
			targetGroupId: c.targetGroupId,
			jobAreas: c.jobAreas,
			hoursWanted: c.hoursWanted,
			jobReady: c.jobReady,
			ownerName: names.get(c.ownerId) ?? null,
			mine: c.ownerId === user.id
		})),
		saved: event.url.searchParams.has('saved')
	};
};

export const actions: Actions = {
	create: async (event) => {
		const { db, team, user } = await requireTeamAccess(event, canWorkWithCitizens);
		const values = readFormText(await event.request.formData(), CITIZEN_FIELDS);
		const result = await createCitizen(
			db,
			{ userId: user.id, teamId: team.id },
			values,
			Date.now()
		);
		if (!result.ok) return fail(400, { issues: result.issues, values });
		return { created: { id: result.citizen.id, initials: result.citizen.initials } };
	}
};
