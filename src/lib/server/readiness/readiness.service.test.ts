import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
	createCitizenWorld,
	registerCitizen,
	T0,
	type CitizenWorld
} from '../../../../tests/fixtures/citizen-fixtures';
import { listAuditFor } from '../audit/audit.repository';
import { DEFAULT_FORECAST_SETTINGS, saveForecastSettings } from '../cases/settings';
import { getCitizen } from '../citizens/citizen.service';
import type { Citizen } from '../citizens/citizen.repository';
import { scoreField } from '../../readiness/readiness-form';
import { addTask, closeTask, editTask, getReadiness, recordFollowUp } from './readiness.service';

let world: CitizenWorld;
let citizen: Citizen;
const HOUR = 3_600_000;

beforeEach(async () => {
	added = 0;
	world = await createCitizenWorld();
	// Registered as not job-ready, so the first follow-up that meets the threshold flips it.
	citizen = await registerCitizen(world, world.anna, { jobReady: '' });
});

afterEach(async () => {
	await world.remove();
});

let added = 0;
/** Each task a second after the previous one, so their order is the order they were added. */
async function task(text: string, now = T0 + 1000 * added++): Promise<string> {
	const result = await addTask(world.db, world.anna, citizen.id, { text }, now);
	if (!result?.ok) throw new Error(JSON.stringify(result));
	return result.taskId;
}

async function jobReady(): Promise<boolean> {
	return (await getCitizen(world.db, world.anna, citizen.id, T0))!.jobReady;
}

function scores(values: Record<string, string>): Record<string, string> {
	return Object.fromEntries(Object.entries(values).map(([id, v]) => [scoreField(id), v]));
}

describe('work tasks', () => {
	it('adds, edits and closes tasks; a closed task leaves the verdict and keeps its scores', async () => {
		const a = await task('  Fylde varer på   hylderne ');
		const b = await task('Møde til tiden kl. 7');
		expect(await editTask(world.db, world.anna, citizen.id, b, { text: 'Møde kl. 7' }, T0)).toEqual(
			{
				ok: true,
				taskId: b
			}
		);
		await recordFollowUp(world.db, world.anna, citizen.id, scores({ [a]: '8', [b]: '3' }), T0);
		expect(await closeTask(world.db, world.anna, citizen.id, b, T0 + HOUR)).toEqual({ ok: true });

		const view = (await getReadiness(world.db, world.anna, citizen.id, T0 + HOUR))!;
		expect(view.tasks.map((t) => [t.text, t.closedAt])).toEqual([
			['Fylde varer på hylderne', null],
			['Møde kl. 7', T0 + HOUR]
		]);
		expect(view.scores).toHaveLength(2);
		expect(view.readiness.tasks.map((t) => t.taskId)).toEqual([a]);
		expect(view.readiness.ready).toBe(true);
		// A closed task can be neither edited nor closed again.
		expect(await editTask(world.db, world.anna, citizen.id, b, { text: 'x' }, T0)).toBeNull();
		expect(await closeTask(world.db, world.anna, citizen.id, b, T0)).toBeNull();
	});

	it('refuses empty, too long and CPR-like task texts, storing nothing', async () => {
		for (const [text, issue] of [
			['   ', 'required'],
			['x'.repeat(201), 'too_long'],
			['Ring til 010190-1234', 'looks_like_cpr']
		] as const)
			expect(await addTask(world.db, world.anna, citizen.id, { text }, T0)).toEqual({
				ok: false,
				issue
			});
		const a = await task('Pakke ordrer');
		expect(
			await editTask(world.db, world.anna, citizen.id, a, { text: '0101901234 ' }, T0)
		).toEqual({ ok: false, issue: 'looks_like_cpr' });
		const view = (await getReadiness(world.db, world.anna, citizen.id, T0))!;
		expect(view.tasks.map((t) => t.text)).toEqual(['Pakke ordrer']);
	});
});

