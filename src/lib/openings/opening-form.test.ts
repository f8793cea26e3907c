import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
	buildBoard,
	openingInput,
	USER_ANNA,
	USER_BO
} from '../../../tests/fixtures/board-fixtures';
import { addOpening, getOpening, openingTitle, updateOpening } from '../board/openings';
import type { OpeningCard } from '../board/types';
import {
	findCompanyByName,
	formatHours,
	openingFormValues,
	openingPatch,
	parseHours,
	parseOpeningForm,
	searchCompanies,
	type KnownCompany,
	type OpeningFormValues
} from './opening-form';

// Invented companies.
const COMPANIES: KnownCompany[] = [
	{ id: 'co-fjord', name: 'Fjordlager ApS', cvr: '11223344', industry: 'Lager', contactPerson: '' },
	{ id: 'co-kantine', name: 'Kantine Nord', cvr: null, industry: 'Kantine', contactPerson: '' },
	{ id: 'co-nordlys', name: 'Nordlys Café', cvr: null, industry: 'Café', contactPerson: '' }
];

const CONTEXT = { companies: COMPANIES, ownerIds: [USER_ANNA, USER_BO], laneIds: ['lane-ny'] };

function values(overrides: Partial<OpeningFormValues> = {}): OpeningFormValues {
	return {
		...openingFormValues(undefined, { laneId: 'lane-ny', ownerId: USER_ANNA }),
		companyName: 'Fjordlager ApS',
		position: 'Lagerhjælp',
		jobType: 'smalljob',
		hoursPerWeek: '12,5',
		positions: '2',
		deadline: '2026-12-04',
		jobAreas: 'Lager, Truck',
		...overrides
	};
}

function issuesOf(overrides: Partial<OpeningFormValues>) {
	const result = parseOpeningForm(values(overrides), CONTEXT);
	if (result.ok) throw new Error('the form was accepted');
	return result.issues;
}

