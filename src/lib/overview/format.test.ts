import { describe, expect, it } from 'vitest';
import { formatCount, formatDate, formatDecimal, formatPercent, NO_VALUE } from './format';

describe('Danish formatting of the overview', () => {
	it('groups thousands with a dot and writes a decimal comma', () => {
		expect(formatCount(1234)).toBe('1.234');
		expect(formatDecimal(2.25)).toBe('2,3');
		expect(formatDecimal(4)).toBe('4');
		expect(formatDecimal(null)).toBe(NO_VALUE);
	});

	it('writes percentages the Danish way and a dash when nothing closed', () => {
		expect(formatPercent(2 / 3)).toBe('67\u00a0%');
		expect(formatPercent(0)).toBe('0\u00a0%');
		expect(formatPercent(null)).toBe('—');
	});

	it('writes dates as dd.mm.åååå', () => {
		expect(formatDate('2026-12-04')).toBe('04.12.2026');
	});
});
