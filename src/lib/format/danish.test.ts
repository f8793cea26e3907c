import { describe, expect, it } from 'vitest';
import { formatDateTime, formatNumber, numberForInput } from './danish';

describe('formatNumber', () => {
	it('uses a decimal comma and a thousands dot in Danish, and the English marks in English', () => {
		expect(formatNumber(37.5, 'da')).toBe('37,5');
		expect(formatNumber(1234.5, 'da')).toBe('1.234,5');
		expect(formatNumber(37.5, 'en')).toBe('37.5');
		expect(formatNumber(20, 'da')).toBe('20');
	});
});

describe('numberForInput', () => {
	it('gives back what a person would type, empty for no value', () => {
		expect(numberForInput(7.5, 'da')).toBe('7,5');
		expect(numberForInput(1234.5, 'da')).toBe('1234,5');
		expect(numberForInput(7.5, 'en')).toBe('7.5');
		expect(numberForInput(null, 'da')).toBe('');
	});
});

describe('formatDateTime', () => {
	it('shows Copenhagen time as dd.mm.yyyy HH:MM, in winter and in summer time', () => {
		expect(formatDateTime(Date.UTC(2026, 10, 27, 8, 5))).toBe('27.11.2026 09:05');
		expect(formatDateTime(Date.UTC(2026, 6, 1, 22, 30))).toBe('02.07.2026 00:30');
	});
});
