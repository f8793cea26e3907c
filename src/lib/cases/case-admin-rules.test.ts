import { describe, expect, it } from 'vitest';
import { goalCodeFromName, splitChoices } from './case-admin-rules';

describe('goalCodeFromName', () => {
	it('derives a stable code, spelling out Danish letters', () => {
		expect(goalCodeFromName('Virksomhedspraktik')).toBe('virksomhedspraktik');
		expect(goalCodeFromName('Job & uddannelse')).toBe('job-uddannelse');
		expect(goalCodeFromName('Førtidspension på sigt')).toBe('foertidspension-paa-sigt');
		expect(goalCodeFromName('Ærø')).toBe('aeroe');
		expect(goalCodeFromName('!!')).toBe('goal');
	});
});

describe('splitChoices', () => {
	it('takes one answer per line, trimmed, without repeats or empties', () => {
		expect(splitChoices(' Spor A \n\nSpor B, med mentor\r\nSpor A')).toEqual([
			'Spor A',
			'Spor B, med mentor'
		]);
	});
});