describe('follow-ups and job_ready', () => {
	it('flips job_ready when the threshold is met, and back when a score falls below it', async () => {
		await saveForecastSettings(world.db, { ...DEFAULT_FORECAST_SETTINGS, readinessThreshold: 6 });
		const a = await task('Pakke ordrer');
		const b = await task('Køre truck');

		const first = await recordFollowUp(
			world.db,
			world.anna,
			citizen.id,
			scores({ [a]: '6', [b]: '5' }),
			T0
		);
		expect(first).toMatchObject({ ok: true, jobReady: false });
		expect(await jobReady()).toBe(false);

		// Exactly the threshold counts; a task not scored this time keeps its latest score.
		const second = await recordFollowUp(
			world.db,
			world.anna,
			citizen.id,
			scores({ [b]: '6' }),
			T0 + HOUR
		);
		expect(second).toMatchObject({ ok: true, jobReady: true });
		expect(await jobReady()).toBe(true);

		await recordFollowUp(world.db, world.anna, citizen.id, scores({ [a]: '5' }), T0 + 2 * HOUR);
		expect(await jobReady()).toBe(false);

		const audit = await listAuditFor(world.db, 'citizen', citizen.id);
		expect(audit.filter((r) => r.detail === 'jobReady').map((r) => r.at)).toEqual([
			T0 + HOUR,
			T0 + 2 * HOUR
		]);
		const view = (await getReadiness(world.db, world.anna, citizen.id, T0))!;
		expect(view.readiness.threshold).toBe(6);
		expect(view.readiness.tasks.map((t) => t.scores.map((s) => s.score))).toEqual([
			[6, 5],
			[5, 6]
		]);
	});

	it('a follow-up decides again after job_ready was set by hand', async () => {
		const a = await task('Pakke ordrer');
		await world.db
			.updateTable('citizen')
			.set({ job_ready: 1 })
			.where('id', '=', citizen.id)
			.execute();
		await recordFollowUp(world.db, world.anna, citizen.id, scores({ [a]: '2' }), T0);
		expect(await jobReady()).toBe(false);
	});

	it('stores nothing when one score is invalid, and says which', async () => {
		const a = await task('Pakke ordrer');
		const b = await task('Køre truck');
		for (const bad of ['11', '0', '7,5', 'syv', '-3']) {
			const result = await recordFollowUp(
				world.db,
				world.anna,
				citizen.id,
				scores({ [a]: '8', [b]: bad }),
				T0
			);
			expect(result).toEqual({ ok: false, issues: { [b]: 'invalid_score' } });
		}
		expect(await recordFollowUp(world.db, world.anna, citizen.id, scores({}), T0)).toEqual({
			ok: false,
			issues: {},
			formIssue: 'no_scores'
		});
		// A score for a task that is not open is refused as a whole too.
		expect(
			await recordFollowUp(
				world.db,
				world.anna,
				citizen.id,
				{ ...scores({ [a]: '8' }), [scoreField('somebodyelses')]: '9' },
				T0
			)
		).toEqual({ ok: false, issues: {}, formIssue: 'unknown_task' });
		const view = (await getReadiness(world.db, world.anna, citizen.id, T0))!;
		expect(view.scores).toEqual([]);
		expect(await jobReady()).toBe(false);
		expect(
			(await listAuditFor(world.db, 'work_task', a)).filter((r) => r.detail === 'score')
		).toEqual([]);
	});
});

describe('team and audit', () => {
	it("refuses another team's citizen for every read and change", async () => {
		const a = await task('Pakke ordrer');
		const { db, cecilie } = world;
		expect(await getReadiness(db, cecilie, citizen.id, T0)).toBeNull();
		expect(await addTask(db, cecilie, citizen.id, { text: 'Noget' }, T0)).toBeNull();
		expect(await editTask(db, cecilie, citizen.id, a, { text: 'Noget' }, T0)).toBeNull();
		expect(await closeTask(db, cecilie, citizen.id, a, T0)).toBeNull();
		expect(await recordFollowUp(db, cecilie, citizen.id, scores({ [a]: '9' }), T0)).toBeNull();
		// A task id of another citizen through this citizen's address is as good as missing.
		const other = await registerCitizen(world, world.anna, { initials: 'kl' });
		expect(await closeTask(db, world.anna, other.id, a, T0)).toBeNull();
		const view = (await getReadiness(db, world.anna, citizen.id, T0))!;
		expect(view.tasks).toHaveLength(1);
		expect(view.tasks[0]!.closedAt).toBeNull();
		expect(view.scores).toEqual([]);
	});

	it('audits every read and change without personal data in the detail', async () => {
		const a = await task('Pakke ordrer');
		await editTask(world.db, world.lone, citizen.id, a, { text: 'Pakke ordrer hurtigt' }, T0 + 1);
		await recordFollowUp(world.db, world.anna, citizen.id, scores({ [a]: '9' }), T0 + 2);
		await getReadiness(world.db, world.lone, citizen.id, T0 + 3);
		await closeTask(world.db, world.anna, citizen.id, a, T0 + 4);

		const taskLog = await listAuditFor(world.db, 'work_task', a);
		expect(taskLog.map((r) => [r.at, r.userId, r.action, r.detail])).toEqual([
			[T0, world.anna.userId, 'create', 'text'],
			[T0 + 1, world.lone.userId, 'update', 'text'],
			[T0 + 2, world.anna.userId, 'create', 'score'],
			[T0 + 4, world.anna.userId, 'update', 'closedAt']
		]);
		const citizenLog = await listAuditFor(world.db, 'citizen', citizen.id);
		expect(
			citizenLog.filter((r) => r.at > T0).map((r) => [r.at, r.userId, r.action, r.detail])
		).toEqual([
			[T0 + 2, world.anna.userId, 'update', 'jobReady'],
			[T0 + 3, world.lone.userId, 'read', 'readiness']
		]);
	});
});
