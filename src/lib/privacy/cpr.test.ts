import { describe, expect, it } from 'vitest';
import { looksLikeCpr } from './cpr';

describe('looksLikeCpr', () => {
	it.each([
		'010190-1234',
		'0101901234',
		'010190 1234',
		'Borger 311299-4321 vil gerne køre truck',
		'290200-1111',
		'cpr:010190-1234.'
	])('refuses %s', (text) => {
		expect(looksLikeCpr(text)).toBe(true);
	});

	it.each([
		['a phone number', '12345678'],
		['a phone number with country code', '+45 12 34 56 78'],
		['a CVR number', 'CVR 12345678'],
		['a date', '01.01.1990'],
		['spaces inside the date', '01 01 90 1234'],
		['an impossible month', '011390-1234'],
		['an impossible day', '320190-1234'],
		['30 February', '300290-1234'],
		['day zero', '000190-1234'],
		['a longer run of digits', '10101901234'],
		['too few digits after the date', '010190-123'],
		['ordinary text', 'Lager, truck og rengøring'],
		['empty text', '']
	])('accepts %s', (_label, text) => {
		expect(looksLikeCpr(text)).toBe(false);
	});
});
