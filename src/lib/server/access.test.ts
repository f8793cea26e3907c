import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCitizenWorld, type CitizenWorld } from '../../../tests/fixtures/citizen-fixtures';
import {
	canAdminister,
	canEditWithRole,
	canReadCitizenAudit,
	canWorkWithCitizens,
	findTeamForMember
} from './access';

describe('role rules', () => {
	it.each([
		['leader', true, true],
		['consultant', true, true],
		['viewer', false, false]
	] as const)('%s: edits the board %s, works with citizens %s', (role, edits, citizens) => {
		expect(canEditWithRole(role)).toBe(edits);
		expect(canWorkWithCitizens(role)).toBe(citizens);
	});

	it('gives no citizen access without a membership', () => {
		expect(canWorkWithCitizens(undefined)).toBe(false);
	});

	it('lets only admins administer', () => {
		expect(canAdminister({ isAdmin: true })).toBe(true);
		expect(canAdminister({ isAdmin: false })).toBe(false);
		expect(canAdminister(null)).toBe(false);
	});
});

describe('findTeamForMember', () => {
	let world: CitizenWorld;

	beforeEach(async () => {
		world = await createCitizenWorld();
	});

	afterEach(async () => {
		await world.remove();
	});

	it('gives a member the team and their role, and no one else anything', async () => {
		const { db, anna, lone, cecilie } = world;
		expect(await findTeamForMember(db, { id: anna.userId }, anna.teamId)).toMatchObject({
			team: { id: anna.teamId, name: 'Virksomhedsservice' },
			role: 'consultant'
		});
		expect(await findTeamForMember(db, { id: lone.userId }, anna.teamId)).toMatchObject({
			role: 'leader'
		});
		expect(await findTeamForMember(db, { id: cecilie.userId }, anna.teamId)).toBeNull();
		expect(await findTeamForMember(db, null, anna.teamId)).toBeNull();
		expect(await findTeamForMember(db, { id: anna.userId }, 'Virksomhedsservice')).toBeNull();
	});

	it('lets only leaders read the citizen audit log', () => {
		expect(canReadCitizenAudit('leader')).toBe(true);
		expect(canReadCitizenAudit('consultant')).toBe(false);
		expect(canReadCitizenAudit('viewer')).toBe(false);
		expect(canReadCitizenAudit(undefined)).toBe(false);
	});
});
