import { canReadCitizenAudit } from '$lib/server/access';
import { listAuditForTeam } from '$lib/server/audit/audit.repository';
import { requireTeamAccess } from '../team-access';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { db, team } = await requireTeamAccess(event, canReadCitizenAudit);
	const before = Number(event.url.searchParams.get('before'));
	const page = await listAuditForTeam(db, team.id, {
		beforeId: Number.isSafeInteger(before) && before > 0 ? before : undefined
	});
	// The log names citizens by their pseudonymous id only: showing initials here would be a read
	// of citizen data that is itself not in the log.
	return {
		team: { id: team.id, name: team.name },
		rows: page.records.map((r) => ({
			id: r.id,
			at: r.at,
			userName: r.userName,
			action: r.action,
			citizenId: r.entityId,
			detail: r.detail
		})),
		nextBeforeId: page.nextBeforeId,
		isFirstPage: !(before > 0)
	};
};
