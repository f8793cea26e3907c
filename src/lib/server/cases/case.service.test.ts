import Database from 'better-sqlite3';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
	createCitizenWorld,
	registerCitizen,
	T0,
	type CitizenWorld
} from '../../../../tests/fixtures/citizen-fixtures';
import type { CaseFormValues } from '../../cases/case-form';
import type { Citizen } from '../citizens/citizen.repository';
import { findTargetGroup } from '../citizens/target-group.repository';
import type { Db } from '../db/connect';
import { createCaseField, setCaseFieldActive } from './case-field.service';
import { selectCaseHistory } from './case.repository';
import {
	closeCase,
	getCase,
	listCaseload,
	reopenCase,
	saveCase,
	type CaseActor
} from './case.service';
import { caseChanges } from './changes';

let world: CitizenWorld;
let db: Db;
let anna: CaseActor;
let lone: CaseActor;
let cecilie: CaseActor;
let citizen: Citizen;
let file: string;
let published: { teamId: string; committedHistoryRows: number }[];
let unsubscribe: () => void;

/** Rows in case_history as another connection sees them: only what has committed. */
function committedHistoryRows(): number {
	const reader = new Database(file, { readonly: true });
	try {
		return (reader.prepare('select count(*) as n from case_history').get() as { n: number }).n;
	} finally {
		reader.close();
	}
}

beforeEach(async () => {
	world = await createCitizenWorld();
	({ db, anna, lone, cecilie } = world);
	citizen = await registerCitizen(world, anna, { initials: 'AB' });
	const rows = await sql<{ file: string }>`pragma database_list`.execute(db);
	file = rows.rows[0]!.file;
	published = [];
	unsubscribe = caseChanges().subscribe((teamId) =>
		published.push({ teamId, committedHistoryRows: committedHistoryRows() })
	);
});

afterEach(async () => {
	unsubscribe();
	await world.remove();
});

function form(over: Partial<CaseFormValues> = {}): CaseFormValues {
	return {
		targetGroupId: world.dp,
		goal: 'ordinary-job',
		horizon: '01.03.2027',
		risk: 'medium',
		previousStepOutcome: '',
		nextStepText: 'Samtale om praktik',
		nextStepDue: '2026-12-04',
		extra: {},
		...over
	};
}

async function auditRows() {
	return db
		.selectFrom('audit_log')
		.select(['user_id', 'action', 'entity', 'entity_id', 'detail'])
		.where('entity', '=', 'case')
		.orderBy('id')
		.execute();
}

