import { describe, expect, it } from 'vitest';
import { parseCvr, parseDanishDate, parseDanishNumber, splitTags } from './danish-input';

describe('parseDanishDate', () => {
	it.each([
		['31-12-2026', '2026-12-31'],
		['31.12.2026', '2026-12-31'],
		['31/12/2026', '2026-12-31'],
		['1-2-2027', '2027-02-01'],
		['31-12-26', '2026-12-31'],
		['2026-12-31', '2026-12-31'],
		['31. december 2026', '2026-12-31'],
		['31. December 2026', '2026-12-31'],
		['1. feb. 2027', '2027-02-01'],
		['5 maj 2027', '2027-05-05'],
		['29.02.2028', '2028-02-29'],
		['31-12-2026 00:00', '2026-12-31'],
		['2026-12-31T00:00:00', '2026-12-31'],
		['  15.01.2027 ', '2027-01-15']
	])('reads %j as %s', (text, iso) => {
		expect(parseDanishDate(text)).toBe(iso);
	});

	it.each([
		'31-02-2026',
		'29.02.2027',
		'12/31/2026',
		'2026-13-01',
		'31. decembre 2026',
		'i morgen',
		'31122026',
		'31-12-2026-1',
		''
	])('refuses %j', (text) => {
		expect(parseDanishDate(text)).toBeUndefined();
	});
});

describe('parseDanishNumber', () => {
	it.each([
		['37', 37],
		['37,5', 37.5],
		['37.5', 37.5],
		['1.000', 1000],
		['1.234,5', 1234.5],
		['15 timer', 15],
		['15 t.', 15],
		[' 20 ', 20],
		['0', 0]
	])('reads %j as %d', (text, value) => {
		expect(parseDanishNumber(text)).toBe(value);
	});

	it.each(['', 'mange', '37,5,1', '1.00.0', '12a', 'ca. 20'])('refuses %j', (text) => {
		expect(parseDanishNumber(text)).toBeUndefined();
	});
});

describe('parseCvr', () => {
	it.each([
		['11223344', '11223344'],
		['1122 3344', '11223344'],
		['DK11223344', '11223344'],
		['dk 1122-3344', '11223344']
	])('reads %j as %s', (text, cvr) => {
		expect(parseCvr(text)).toBe(cvr);
	});

	it('gives null for nothing written and refuses anything but eight digits', () => {
		expect(parseCvr('  ')).toBeNull();
		for (const bad of ['1234567', '123456789', '1234567a', 'DK'])
			expect(parseCvr(bad), bad).toBeUndefined();
	});
});

describe('splitTags', () => {
	it('splits at commas, semicolons, pipes and line breaks, dropping empties and repeats', () => {
		expect(splitTags('Lager, lager;Truck\n\n Kantine ')).toEqual(['Lager', 'Truck', 'Kantine']);
		expect(splitTags('Bageri | Rengøring\r\nRENGØRING')).toEqual(['Bageri', 'Rengøring']);
	});

	it('collapses white space inside a tag and gives nothing for blank text', () => {
		expect(splitTags('Service  og\tkantine')).toEqual(['Service og kantine']);
		expect(splitTags(' , ;\n')).toEqual([]);
	});
});
