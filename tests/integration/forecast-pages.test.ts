import { afterEach, describe, expect, it } from 'vitest';
import { listAuditFor } from '../../src/lib/server/audit/audit.repository';
import { insertCaseRow } from '../../src/lib/server/cases/case.repository';
import { caseChanges } from '../../src/lib/server/cases/changes';
import { insertCitizen } from '../../src/lib/server/citizens/citizen.repository';
import { findTargetGroup } from '../../src/lib/server/citizens/target-group.repository';
import {
	loadTeamSparring,
	loadTeamVariation,
	watchTeamCases
} from '../../src/lib/server/forecast/forecast-pages.service';
import { changeEventsResponse } from '../../src/lib/server/live/change-events';
import { setMembership } from '../../src/lib/server/teams/team.repository';
import { createUser } from '../../src/lib/server/users/user.repository';
import { createCitizenWorld, T0, type CitizenWorld } from '../fixtures/citizen-fixtures';

const DAY = 86_400_000;
let world: CitizenWorld | undefined;
afterEach(async () => {
	await world?.remove();
	world = undefined;
});

/** Every chunk of an event stream until it ends, as text. */
async function readAll(response: Response): Promise<string> {
	const reader = response.body!.getReader();
	const decoder = new TextDecoder();
	let text = '';
	for (;;) {
		const { done, value } = await reader.read();
		if (done) return text;
		text += decoder.decode(value);
	}
}

describe('the forecast pages’ event stream', () => {
	it('sends a change for its own team’s cases only, and stops listening when the client goes', async () => {
		const hub = caseChanges();
		const before = hub.listenerCount();
		const abort = new AbortController();
		const response = changeEventsResponse({
			signal: abort.signal,
			subscribe: (onChange) => watchTeamCases(hub, 'team-a', onChange),
			stillAllowed: () => Promise.resolve(true)
		});
		expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
		expect(hub.listenerCount()).toBe(before + 1);
		hub.publish('team-b');
		hub.publish('team-a');
		hub.publish('team-c');
		abort.abort();
		const text = await readAll(response);
		expect(text.startsWith('retry: 2000\n')).toBe(true);
		expect(text.match(/event: change/g)).toHaveLength(1);
		expect(hub.listenerCount()).toBe(before);
	});

	it('ends when the viewer may no longer see the team', async () => {
		const hub = caseChanges();
		const before = hub.listenerCount();
		const response = changeEventsResponse({
			signal: new AbortController().signal,
			subscribe: (onChange) => watchTeamCases(hub, 'team-a', onChange),
			stillAllowed: () => Promise.resolve(false),
			heartbeatMs: 5
		});
		await readAll(response);
		expect(hub.listenerCount()).toBe(before);
	});
});

/**
 * Anna and Bo, consultants of Virksomhedsservice, with Lone as leader. Anna has 10 open cases,
 * 6 of them fleksjob; Bo 10, none fleksjob; one of Bo's steps is overdue, one of Anna's cases is
 * high risk without a step.
 */
async function team(w: CitizenWorld) {
	const bo = await createUser(w.db, {
		email: 'bo@demoby.dk',
		name: 'Bo Bertelsen',
		passwordHash: 'x',
		now: T0
	});
	await setMembership(w.db, w.anna.teamId, bo.id, 'consultant');
	const sdp = (await findTargetGroup(w.db, 'SDP'))!.id;
	const ids: Record<string, string> = {};
	const add = async (
		initials: string,
		ownerId: string,
		goal: string,
		fields: { risk?: 'low' | 'high'; step?: string | null } = {}
	) => {
		const citizen = await insertCitizen(w.db, {
			teamId: w.anna.teamId,
			ownerId,
			initials,
			targetGroupId: sdp,
			jobAreas: [],
			hoursWanted: null,
			jobReady: false,
			now: T0 - 100 * DAY
		});
		ids[initials] = `case-${initials.toLowerCase()}`;
		const step = fields.step === undefined ? '2026-12-10' : fields.step;
		await insertCaseRow(w.db, {
			id: ids[initials]!,
			teamId: w.anna.teamId,
			citizenId: citizen.id,
			consultantId: ownerId,
			goal,
			horizon: '2027-03-01',
			risk: fields.risk ?? 'low',
			nextStep: step === null ? null : { text: 'Samtale', due: step },
			previousStepOutcome: null,
			openedAt: T0 - 100 * DAY,
			closedAt: null,
			updatedAt: T0,
			extra: {}
		});
	};
	for (let i = 0; i < 10; i++)
		await add(`A${i}`, w.anna.userId, i < 6 ? 'flexjob' : 'ordinary-job', {
			risk: i === 0 ? 'high' : 'low',
			step: i === 0 ? null : undefined
		});
	for (let i = 0; i < 10; i++)
		await add(`B${i}`, bo.id, 'ordinary-job', { step: i === 0 ? '2026-11-20' : undefined });
	return { bo: bo.id, ids };
}

