import { describe, expect, it } from 'vitest';
import { changeText, type HistoryNames } from './case-history-text';

const NAMES: HistoryNames = {
	goals: new Map([
		['flexjob', 'Fleksjob'],
		['ordinary-job', 'Ordinært job']
	]),
	people: { u1: 'Anna Andersen' },
	fields: new Map([
		['f1', { label: 'Timer i praktik', kind: 'number' as const }],
		['f2', { label: 'Mentor', kind: 'yes-no' as const }]
	])
};

describe('changeText', () => {
	it('says a change in Danish words, with Danish dates and names for codes', () => {
		expect(changeText({ field: 'horizon', from: '2027-03-01', to: '2027-05-01' }, NAMES)).toBe(
			'Tidsperspektiv 01.03.2027 → 01.05.2027'
		);
		expect(changeText({ field: 'goal', from: 'ordinary-job', to: 'flexjob' }, NAMES)).toBe(
			'Mål Ordinært job → Fleksjob'
		);
		expect(changeText({ field: 'risk', from: null, to: 'high' }, NAMES)).toBe('Risiko Høj');
		expect(changeText({ field: 'nextStep', from: '2026-12-01 Ring til AB', to: null }, NAMES)).toBe(
			'Næste skridt Ring til AB (frist 01.12.2026) → ingen'
		);
		expect(changeText({ field: 'consultantId', from: null, to: 'u1' }, NAMES)).toBe(
			'Konsulent Anna Andersen'
		);
	});

	it('names extra fields by their label and shows their values the Danish way', () => {
		expect(changeText({ field: 'extra:f1', from: '7.5', to: '10' }, NAMES)).toBe(
			'Timer i praktik 7,5 → 10'
		);
		expect(changeText({ field: 'extra:f2', from: null, to: 'true' }, NAMES)).toBe('Mentor Ja');
		expect(changeText({ field: 'extra:gone', from: 'x', to: 'y' }, NAMES)).toBe(
			'Felt, der ikke findes længere x → y'
		);
	});

	it('says a close and a reopening as sentences', () => {
		expect(
			changeText({ field: 'closedAt', from: null, to: '2026-11-27T08:00:00.000Z' }, NAMES)
		).toBe('Sagen er afsluttet');
		expect(
			changeText({ field: 'closedAt', from: '2026-11-27T08:00:00.000Z', to: null }, NAMES)
		).toBe('Sagen er genåbnet');
	});
});
