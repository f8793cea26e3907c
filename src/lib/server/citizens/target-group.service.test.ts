import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
	createCitizenWorld,
	registerCitizen,
	type CitizenWorld
} from '../../../../tests/fixtures/citizen-fixtures';
import { DEFAULT_TARGET_GROUPS, listTargetGroups } from './target-group.repository';
import {
	createTargetGroup,
	listTargetGroupsOverview,
	renameTargetGroup,
	setTargetGroupActive
} from './target-group.service';

let world: CitizenWorld;

beforeEach(async () => {
	world = await createCitizenWorld();
});

afterEach(async () => {
	await world.remove();
});

describe('createTargetGroup', () => {
	it('adds an active group after the defaults, with the code upper-cased', async () => {
		const result = await createTargetGroup(world.db, { code: ' ik-ap ', name: 'Integration' });
		expect(result).toMatchObject({
			ok: true,
			value: { code: 'IK-AP', name: 'Integration', active: true }
		});
		const codes = (await listTargetGroups(world.db)).map((g) => g.code);
		expect(codes).toEqual([...DEFAULT_TARGET_GROUPS.map((g) => g.code), 'IK-AP']);
	});

	it.each([
		['a missing code', { code: '', name: 'X' }, { code: 'required' }],
		['a code with a dot', { code: 'K.H', name: 'X' }, { code: 'invalid_target_group_code' }],
		['a code of 13 characters', { code: 'ABCDEFGHIJKLM', name: 'X' }, { code: 'too_long' }],
		['a missing name', { code: 'NY' }, { name: 'required' }],
		['a CPR number as name', { code: 'NY', name: 'Borger 010190-1234' }, { name: 'looks_like_cpr' }]
	])('refuses %s', async (_label, input, issues) => {
		expect(await createTargetGroup(world.db, input)).toEqual({
			ok: false,
			kind: 'invalid',
			issues
		});
		expect(await listTargetGroups(world.db, { includeInactive: true })).toHaveLength(
			DEFAULT_TARGET_GROUPS.length
		);
	});

	it('refuses a code that is taken, also by an inactive group and in another case', async () => {
		const sdp = (await listTargetGroups(world.db)).find((g) => g.code === 'SDP')!;
		await setTargetGroupActive(world.db, { id: sdp.id, active: 'false' });
		expect(await createTargetGroup(world.db, { code: 'sdp', name: 'Igen' })).toEqual({
			ok: false,
			kind: 'conflict',
			issues: { code: 'target_group_code_taken' }
		});
	});
});

describe('changing a group', () => {
	it('renames a group and keeps its code', async () => {
		const result = await renameTargetGroup(world.db, { id: world.dp, name: ' Dagpenge ' });
		expect(result).toMatchObject({ ok: true, value: { code: 'DP', name: 'Dagpenge' } });
		expect((await listTargetGroups(world.db)).find((g) => g.id === world.dp)?.name).toBe(
			'Dagpenge'
		);
	});

	it('refuses an empty name and an unknown id', async () => {
		expect(await renameTargetGroup(world.db, { id: world.dp, name: ' ' })).toEqual({
			ok: false,
			kind: 'invalid',
			issues: { name: 'required' }
		});
		expect(await renameTargetGroup(world.db, { id: 'nope', name: 'X' })).toEqual({
			ok: false,
			kind: 'not_found',
			issues: { id: 'target_group_not_found' }
		});
		// A code is not an id: rows are named by id only.
		expect(await setTargetGroupActive(world.db, { id: 'DP', active: 'false' })).toMatchObject({
			ok: false,
			kind: 'not_found'
		});
	});

	it('deactivates a group: it leaves the choosable list, its citizens keep it, and it comes back', async () => {
		const citizen = await registerCitizen(world, world.anna);
		expect(await setTargetGroupActive(world.db, { id: world.dp, active: 'false' })).toMatchObject({
			ok: true,
			value: { active: false }
		});
		expect((await listTargetGroups(world.db)).map((g) => g.id)).not.toContain(world.dp);
		const overview = await listTargetGroupsOverview(world.db);
		expect(overview.find((g) => g.id === world.dp)).toMatchObject({
			active: false,
			citizenCount: 1
		});
		const row = await world.db
			.selectFrom('citizen')
			.select('target_group_id')
			.where('id', '=', citizen.id)
			.executeTakeFirstOrThrow();
		expect(row.target_group_id).toBe(world.dp);

		await setTargetGroupActive(world.db, { id: world.dp, active: 'true' });
		expect((await listTargetGroups(world.db)).map((g) => g.id)).toContain(world.dp);
	});
});
