import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
	createCitizenWorld,
	registerCitizen,
	T0,
	type CitizenWorld
} from '../../../../tests/fixtures/citizen-fixtures';
import { getCitizen, listCitizensForTeam, updateCitizen } from '../citizens/citizen.service';
import { listAuditForTeam, writeAudit } from './audit.repository';

let world: CitizenWorld;

beforeEach(async () => {
	world = await createCitizenWorld();
});

afterEach(async () => {
	await world.remove();
});

describe('listAuditForTeam', () => {
	it("lists the team's citizen log newest first, with who did it, and nothing of other teams", async () => {
		const { db, anna, lone, cecilie } = world;
		const mine = await registerCitizen(world, anna, {}, T0);
		await updateCitizen(db, anna, mine.id, { hoursWanted: '20' }, T0 + 1);
		await getCitizen(db, lone, mine.id, T0 + 2);
		const theirs = await registerCitizen(world, cecilie, { initials: 'EF' }, T0 + 3);
		await listCitizensForTeam(db, cecilie, T0 + 4);

		const { records, nextBeforeId } = await listAuditForTeam(db, anna.teamId);
		expect(nextBeforeId).toBeNull();
		expect(records.map((r) => [r.action, r.userName, r.at, r.entityId, r.detail])).toEqual([
			['read', 'Lone Leder', T0 + 2, mine.id, null],
			['update', 'Anna Andersen', T0 + 1, mine.id, 'hoursWanted'],
			['create', 'Anna Andersen', T0, mine.id, null]
		]);
		expect(records.some((r) => r.entityId === theirs.id)).toBe(false);
	});

	it('pages through the log with beforeId, without gaps or repeats', async () => {
		const { db, anna } = world;
		const citizen = await registerCitizen(world, anna);
		for (let i = 1; i <= 4; i++) await getCitizen(db, anna, citizen.id, T0 + i);
		const first = await listAuditForTeam(db, anna.teamId, { limit: 2 });
		expect(first.records.map((r) => r.at)).toEqual([T0 + 4, T0 + 3]);
		const second = await listAuditForTeam(db, anna.teamId, {
			limit: 2,
			beforeId: first.nextBeforeId!
		});
		expect(second.records.map((r) => r.at)).toEqual([T0 + 2, T0 + 1]);
		const last = await listAuditForTeam(db, anna.teamId, {
			limit: 2,
			beforeId: second.nextBeforeId!
		});
		expect(last.records.map((r) => r.at)).toEqual([T0]);
		expect(last.nextBeforeId).toBeNull();
	});

	it('keeps rows of a person who no longer exists, without a name', async () => {
		const { db, anna } = world;
		const citizen = await registerCitizen(world, anna);
		await writeAudit(db, {
			at: T0 + 1,
			userId: 'gone-user',
			action: 'read',
			entity: 'citizen',
			entityId: citizen.id
		});
		const { records } = await listAuditForTeam(db, anna.teamId);
		expect(records[0]).toMatchObject({ userId: 'gone-user', userName: null });
	});
});

describe('what the log holds', () => {
	it('never holds the values typed for a citizen, only ids, actions and field names', async () => {
		const { db, anna } = world;
		const citizen = await registerCitizen(world, anna, {
			initials: 'QX',
			jobAreas: 'Zebrapasser',
			hoursWanted: '41,5'
		});
		await updateCitizen(
			db,
			anna,
			citizen.id,
			{ initials: 'ZQ', jobAreas: 'Pandekagebager', jobReady: '' },
			T0 + 1
		);
		// A refused change with a CPR number must leave no trace of it.
		await updateCitizen(db, anna, citizen.id, { jobAreas: 'Lager 010190-1234' }, T0 + 2);
		await listCitizensForTeam(db, anna, T0 + 3);
		const rows = await db.selectFrom('audit_log').selectAll().execute();
		const text = JSON.stringify(rows);
		for (const typed of ['QX', 'ZQ', 'Zebrapasser', 'Pandekagebager', '41', '010190']) {
			expect(text).not.toContain(typed);
		}
		expect(rows.map((r) => r.detail)).toEqual([null, 'initials,jobAreas,jobReady', 'list']);
	});
});
