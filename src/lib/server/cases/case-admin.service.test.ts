import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
	createCitizenWorld,
	T0,
	type CitizenWorld
} from '../../../../tests/fixtures/citizen-fixtures';
import type { Db } from '../db/connect';
import {
	createCaseField,
	editCaseField,
	listCaseFields,
	setCaseFieldActive
} from './case-field.service';
import { createGoal, listGoalsOverview, renameGoal, setGoalActive } from './goal.service';

let world: CitizenWorld;
let db: Db;

beforeEach(async () => {
	world = await createCitizenWorld();
	db = world.db;
});

afterEach(async () => {
	await world.remove();
});

describe('goals', () => {
	it('adds a goal with a code from its name, never a taken one, and refuses a repeated name', async () => {
		const first = await createGoal(db, { name: ' Virksomheds­praktik ' });
		expect(first.ok && first.value.code).toMatch(/^virksomheds/);
		const flex = await createGoal(db, { name: 'Flexjob' });
		expect(flex.ok && flex.value.code).toBe('flexjob-2');
		expect(await createGoal(db, { name: 'fleksjob' })).toEqual({
			ok: false,
			issues: { name: 'name_taken' }
		});
		expect(await createGoal(db, { name: '' })).toEqual({ ok: false, issues: { name: 'required' } });
	});

	it('renames and deactivates by id, keeping the code', async () => {
		const goals = await listGoalsOverview(db);
		const small = goals.find((g) => g.code === 'small-job')!;
		const renamed = await renameGoal(db, { id: small.id, name: 'Småjob (under 15 timer)' });
		expect(renamed.ok && renamed.value.code).toBe('small-job');
		expect(await setGoalActive(db, { id: small.id, active: 'false' })).toMatchObject({
			ok: true,
			value: { active: false }
		});
		expect(await renameGoal(db, { id: 'small-job', name: 'x' })).toEqual({
			ok: false,
			issues: { id: 'not_found' }
		});
		const after = (await listGoalsOverview(db)).find((g) => g.id === small.id);
		expect(after).toMatchObject({ name: 'Småjob (under 15 timer)', active: false, caseCount: 0 });
	});
});

describe('extra case fields', () => {
	it('creates each kind; a choice field needs two answers', async () => {
		for (const kind of ['text', 'number', 'date', 'yes-no'])
			expect((await createCaseField(db, { label: `Felt ${kind}`, kind }, T0)).ok).toBe(true);
		expect(await createCaseField(db, { label: 'Spor', kind: 'choice', choices: 'A' }, T0)).toEqual({
			ok: false,
			issues: { choices: 'choices_required' }
		});
		const choice = await createCaseField(
			db,
			{ label: 'Spor', kind: 'choice', choices: 'Spor A\nSpor B', required: 'on' },
			T0
		);
		expect(choice.ok && choice.value).toMatchObject({
			choices: ['Spor A', 'Spor B'],
			required: true
		});
		expect(await createCaseField(db, { label: '', kind: 'colour' }, T0)).toEqual({
			ok: false,
			issues: { label: 'required', kind: 'invalid_kind' }
		});
		expect((await listCaseFields(db)).map((f) => f.kind)).toEqual([
			'text',
			'number',
			'date',
			'yes-no',
			'choice'
		]);
	});

	it('edits label, required and choices; a deactivated field leaves the form list', async () => {
		const created = await createCaseField(
			db,
			{ label: 'Spor', kind: 'choice', choices: 'A\nB' },
			T0
		);
		if (!created.ok) throw new Error('not created');
		const id = created.value.id;
		const edited = await editCaseField(db, {
			id,
			label: 'Forløbsspor',
			required: 'on',
			choices: 'A\nB\nC'
		});
		expect(edited.ok && edited.value).toMatchObject({
			label: 'Forløbsspor',
			required: true,
			choices: ['A', 'B', 'C']
		});
		await setCaseFieldActive(db, { id, active: 'false' });
		expect(await listCaseFields(db)).toEqual([]);
		expect((await listCaseFields(db, { includeInactive: true }))[0]).toMatchObject({
			label: 'Forløbsspor',
			active: false
		});
		expect(await editCaseField(db, { id: 'nope', label: 'x' })).toEqual({
			ok: false,
			issues: { id: 'not_found' }
		});
	});
});
