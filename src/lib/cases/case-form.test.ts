import { describe, expect, it } from 'vitest';
import {
	caseFormValues,
	extraKey,
	firstIssueKey,
	parseCaseForm,
	parseExtraValue,
	readCaseForm,
	type CaseFormContext,
	type CaseFormValues,
	type ExtraFieldDef
} from './case-form';

function field(over: Partial<ExtraFieldDef> & Pick<ExtraFieldDef, 'id' | 'kind'>): ExtraFieldDef {
	return { label: over.id, required: false, choices: [], active: true, ...over };
}

const FIELDS: ExtraFieldDef[] = [
	field({ id: 'note', kind: 'text' }),
	field({ id: 'hours', kind: 'number' }),
	field({ id: 'meeting', kind: 'date' }),
	field({ id: 'track', kind: 'choice', choices: ['Spor A', 'Spor B'] }),
	field({ id: 'mentor', kind: 'yes-no' })
];

const CONTEXT: CaseFormContext = {
	groups: [
		{ id: 'g-sdp', active: true },
		{ id: 'g-old', active: false }
	],
	goals: [
		{ code: 'flexjob', active: true },
		{ code: 'retired-goal', active: false }
	],
	fields: FIELDS
};

function values(over: Partial<CaseFormValues> = {}): CaseFormValues {
	return {
		targetGroupId: 'g-sdp',
		goal: 'flexjob',
		horizon: '2027-03-01',
		risk: 'medium',
		previousStepOutcome: '',
		nextStepText: 'Samtale med virksomhed',
		nextStepDue: '10.12.2026',
		extra: {},
		...over
	};
}

describe('parseCaseForm', () => {
	it('reads a whole form, dates from a date input or written the Danish way', () => {
		const result = parseCaseForm(
			values({
				horizon: '01.03.2027',
				previousStepOutcome: 'done',
				nextStepText: '  Ring  til\nAB '
			}),
			CONTEXT
		);
		expect(result).toEqual({
			ok: true,
			value: {
				targetGroupId: 'g-sdp',
				goal: 'flexjob',
				horizon: '2027-03-01',
				risk: 'medium',
				previousStepOutcome: 'done',
				nextStep: { text: 'Ring til AB', due: '2026-12-10' },
				extra: {}
			}
		});
	});

	it('asks for the required fields', () => {
		const result = parseCaseForm(
			values({
				targetGroupId: '',
				goal: '',
				horizon: '',
				risk: '',
				nextStepText: '',
				nextStepDue: ''
			}),
			CONTEXT
		);
		expect(result).toEqual({
			ok: false,
			issues: { targetGroupId: 'required', goal: 'required', horizon: 'required', risk: 'required' }
		});
	});

	it('refuses unknown or deactivated choices, but keeps the case’s current group and goal', () => {
		const bad = parseCaseForm(
			values({
				targetGroupId: 'g-old',
				goal: 'retired-goal',
				risk: 'huge',
				previousStepOutcome: 'x'
			}),
			CONTEXT
		);
		expect(bad.ok ? {} : bad.issues).toEqual({
			targetGroupId: 'invalid_choice',
			goal: 'invalid_choice',
			risk: 'invalid_choice',
			previousStepOutcome: 'invalid_choice'
		});
		const kept = parseCaseForm(values({ targetGroupId: 'g-old', goal: 'retired-goal' }), {
			...CONTEXT,
			current: { targetGroupId: 'g-old', goal: 'retired-goal' }
		});
		expect(kept.ok).toBe(true);
	});

	it('refuses a date that is not a day', () => {
		const result = parseCaseForm(
			values({ horizon: '31.02.2027', nextStepDue: 'i morgen' }),
			CONTEXT
		);
		expect(result.ok ? {} : result.issues).toEqual({
			horizon: 'invalid_date',
			nextStepDue: 'invalid_date'
		});
	});

	it('wants a next step’s text and due date together, or neither', () => {
		const noDue = parseCaseForm(values({ nextStepDue: '' }), CONTEXT);
		expect(noDue.ok ? {} : noDue.issues).toEqual({ nextStepDue: 'step_needs_due' });
		const noText = parseCaseForm(values({ nextStepText: '  ' }), CONTEXT);
		expect(noText.ok ? {} : noText.issues).toEqual({ nextStepText: 'step_needs_text' });
		const neither = parseCaseForm(values({ nextStepText: '', nextStepDue: '' }), CONTEXT);
		expect(neither.ok && neither.value.nextStep).toBeNull();
	});

	it('refuses a CPR-like or too long next step', () => {
		const cpr = parseCaseForm(values({ nextStepText: 'Ring til 010190-1234' }), CONTEXT);
		expect(cpr.ok ? {} : cpr.issues).toEqual({ nextStepText: 'looks_like_cpr' });
		const long = parseCaseForm(values({ nextStepText: 'x'.repeat(201) }), CONTEXT);
		expect(long.ok ? {} : long.issues).toEqual({ nextStepText: 'too_long' });
		expect(parseCaseForm(values({ nextStepText: 'x'.repeat(200) }), CONTEXT).ok).toBe(true);
	});

	it('validates every kind of extra field and stores typed values', () => {
		const result = parseCaseForm(
			values({
				extra: {
					note: ' Aftalt med  mentor ',
					hours: '7,5',
					meeting: '05.01.2027',
					track: 'Spor B',
					mentor: 'no'
				}
			}),
			CONTEXT
		);
		expect(result.ok && result.value.extra).toEqual({
			note: 'Aftalt med mentor',
			hours: 7.5,
			meeting: '2027-01-05',
			track: 'Spor B',
			mentor: false
		});
		const bad = parseCaseForm(
			values({
				extra: {
					note: '0101901234',
					hours: 'syv',
					meeting: '32.01.2027',
					track: 'Spor C',
					mentor: 'måske'
				}
			}),
			CONTEXT
		);
		expect(bad.ok ? {} : bad.issues).toEqual({
			'extra:note': 'looks_like_cpr',
			'extra:hours': 'invalid_number',
			'extra:meeting': 'invalid_date',
			'extra:track': 'invalid_choice',
			'extra:mentor': 'invalid_choice'
		});
	});

	it('lets optional extra fields be empty and requires the required ones', () => {
		const optional = parseCaseForm(values(), CONTEXT);
		expect(optional.ok && optional.value.extra).toEqual({});
		const required = FIELDS.map((f) => ({ ...f, required: true }));
		const result = parseCaseForm(values({ extra: { mentor: 'yes' } }), {
			...CONTEXT,
			fields: required
		});
		expect(result.ok ? {} : result.issues).toEqual({
			'extra:note': 'required',
			'extra:hours': 'required',
			'extra:meeting': 'required',
			'extra:track': 'required'
		});
	});

	it('ignores inactive extra fields, even a required one', () => {
		const fields = [field({ id: 'gone', kind: 'number', required: true, active: false })];
		const result = parseCaseForm(values({ extra: { gone: 'nonsense' } }), { ...CONTEXT, fields });
		expect(result.ok && result.value.extra).toEqual({});
	});
});

