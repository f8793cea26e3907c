import type { Selectable, Updateable } from 'kysely';
import type { Db } from '../db/connect';
import type { CitizenTable } from '../db/schema';
import { newId } from '../../board/ids';

/**
 * Plain data access for citizens. Nothing here writes the audit log: go through
 * citizen.service.ts, which audits every read and change in the same transaction.
 */

export interface Citizen {
	id: string;
	teamId: string;
	ownerId: string;
	initials: string;
	targetGroupId: string;
	jobAreas: string[];
	hoursWanted: number | null;
	jobReady: boolean;
	lastOfferedAt: number | null;
	createdAt: number;
	closedAt: number | null;
}

export interface NewCitizen {
	teamId: string;
	ownerId: string;
	initials: string;
	targetGroupId: string;
	jobAreas: string[];
	hoursWanted: number | null;
	jobReady: boolean;
	now: number;
}

export type CitizenChanges = Partial<
	Pick<
		Citizen,
		| 'ownerId'
		| 'initials'
		| 'targetGroupId'
		| 'jobAreas'
		| 'hoursWanted'
		| 'jobReady'
		| 'lastOfferedAt'
		| 'closedAt'
	>
>;

function splitTags(text: string): string[] {
	return text === '' ? [] : text.split('\n');
}

export function mapCitizen(row: Selectable<CitizenTable>): Citizen {
	return {
		id: row.id,
		teamId: row.team_id,
		ownerId: row.owner_id,
		initials: row.initials,
		targetGroupId: row.target_group_id,
		jobAreas: splitTags(row.job_areas),
		hoursWanted: row.hours_wanted,
		jobReady: row.job_ready === 1,
		lastOfferedAt: row.last_offered_at,
		createdAt: row.created_at,
		closedAt: row.closed_at
	};
}

export async function insertCitizen(db: Db, input: NewCitizen): Promise<Citizen> {
	const row: Selectable<CitizenTable> = {
		id: newId(),
		team_id: input.teamId,
		owner_id: input.ownerId,
		initials: input.initials,
		target_group_id: input.targetGroupId,
		job_areas: input.jobAreas.join('\n'),
		hours_wanted: input.hoursWanted,
		job_ready: input.jobReady ? 1 : 0,
		last_offered_at: null,
		created_at: input.now,
		closed_at: null
	};
	await db.insertInto('citizen').values(row).execute();
	return mapCitizen(row);
}

/** The citizen if it belongs to the team; another team's citizen is as good as missing. */
export async function selectCitizen(
	db: Db,
	teamId: string,
	citizenId: string
): Promise<Citizen | undefined> {
	const row = await db
		.selectFrom('citizen')
		.selectAll()
		.where('id', '=', citizenId)
		.where('team_id', '=', teamId)
		.executeTakeFirst();
	return row ? mapCitizen(row) : undefined;
}

export async function selectCitizensForTeam(
	db: Db,
	teamId: string,
	options: { includeClosed?: boolean } = {}
): Promise<Citizen[]> {
	let query = db
		.selectFrom('citizen')
		.selectAll()
		.where('team_id', '=', teamId)
		.orderBy('initials')
		.orderBy('created_at');
	if (!options.includeClosed) query = query.where('closed_at', 'is', null);
	const rows = await query.execute();
	return rows.map(mapCitizen);
}

export async function updateCitizenRow(
	db: Db,
	citizenId: string,
	changes: CitizenChanges
): Promise<void> {
	const set: Updateable<CitizenTable> = {};
	if (changes.ownerId !== undefined) set.owner_id = changes.ownerId;
	if (changes.initials !== undefined) set.initials = changes.initials;
	if (changes.targetGroupId !== undefined) set.target_group_id = changes.targetGroupId;
	if (changes.jobAreas !== undefined) set.job_areas = changes.jobAreas.join('\n');
	if (changes.hoursWanted !== undefined) set.hours_wanted = changes.hoursWanted;
	if (changes.jobReady !== undefined) set.job_ready = changes.jobReady ? 1 : 0;
	if (changes.lastOfferedAt !== undefined) set.last_offered_at = changes.lastOfferedAt;
	if (changes.closedAt !== undefined) set.closed_at = changes.closedAt;
	if (Object.keys(set).length === 0) return;
	await db.updateTable('citizen').set(set).where('id', '=', citizenId).execute();
}