describe('parseOpeningForm', () => {
	it('turns a filled-in form into the model input, picking a known company by name', () => {
		const result = parseOpeningForm(values({ companyName: '  fjordlager  aps ' }), CONTEXT);
		expect(result).toEqual({
			ok: true,
			value: {
				company: { kind: 'known', id: 'co-fjord', name: 'Fjordlager ApS' },
				opening: {
					position: 'Lagerhjælp',
					jobType: 'smalljob',
					hoursPerWeek: 12.5,
					positions: 2,
					deadline: '2026-12-04',
					startDate: '',
					jobAreas: ['Lager', 'Truck'],
					requirements: '',
					source: 'phone'
				},
				ownerId: USER_ANNA,
				laneId: 'lane-ny'
			}
		});
	});

	it('creates a company it does not know, with optional CVR (spaces allowed), industry and contact', () => {
		const result = parseOpeningForm(
			values({
				companyName: 'Havnens Bageri',
				cvr: '1234 5678',
				industry: 'Bageri',
				contactPerson: 'Bente Bager'
			}),
			CONTEXT
		);
		expect(result.ok && result.value.company).toEqual({
			kind: 'new',
			name: 'Havnens Bageri',
			cvr: '12345678',
			industry: 'Bageri',
			contactPerson: 'Bente Bager'
		});
		const noCvr = parseOpeningForm(values({ companyName: 'Havnens Bageri' }), CONTEXT);
		expect(noCvr.ok && noCvr.value.company).toMatchObject({ kind: 'new', cvr: null });
	});

	it('refuses a CVR that is not exactly 8 digits, only for a new company', () => {
		expect(issuesOf({ companyName: 'Ny ApS', cvr: '1234567' })).toEqual({ cvr: 'invalid_cvr' });
		expect(issuesOf({ companyName: 'Ny ApS', cvr: '123456789' })).toEqual({ cvr: 'invalid_cvr' });
		expect(issuesOf({ companyName: 'Ny ApS', cvr: '1234567a' })).toEqual({ cvr: 'invalid_cvr' });
		// A known company keeps its own CVR; what is left in the hidden field does not matter.
		expect(parseOpeningForm(values({ cvr: '123' }), CONTEXT).ok).toBe(true);
	});

	it('names every missing required field at once', () => {
		expect(
			issuesOf({
				companyName: ' ',
				position: '',
				jobType: '',
				positions: '',
				deadline: '',
				source: '',
				laneId: ''
			})
		).toEqual({
			companyName: 'required',
			position: 'required',
			jobType: 'required',
			positions: 'required',
			deadline: 'required',
			source: 'required',
			laneId: 'required'
		});
	});

	it('takes hours with a Danish decimal comma, 0-80 with one decimal, or none', () => {
		const hours = (text: string) => {
			const r = parseOpeningForm(values({ hoursPerWeek: text }), CONTEXT);
			return r.ok ? r.value.opening.hoursPerWeek : r.issues.hoursPerWeek;
		};
		expect(hours('7,5')).toBe(7.5);
		expect(hours('37')).toBe(37);
		expect(hours('37.5')).toBe(37.5);
		expect(hours('')).toBeNull();
		expect(hours('0')).toBe(0);
		expect(hours('80')).toBe(80);
		for (const bad of ['80,5', '7,25', '-1', 'ti', '1.234,5'])
			expect(hours(bad), bad).toBe('invalid_hours');
	});

	it('takes 1-999 positions as a whole number', () => {
		for (const bad of ['0', '1000', '1,5', '-2', 'to'])
			expect(issuesOf({ positions: bad }), bad).toEqual({ positions: 'invalid_positions' });
		expect(parseOpeningForm(values({ positions: '999' }), CONTEXT).ok).toBe(true);
	});

	it('takes dates as from a date input or written the Danish way, and refuses impossible ones', () => {
		const r = parseOpeningForm(values({ deadline: '4.12.2026', startDate: '04-01-2027' }), CONTEXT);
		expect(r.ok && [r.value.opening.deadline, r.value.opening.startDate]).toEqual([
			'2026-12-04',
			'2027-01-04'
		]);
		expect(issuesOf({ deadline: '31.11.2026' })).toEqual({ deadline: 'invalid_date' });
		expect(issuesOf({ startDate: 'i morgen' })).toEqual({ startDate: 'invalid_date' });
	});

	it('accepts what the CSV import accepts: month names, two-digit years, units, a DK prefix', () => {
		const r = parseOpeningForm(
			values({
				companyName: 'Havnens Bageri',
				cvr: 'DK 1122-3344',
				deadline: '4. dec. 2026',
				startDate: '4/1/27',
				hoursPerWeek: '37 timer',
				positions: '3 stk.',
				jobAreas: 'Bageri | Rengøring;  bageri'
			}),
			CONTEXT
		);
		if (!r.ok) throw new Error(JSON.stringify(r.issues));
		expect(r.value.company).toMatchObject({ kind: 'new', cvr: '11223344' });
		expect(r.value.opening).toMatchObject({
			deadline: '2026-12-04',
			startDate: '2027-01-04',
			hoursPerWeek: 37,
			positions: 3,
			jobAreas: ['Bageri', 'Rengøring']
		});
	});

	it('refuses a CPR-like number in every free-text field, keeping the other fields apart', () => {
		// Invented numbers on real calendar dates, written the ways looksLikeCpr knows.
		expect(
			issuesOf({
				companyName: 'Ny ApS 010190-1234',
				industry: 'Lager 0101901234',
				contactPerson: 'Kim, 311299 4321',
				position: 'Lagerhjælp til 150585-1111',
				requirements: 'Borgeren 150585-1111 starter mandag',
				jobAreas: 'Lager, 010190-1234'
			})
		).toEqual({
			companyName: 'looks_like_cpr',
			industry: 'looks_like_cpr',
			contactPerson: 'looks_like_cpr',
			position: 'looks_like_cpr',
			requirements: 'looks_like_cpr',
			jobAreas: 'looks_like_cpr'
		});
		// A phone number or a CVR number is not a CPR number.
		expect(
			parseOpeningForm(values({ requirements: 'Ring 12345678, CVR 11223344' }), CONTEXT).ok
		).toBe(true);
	});

	it('keeps to the board limits for texts and job-area tags', () => {
		expect(issuesOf({ position: 'x'.repeat(121) })).toEqual({ position: 'too_long' });
		expect(issuesOf({ companyName: 'x'.repeat(121) })).toEqual({ companyName: 'too_long' });
		expect(issuesOf({ requirements: 'x'.repeat(2001) })).toEqual({ requirements: 'too_long' });
		expect(issuesOf({ jobAreas: 'x'.repeat(41) })).toEqual({ jobAreas: 'tag_too_long' });
		const eleven = Array.from({ length: 11 }, (_, i) => `Område ${i}`).join(', ');
		expect(issuesOf({ jobAreas: eleven })).toEqual({ jobAreas: 'too_many_tags' });
	});

	it('refuses a type, source, owner or lane that is not offered', () => {
		expect(
			issuesOf({ jobType: 'gig', source: 'fax', ownerId: 'user-stranger', laneId: 'lane-x' })
		).toEqual({
			jobType: 'invalid_choice',
			source: 'invalid_choice',
			ownerId: 'invalid_choice',
			laneId: 'invalid_choice'
		});
		// No owner is allowed, and an edit checks no lane.
		const edit = parseOpeningForm(values({ ownerId: '', laneId: '' }), {
			...CONTEXT,
			laneIds: undefined
		});
		expect(edit.ok).toBe(true);
	});

	it('keeps the edited opening’s company when its name is unchanged, even if the list is empty', () => {
		const r = parseOpeningForm(values({ companyName: 'Gammel Virksomhed' }), {
			...CONTEXT,
			companies: [],
			currentCompany: { id: 'co-old', name: 'Gammel Virksomhed' }
		});
		expect(r.ok && r.value.company).toEqual({
			kind: 'known',
			id: 'co-old',
			name: 'Gammel Virksomhed'
		});
	});

	it('produces input the board model accepts', () => {
		const r = parseOpeningForm(values(), CONTEXT);
		if (!r.ok || r.value.company.kind !== 'known') throw new Error('expected a known company');
		const { doc, lane } = buildBoard({ Ny: [] });
		const id = addOpening(
			doc,
			{
				...r.value.opening,
				laneId: lane('Ny'),
				title: openingTitle(r.value.opening.position, r.value.company.name),
				companyId: r.value.company.id,
				companyName: r.value.company.name,
				ownerId: r.value.ownerId,
				createdBy: USER_ANNA,
				now: 1
			},
			'test'
		);
		expect(getOpening(doc, id)?.title).toBe('Lagerhjælp, Fjordlager ApS');
	});
});