describe('who sees what', () => {
	it('gives the leader every consultant by name, and a consultant only the team and themselves', async () => {
		world = await createCitizenWorld();
		const { bo } = await team(world);
		const lead = await loadTeamVariation(
			world.db,
			world.lone.teamId,
			{ userId: world.lone.userId, isLeader: true },
			T0
		);
		expect(lead.variation.consultants.map((c) => lead.names[c.consultantId]).sort()).toEqual([
			'Anna Andersen',
			'Bo Bertelsen'
		]);
		const anna = lead.variation.consultants.find((c) => c.consultantId === world!.anna.userId)!;
		expect(anna.flags).toContainEqual({
			kind: 'goal',
			goal: 'flexjob',
			share: 0.6,
			teamShare: 0.3
		});
		expect(lead.goals[0]).toEqual({ code: 'flexjob', name: 'Fleksjob' });

		const own = await loadTeamVariation(
			world.db,
			world.anna.teamId,
			{ userId: world.anna.userId, isLeader: false },
			T0
		);
		expect(own.names).toEqual({});
		expect(own.variation.consultants.map((c) => c.consultantId)).toEqual([world.anna.userId]);
		expect(JSON.stringify(own)).not.toContain(bo);
		expect(own.variation.team.openCases).toBe(20);
	});

	it('lists every case for the leader and a consultant’s own for them, auditing each listed case', async () => {
		world = await createCitizenWorld();
		const { ids } = await team(world);
		const lead = await loadTeamSparring(
			world.db,
			world.lone.teamId,
			{ userId: world.lone.userId, isLeader: true },
			T0
		);
		expect(lead.rows.map((r) => [r.initials, r.reasons.map((x) => x.kind)])).toEqual([
			['A0', ['high-risk-no-step']],
			['B0', ['step-overdue']]
		]);
		expect(Object.values(lead.names).sort()).toEqual(['Anna Andersen', 'Bo Bertelsen']);
		expect(await listAuditFor(world.db, 'case', ids.B0!)).toMatchObject([
			{ userId: world.lone.userId, action: 'read', entity: 'case', detail: 'sparring', at: T0 }
		]);

		const own = await loadTeamSparring(
			world.db,
			world.anna.teamId,
			{ userId: world.anna.userId, isLeader: false },
			T0 + 1
		);
		expect(own.rows.map((r) => r.initials)).toEqual(['A0']);
		expect(own.names).toEqual({});
		// Bo's case was not shown to Anna, so not read by her.
		expect((await listAuditFor(world.db, 'case', ids.B0!)).map((a) => a.userId)).toEqual([
			world.lone.userId
		]);
		expect((await listAuditFor(world.db, 'case', ids.A0!)).map((a) => a.userId)).toEqual([
			world.lone.userId,
			world.anna.userId
		]);
		// Nothing of another team's.
		const other = await loadTeamSparring(
			world.db,
			world.cecilie.teamId,
			{ userId: world.cecilie.userId, isLeader: true },
			T0
		);
		expect(other.rows).toEqual([]);
	});
});