describe('saveCase', () => {
	it('creates the citizen’s case with the owner as consultant, one history entry and one audit row', async () => {
		const result = await saveCase(db, anna, citizen.id, form(), T0);
		if (!result?.ok) throw new Error(JSON.stringify(result));
		expect(result.created).toBe(true);
		expect(result.case).toMatchObject({
			consultantId: anna.userId,
			targetGroup: 'DP',
			horizon: '2027-03-01',
			nextStep: { text: 'Samtale om praktik', due: '2026-12-04' },
			openedAt: T0,
			closedAt: null
		});
		const history = await selectCaseHistory(db, result.case.id);
		expect(history).toHaveLength(1);
		expect(history[0]!.by).toBe(anna.userId);
		expect(history[0]!.changes.map((c) => c.field)).toEqual([
			'targetGroup',
			'goal',
			'horizon',
			'risk',
			'nextStep',
			'consultantId'
		]);
		expect(history[0]!.changes.every((c) => c.from === null)).toBe(true);
		const audit = await auditRows();
		expect(audit).toEqual([
			{
				user_id: anna.userId,
				action: 'create',
				entity: 'case',
				entity_id: result.case.id,
				detail: 'targetGroup,goal,horizon,risk,nextStep,consultantId'
			}
		]);
		// Published once, after the commit: another connection already saw the history row.
		expect(published).toEqual([{ teamId: anna.teamId, committedHistoryRows: 1 }]);
	});

	it('records only what changed; a leader’s save is the leader’s history; the target group moves the citizen', async () => {
		const first = await saveCase(db, anna, citizen.id, form(), T0);
		if (!first?.ok) throw new Error('not saved');
		const sdp = (await findTargetGroup(db, 'SDP'))!;
		const second = await saveCase(
			db,
			lone,
			citizen.id,
			form({ horizon: '2027-05-01', targetGroupId: sdp.id, previousStepOutcome: 'done' }),
			T0 + 1000
		);
		if (!second?.ok) throw new Error('not saved');
		expect(second.case.consultantId).toBe(anna.userId);
		const history = await selectCaseHistory(db, first.case.id);
		expect(history[1]).toEqual({
			caseId: first.case.id,
			at: T0 + 1000,
			by: lone.userId,
			changes: [
				{ field: 'targetGroup', from: 'DP', to: 'SDP' },
				{ field: 'horizon', from: '2027-03-01', to: '2027-05-01' },
				{ field: 'previousStepOutcome', from: null, to: 'done' }
			]
		});
		const row = await db
			.selectFrom('citizen')
			.select('target_group_id')
			.where('id', '=', citizen.id)
			.executeTakeFirstOrThrow();
		expect(row.target_group_id).toBe(sdp.id);
		expect((await auditRows()).at(-1)).toMatchObject({
			user_id: lone.userId,
			action: 'update',
			detail: 'targetGroup,horizon,previousStepOutcome'
		});
		expect(published).toHaveLength(2);
	});

	it('writes nothing and tells no one when nothing changed', async () => {
		await saveCase(db, anna, citizen.id, form(), T0);
		const again = await saveCase(db, anna, citizen.id, form({ horizon: '2027-03-01' }), T0 + 5);
		expect(again?.ok && again.changes).toEqual([]);
		expect(await db.selectFrom('case_history').select('id').execute()).toHaveLength(1);
		expect(published).toHaveLength(1);
	});

	it('keeps extra field values as history, and keeps a deactivated field’s value', async () => {
		const hours = await createCaseField(db, { label: 'Timer i praktik', kind: 'number' }, T0);
		const mentor = await createCaseField(db, { label: 'Mentor', kind: 'yes-no' }, T0);
		if (!hours.ok || !mentor.ok) throw new Error('fields not created');
		const saved = await saveCase(
			db,
			anna,
			citizen.id,
			form({ extra: { [hours.value.id]: '7,5', [mentor.value.id]: 'yes' } }),
			T0
		);
		if (!saved?.ok) throw new Error('not saved');
		expect(saved.case.extra).toEqual({ [hours.value.id]: 7.5, [mentor.value.id]: true });
		await setCaseFieldActive(db, { id: mentor.value.id, active: 'false' });
		const next = await saveCase(
			db,
			anna,
			citizen.id,
			form({ extra: { [hours.value.id]: '10' } }),
			T0 + 1
		);
		if (!next?.ok) throw new Error('not saved');
		expect(next.case.extra).toEqual({ [hours.value.id]: 10, [mentor.value.id]: true });
		expect(next.changes).toEqual([{ field: `extra:${hours.value.id}`, from: '7.5', to: '10' }]);
		expect((await auditRows()).at(-1)?.detail).toBe(`extra:${hours.value.id}`);
	});

	it('stores nothing for refused input', async () => {
		const field = await createCaseField(
			db,
			{ label: 'Antal samtaler', kind: 'number', required: 'on' },
			T0
		);
		if (!field.ok) throw new Error('field not created');
		const result = await saveCase(
			db,
			anna,
			citizen.id,
			form({ nextStepDue: '', extra: { [field.value.id]: 'mange' } }),
			T0
		);
		expect(result).toEqual({
			ok: false,
			issues: { nextStepDue: 'step_needs_due', [`extra:${field.value.id}`]: 'invalid_number' }
		});
		expect(await db.selectFrom('case_forecast').select('id').execute()).toEqual([]);
		expect(await db.selectFrom('case_history').select('id').execute()).toEqual([]);
		expect(await auditRows()).toEqual([]);
		expect(published).toEqual([]);
	});

	it('refuses another team’s citizen, and a person of another team', async () => {
		expect(await saveCase(db, cecilie, citizen.id, form(), T0)).toBeNull();
		expect(
			await saveCase(db, { userId: cecilie.userId, teamId: anna.teamId }, citizen.id, form(), T0)
		).toBeNull();
		expect(await db.selectFrom('case_forecast').select('id').execute()).toEqual([]);
		expect(published).toEqual([]);
	});
});

