import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listAuditFor } from '../audit/audit.repository';
import { openDatabase, type Db } from '../db/connect';
import { migrateToLatest } from '../db/migrate';
import { createTeam, setMembership } from '../teams/team.repository';
import { createUser } from '../users/user.repository';
import {
	createCitizen,
	getCitizen,
	listCitizensForTeam,
	updateCitizen,
	type CitizenActor
} from './citizen.service';
import { ensureDefaultTargetGroups, findTargetGroup } from './target-group.repository';

const T0 = Date.UTC(2026, 10, 27, 8, 0, 0);

let dir: string;
let db: Db;
let anna: CitizenActor;
let cecilie: CitizenActor;
let dp: string;

beforeEach(async () => {
	dir = mkdtempSync(join(tmpdir(), 'tavlen-citizens-'));
	db = openDatabase({ file: join(dir, 'test.sqlite') });
	await migrateToLatest(db);
	await ensureDefaultTargetGroups(db);
	dp = (await findTargetGroup(db, 'DP'))!.id;
	const virk = await createTeam(db, 'Virksomhedsservice', T0);
	const unge = await createTeam(db, 'Unge og småjob', T0);
	const user = (email: string) =>
		createUser(db, { email, name: email, passwordHash: 'x', now: T0 });
	const a = await user('anna@demoby.dk');
	const c = await user('cecilie@demoby.dk');
	await setMembership(db, virk.id, a.id, 'consultant');
	await setMembership(db, unge.id, c.id, 'consultant');
	anna = { userId: a.id, teamId: virk.id };
	cecilie = { userId: c.id, teamId: unge.id };
});

afterEach(async () => {
	await db.destroy();
	rmSync(dir, { recursive: true, force: true });
});

function form(overrides: Record<string, unknown> = {}) {
	return {
		initials: 'mø',
		targetGroupId: dp,
		jobAreas: 'Lager\nTruck\n\nlager ',
		hoursWanted: '37,5',
		jobReady: 'on',
		...overrides
	};
}

async function created(actor: CitizenActor, overrides: Record<string, unknown> = {}) {
	const result = await createCitizen(db, actor, form(overrides), T0);
	if (!result.ok) throw new Error(JSON.stringify(result.issues));
	return result.citizen;
}

describe('createCitizen', () => {
	it('stores a normalised citizen owned by the actor and audits the creation', async () => {
		const citizen = await created(anna);
		expect(citizen).toMatchObject({
			teamId: anna.teamId,
			ownerId: anna.userId,
			initials: 'MØ',
			targetGroupId: dp,
			jobAreas: ['Lager', 'Truck', 'lager'],
			hoursWanted: 37.5,
			jobReady: true,
			closedAt: null
		});
		expect(await listAuditFor(db, 'citizen', citizen.id)).toEqual([
			expect.objectContaining({ userId: anna.userId, action: 'create', at: T0 })
		]);
	});

	it.each([
		['initials with a digit', { initials: 'A1' }, { initials: 'invalid_initials' }],
		['one initial', { initials: 'A' }, { initials: 'invalid_initials' }],
		['five initials', { initials: 'ABCDE' }, { initials: 'invalid_initials' }],
		['missing initials', { initials: '' }, { initials: 'required' }],
		[
			'a CPR number in job areas',
			{ jobAreas: 'Lager\n010190-1234' },
			{ jobAreas: 'looks_like_cpr' }
		],
		['a CPR number without dash', { jobAreas: 'Lager 0101901234' }, { jobAreas: 'looks_like_cpr' }],
		['too many hours', { hoursWanted: '81' }, { hoursWanted: 'invalid_hours' }],
		['hours that are not a number', { hoursWanted: 'mange' }, { hoursWanted: 'invalid_hours' }],
		[
			'an unknown target group',
			{ targetGroupId: 'nope' },
			{ targetGroupId: 'unknown_target_group' }
		]
	])('refuses %s and writes nothing', async (_label, overrides, issues) => {
		expect(await createCitizen(db, anna, form(overrides), T0)).toEqual({ ok: false, issues });
		expect(await db.selectFrom('citizen').selectAll().execute()).toEqual([]);
		expect(await db.selectFrom('audit_log').selectAll().execute()).toEqual([]);
	});

	it('accepts a target group by code and empty hours', async () => {
		const citizen = await created(anna, { targetGroupId: 'KH-JP', hoursWanted: '' });
		expect(citizen.hoursWanted).toBeNull();
		expect((await findTargetGroup(db, 'KH-JP'))!.id).toBe(citizen.targetGroupId);
	});
});

describe('reading citizens', () => {
	it('audits a single read', async () => {
		const citizen = await created(anna);
		expect(await getCitizen(db, anna, citizen.id, T0 + 1000)).toEqual(citizen);
		const log = await listAuditFor(db, 'citizen', citizen.id);
		expect(log.map((e) => [e.action, e.userId, e.at])).toEqual([
			['create', anna.userId, T0],
			['read', anna.userId, T0 + 1000]
		]);
	});

	it("lists only the actor's team and audits each citizen shown", async () => {
		const mine = [await created(anna, { initials: 'AB' }), await created(anna, { initials: 'CD' })];
		const theirs = await created(cecilie, { initials: 'EF' });
		const list = await listCitizensForTeam(db, anna, T0 + 1);
		expect(list.map((c) => c.id).sort()).toEqual(mine.map((c) => c.id).sort());
		for (const c of mine) {
			expect((await listAuditFor(db, 'citizen', c.id)).map((e) => e.action)).toEqual([
				'create',
				'read'
			]);
		}
		expect((await listAuditFor(db, 'citizen', theirs.id)).map((e) => e.action)).toEqual(['create']);
	});

	it("treats another team's citizen as missing, without an audit row", async () => {
		const theirs = await created(cecilie);
		expect(await getCitizen(db, anna, theirs.id, T0)).toBeNull();
		expect(await updateCitizen(db, anna, theirs.id, { initials: 'XY' }, T0)).toBeNull();
		expect((await listAuditFor(db, 'citizen', theirs.id)).map((e) => e.action)).toEqual(['create']);
	});
});

describe('updateCitizen', () => {
	it('changes only the given fields and audits their names, not their values', async () => {
		const citizen = await created(anna);
		const result = await updateCitizen(
			db,
			anna,
			citizen.id,
			{ jobReady: false, hoursWanted: 20, initials: 'mø' },
			T0 + 5
		);
		expect(result).toEqual({
			ok: true,
			citizen: { ...citizen, jobReady: false, hoursWanted: 20 }
		});
		expect(await getCitizen(db, anna, citizen.id, T0 + 6)).toEqual({
			...citizen,
			jobReady: false,
			hoursWanted: 20
		});
		const update = (await listAuditFor(db, 'citizen', citizen.id)).find(
			(e) => e.action === 'update'
		);
		expect(update).toMatchObject({
			userId: anna.userId,
			at: T0 + 5,
			detail: 'hoursWanted,jobReady'
		});
	});

	it('refuses a CPR number and leaves the row and the log alone', async () => {
		const citizen = await created(anna);
		expect(await updateCitizen(db, anna, citizen.id, { jobAreas: '311299 4321' }, T0)).toEqual({
			ok: false,
			issues: { jobAreas: 'looks_like_cpr' }
		});
		expect((await listAuditFor(db, 'citizen', citizen.id)).map((e) => e.action)).toEqual([
			'create'
		]);
	});
});
