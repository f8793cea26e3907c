import type { Db } from '../db/connect';
import type { Candidate } from '../../openings/types';
import { listCitizensForTeam, type CitizenActor } from '../citizens/citizen.service';
import { listTargetGroups } from '../citizens/target-group.repository';
import { selectLastOfferedAt } from './candidate.repository';

/**
 * The team's citizens as candidates for matching ("Foreslå kandidater"). The caller has checked
 * that the actor may work with citizens (access.ts canWorkWithCitizens); every citizen returned
 * gets an audit 'read' row with the detail 'candidates'.
 */
export async function listCandidatesForTeam(
	db: Db,
	actor: CitizenActor,
	now: number
): Promise<Candidate[]> {
	const citizens = await listCitizensForTeam(db, actor, now, { purpose: 'candidates' });
	if (citizens.length === 0) return [];
	const lastOffered = await selectLastOfferedAt(db, actor.teamId);
	// Inactive groups too: a citizen keeps the group they were registered with.
	const groups = new Map(
		(await listTargetGroups(db, { includeInactive: true })).map((g) => [g.id, g.name])
	);
	return citizens.map((citizen) => ({
		id: citizen.id,
		initials: citizen.initials,
		targetGroup: groups.get(citizen.targetGroupId) ?? '',
		jobAreas: citizen.jobAreas,
		hoursWanted: citizen.hoursWanted,
		jobReady: citizen.jobReady,
		lastOfferedAt: lastOffered.get(citizen.id) ?? null
	}));
}
