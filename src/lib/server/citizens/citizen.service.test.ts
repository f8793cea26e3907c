import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
	citizenForm,
	createCitizenWorld,
	registerCitizen,
	T0,
	type CitizenWorld
} from '../../../../tests/fixtures/citizen-fixtures';
import { listAuditFor } from '../audit/audit.repository';
import type { Db } from '../db/connect';
import {
	createCitizen,
	getCitizen,
	listCitizensForTeam,
	updateCitizen,
	type CitizenActor
} from './citizen.service';
import { findTargetGroup, updateTargetGroupRow } from './target-group.repository';

let world: CitizenWorld;
let db: Db;
let anna: CitizenActor;
let cecilie: CitizenActor;
let dp: string;

beforeEach(async () => {
	world = await createCitizenWorld();
	({ db, anna, cecilie, dp } = world);
});

afterEach(async () => {
	await world.remove();
});

function form(overrides: Record<string, unknown> = {}) {
	return citizenForm(dp, overrides);
}

function created(actor: CitizenActor, overrides: Record<string, unknown> = {}) {
	return registerCitizen(world, actor, overrides);
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

	it('keeps a deactivated target group the citizen has, but refuses it for a change of group', async () => {
		const citizen = await created(anna);
		await updateTargetGroupRow(db, dp, { active: false });
		expect(await updateCitizen(db, anna, citizen.id, form({ hoursWanted: '10' }), T0 + 1)).toEqual({
			ok: true,
			citizen: { ...citizen, hoursWanted: 10 }
		});
		const other = await created(anna, { targetGroupId: 'SDP', initials: 'XY' });
		expect(await updateCitizen(db, anna, other.id, { targetGroupId: dp }, T0 + 2)).toEqual({
			ok: false,
			issues: { targetGroupId: 'unknown_target_group' }
		});
		expect(await createCitizen(db, anna, form(), T0 + 3)).toEqual({
			ok: false,
			issues: { targetGroupId: 'unknown_target_group' }
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