describe('closing, reading and the caseload', () => {
	it('closes and reopens with history, audit and a publish each; a closed case is not edited', async () => {
		const saved = await saveCase(db, anna, citizen.id, form(), T0);
		if (!saved?.ok) throw new Error('not saved');
		const closed = await closeCase(db, anna, saved.case.id, T0 + 60_000);
		expect(closed?.closedAt).toBe(T0 + 60_000);
		expect(await saveCase(db, anna, citizen.id, form({ risk: 'high' }), T0 + 61_000)).toEqual({
			ok: false,
			issues: { '': 'case_closed' }
		});
		const reopened = await reopenCase(db, lone, saved.case.id, T0 + 120_000);
		expect(reopened?.closedAt).toBeNull();
		const history = await selectCaseHistory(db, saved.case.id);
		expect(history.slice(1).map((h) => [h.by, h.changes])).toEqual([
			[anna.userId, [{ field: 'closedAt', from: null, to: new Date(T0 + 60_000).toISOString() }]],
			[lone.userId, [{ field: 'closedAt', from: new Date(T0 + 60_000).toISOString(), to: null }]]
		]);
		expect((await auditRows()).map((a) => a.detail)).toEqual([
			'targetGroup,goal,horizon,risk,nextStep,consultantId',
			'closedAt',
			'closedAt'
		]);
		expect(published).toHaveLength(3);
		expect(await closeCase(db, cecilie, saved.case.id, T0)).toBeNull();
	});

	it('reads a case with its history, audited; another team’s reader gets null', async () => {
		const saved = await saveCase(db, anna, citizen.id, form(), T0);
		if (!saved?.ok) throw new Error('not saved');
		const view = await getCase(db, lone, saved.case.id, T0 + 1);
		expect(view?.citizen.initials).toBe('AB');
		expect(view?.history).toHaveLength(1);
		expect((await auditRows()).at(-1)).toMatchObject({ user_id: lone.userId, action: 'read' });
		expect(await getCase(db, cecilie, saved.case.id, T0)).toBeNull();
	});

	it('lists my citizens with their case or none, audited per citizen and case', async () => {
		const other = await registerCitizen(world, lone, { initials: 'XY' });
		const without = await registerCitizen(world, anna, { initials: 'CD' });
		await saveCase(db, anna, citizen.id, form(), T0);
		const mine = await listCaseload(db, anna, T0 + 1);
		expect(mine?.map((r) => [r.citizen.initials, r.case?.goal ?? null])).toEqual([
			['AB', 'ordinary-job'],
			['CD', null]
		]);
		expect(mine?.some((r) => r.citizen.id === other.id)).toBe(false);
		const team = await listCaseload(db, lone, T0 + 1, 'team');
		expect(team?.map((r) => r.citizen.initials)).toEqual(['AB', 'CD', 'XY']);
		const reads = await db
			.selectFrom('audit_log')
			.select(['entity', 'entity_id'])
			.where('user_id', '=', anna.userId)
			.where('action', '=', 'read')
			.execute();
		expect(
			reads
				.filter((r) => r.entity === 'citizen')
				.map((r) => r.entity_id)
				.sort()
		).toEqual([citizen.id, without.id].sort());
		expect(reads.filter((r) => r.entity === 'case')).toHaveLength(1);
		expect(await listCaseload(db, cecilie, T0, 'team').then((r) => r?.length)).toBe(0);
	});
});