describe('parseExtraValue', () => {
	it('reads Danish numbers with thousands separators and a decimal comma', () => {
		const hours = field({ id: 'n', kind: 'number' });
		expect(parseExtraValue(hours, '1.234,5')).toEqual({ ok: true, value: 1234.5 });
		expect(parseExtraValue(hours, '12')).toEqual({ ok: true, value: 12 });
		expect(parseExtraValue(hours, '12 km')).toEqual({ ok: false, issue: 'invalid_number' });
	});

	it('refuses a too long text', () => {
		const text = field({ id: 't', kind: 'text' });
		expect(parseExtraValue(text, 'a'.repeat(201))).toEqual({ ok: false, issue: 'too_long' });
	});
});

describe('form values', () => {
	it('shows a stored case with Danish numbers and yes/no, and reads them back unchanged', () => {
		const shown = caseFormValues(
			{
				goal: 'flexjob',
				horizon: '2027-03-01',
				risk: 'high',
				previousStepOutcome: 'not-done',
				nextStep: { text: 'Ring', due: '2026-12-01' },
				extra: { hours: 7.5, mentor: true, note: 'x' }
			},
			'g-sdp'
		);
		expect(shown.extra).toEqual({ hours: '7,5', mentor: 'yes', note: 'x' });
		const data = new FormData();
		for (const [k, v] of Object.entries(shown)) if (typeof v === 'string') data.set(k, v);
		for (const [id, v] of Object.entries(shown.extra)) data.set(extraKey(id), v);
		const back = parseCaseForm(readCaseForm(data, FIELDS), CONTEXT);
		expect(back.ok && back.value).toMatchObject({
			risk: 'high',
			previousStepOutcome: 'not-done',
			extra: { hours: 7.5, mentor: true, note: 'x' }
		});
	});

	it('names the first wrong field in the form’s order', () => {
		expect(firstIssueKey({ 'extra:hours': 'invalid_number', risk: 'required' }, FIELDS)).toBe(
			'risk'
		);
		expect(firstIssueKey({ 'extra:hours': 'invalid_number' }, FIELDS)).toBe('extra:hours');
	});
});