describe('form helpers', () => {
	it('finds and searches companies ignoring case, names starting with the query first', () => {
		expect(findCompanyByName(COMPANIES, 'KANTINE NORD')?.id).toBe('co-kantine');
		expect(findCompanyByName(COMPANIES, '')).toBeUndefined();
		expect(searchCompanies(COMPANIES, 'nord').map((c) => c.id)).toEqual([
			'co-nordlys',
			'co-kantine'
		]);
		expect(searchCompanies(COMPANIES, '  ')).toEqual([]);
	});

	it('reads hours as the import does, empty as none, and writes them the Danish way', () => {
		expect(parseHours(' 7,5 ')).toBe(7.5);
		expect(parseHours('37 timer')).toBe(37);
		expect(parseHours('')).toBeNull();
		expect(parseHours('7,25')).toBeUndefined();
		expect(parseHours('81')).toBeUndefined();
		expect(parseHours('-5')).toBeUndefined();
		expect(parseHours('mange')).toBeUndefined();
		expect(formatHours(7.5)).toBe('7,5');
		expect(formatHours(null)).toBe('');
	});
});

describe('openingFormValues and openingPatch', () => {
	function storedOpening(): { doc: Y.Doc; card: OpeningCard } {
		const { doc, lane } = buildBoard({ Ny: [] });
		const id = addOpening(doc, openingInput(lane('Ny')), 'test');
		return { doc, card: getOpening(doc, id)! };
	}

	it('fills the form from an opening, Danish style, and parses back to no change', () => {
		const { card } = storedOpening();
		const form = openingFormValues(card, { laneId: 'other', ownerId: 'other' });
		expect(form).toMatchObject({
			companyName: 'Fjordlager ApS',
			hoursPerWeek: '12,5',
			positions: '2',
			jobAreas: 'Lager, Logistik',
			ownerId: USER_BO,
			laneId: card.laneId
		});
		const r = parseOpeningForm(form, {
			companies: [],
			ownerIds: [USER_BO],
			currentCompany: { id: card.opening.companyId, name: card.opening.companyName }
		});
		if (!r.ok) throw new Error(JSON.stringify(r.issues));
		const patch = openingPatch(card, {
			...r.value.opening,
			companyId: card.opening.companyId,
			companyName: card.opening.companyName,
			ownerId: r.value.ownerId,
			title: card.title
		});
		expect(patch).toEqual({});
	});

	it('names only the changed fields, and the model applies them', () => {
		const { doc, card } = storedOpening();
		const patch = openingPatch(card, {
			...openingInput(card.laneId),
			companyId: card.opening.companyId,
			positions: 3,
			hoursPerWeek: null,
			jobAreas: ['Lager'],
			ownerId: '',
			title: card.title
		});
		expect(patch).toEqual({ positions: 3, hoursPerWeek: null, jobAreas: ['Lager'], ownerId: '' });
		updateOpening(doc, card.id, patch, 2, 'test');
		expect(getOpening(doc, card.id)?.opening).toMatchObject({
			positions: 3,
			hoursPerWeek: null,
			jobAreas: ['Lager']
		});
	});
});
