import { describe, expect, it } from 'vitest';
import {
	actionState,
	emptyActionForm,
	parseActionForm,
	parseDropForm,
	parseMoveForm,
	type ActionFormValues
} from './action-form';
import type { ActionFields } from '../board/types';

const CHOICES = {
	ownerIds: ['user-bo', 'user-anna'],
	openingIds: ['opening-1'],
	citizenIds: ['citizen-7f3a'],
	laneIds: ['lane-1']
};

function form(overrides: Partial<ActionFormValues> = {}): ActionFormValues {
	return emptyActionForm({
		title: ' Ring til Fjordlager ',
		ownerId: 'user-bo',
		due: '2026-12-01',
		followUp: '03.12.2026',
		laneId: 'lane-1',
		timeTag: 'outreach',
		...overrides
	});
}

const OPEN: ActionFields = {
	followUp: '',
	status: 'open',
	dropReason: '',
	doneAt: null,
	openingId: '',
	citizenId: '',
	timeTag: ''
};

describe('parseActionForm', () => {
	it('turns the typed values into the model input, with Danish dates read', () => {
		expect(
			parseActionForm(form({ openingId: 'opening-1', citizenId: 'citizen-7f3a' }), CHOICES)
		).toEqual({
			ok: true,
			value: {
				laneId: 'lane-1',
				input: {
					title: 'Ring til Fjordlager',
					ownerId: 'user-bo',
					due: '2026-12-01',
					followUp: '2026-12-03',
					openingId: 'opening-1',
					citizenId: 'citizen-7f3a',
					timeTag: 'outreach'
				}
			}
		});
	});

	it('names every wrong field at once', () => {
		const parsed = parseActionForm(
			form({
				title: '',
				ownerId: '',
				due: '31.02.2026',
				followUp: '',
				openingId: 'gone',
				citizenId: 'citizen-gone',
				timeTag: 'coffee',
				laneId: 'x'
			}),
			CHOICES
		);
		expect(parsed).toEqual({
			ok: false,
			issues: {
				title: 'required',
				ownerId: 'required',
				due: 'invalid_date',
				followUp: 'required',
				openingId: 'invalid_choice',
				citizenId: 'invalid_choice',
				timeTag: 'invalid_choice',
				laneId: 'required'
			}
		});
	});

	it('links no citizen by default, and only a citizen this device was offered', () => {
		expect(parseActionForm(form(), CHOICES)).toMatchObject({
			ok: true,
			value: { input: { citizenId: '' } }
		});
		// A device that could not load the citizens has none to offer: no link, and no guessing.
		expect(parseActionForm(form(), { ...CHOICES, citizenIds: [] }).ok).toBe(true);
		expect(
			parseActionForm(form({ citizenId: 'citizen-7f3a' }), { ...CHOICES, citizenIds: [] })
		).toEqual({ ok: false, issues: { citizenId: 'invalid_choice' } });
	});

	it('refuses an owner who is not a member, a follow-up before the due date, a CPR number and a long title', () => {
		expect(parseActionForm(form({ ownerId: 'user-x' }), CHOICES)).toMatchObject({
			issues: { ownerId: 'invalid_choice' }
		});
		expect(parseActionForm(form({ followUp: '30.11.2026' }), CHOICES)).toEqual({
			ok: false,
			issues: { followUp: 'before_due' }
		});
		expect(parseActionForm(form({ followUp: '2026-12-01' }), CHOICES).ok).toBe(true);
		expect(parseActionForm(form({ title: 'Ring om 010190-1234' }), CHOICES)).toMatchObject({
			issues: { title: 'looks_like_cpr' }
		});
		expect(parseActionForm(form({ title: 'x'.repeat(201) }), CHOICES)).toMatchObject({
			issues: { title: 'too_long' }
		});
	});
});

describe('parseMoveForm and parseDropForm', () => {
	it('needs two valid dates, follow-up not before due', () => {
		expect(parseMoveForm({ due: '08.12.2026', followUp: '2026-12-09' })).toEqual({
			ok: true,
			value: { due: '2026-12-08', followUp: '2026-12-09' }
		});
		expect(parseMoveForm({ due: '', followUp: 'snart' })).toEqual({
			ok: false,
			issues: { due: 'required', followUp: 'invalid_date' }
		});
		expect(parseMoveForm({ due: '2026-12-09', followUp: '2026-12-08' })).toEqual({
			ok: false,
			issues: { followUp: 'before_due' }
		});
	});

	it('needs a reason of at most 200 characters', () => {
		expect(parseDropForm({ reason: '  Virksomheden lukkede ' })).toEqual({
			ok: true,
			value: { reason: 'Virksomheden lukkede' }
		});
		expect(parseDropForm({ reason: ' ' })).toEqual({ ok: false, issues: { reason: 'required' } });
		expect(parseDropForm({ reason: 'x'.repeat(201) })).toEqual({
			ok: false,
			issues: { reason: 'too_long' }
		});
	});
});

describe('actionState', () => {
	it('counts days to or past the due date in calendar days', () => {
		expect(actionState('2026-11-25', OPEN, '2026-11-27')).toEqual({
			kind: 'open',
			state: 'overdue',
			daysLeft: -2
		});
		expect(actionState('2026-11-27', OPEN, '2026-11-27')).toMatchObject({
			state: 'soon',
			daysLeft: 0
		});
		expect(actionState('2026-12-27', OPEN, '2026-11-27')).toMatchObject({ state: 'ok' });
		expect(actionState('', OPEN, '2026-11-27')).toEqual({ kind: 'open-undated' });
	});

	it('puts done and dropped before any countdown', () => {
		expect(actionState('2026-11-01', { ...OPEN, status: 'done' }, '2026-11-27')).toEqual({
			kind: 'done'
		});
		expect(actionState('2026-11-01', { ...OPEN, status: 'dropped' }, '2026-11-27')).toEqual({
			kind: 'dropped'
		});
	});
});
