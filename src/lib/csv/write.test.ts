import { describe, expect, it } from 'vitest';
import {
	attachmentDisposition,
	csvCell,
	csvDate,
	csvMomentDate,
	csvNumber,
	writeCsv
} from './write';

describe('writeCsv', () => {
	it('starts with a byte-order mark, separates with semicolons and ends every line with CRLF', () => {
		const csv = writeCsv([
			['Stilling', 'Antal'],
			['Lagermedarbejder', 2]
		]);
		expect(csv.charCodeAt(0)).toBe(0xfeff);
		expect(csv.slice(1)).toBe('Stilling;Antal\r\nLagermedarbejder;2\r\n');
		expect(new TextEncoder().encode(csv).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
	});

	it('keeps Danish letters as UTF-8', () => {
		const bytes = new TextEncoder().encode(writeCsv([['Kører på Ærø']]));
		expect(new TextDecoder().decode(bytes.slice(3))).toBe('Kører på Ærø\r\n');
	});

	it('writes empty cells for null and undefined, keeping the columns', () => {
		expect(writeCsv([['a', null, undefined, '']]).slice(1)).toBe('a;;;\r\n');
	});
});

describe('csvCell', () => {
	it('quotes text with a semicolon, a quote or a line break, doubling quotes', () => {
		expect(csvCell('Pluk; pak')).toBe('"Pluk; pak"');
		expect(csvCell('Søger "stabil" medarbejder')).toBe('"Søger ""stabil"" medarbejder"');
		expect(csvCell('linje 1\nlinje 2')).toBe('"linje 1\nlinje 2"');
		expect(csvCell('linje 1\r\nlinje 2')).toBe('"linje 1\r\nlinje 2"');
		expect(csvCell('Almindelig tekst, med komma')).toBe('Almindelig tekst, med komma');
	});

	it('keeps text that Excel would run as a formula as text', () => {
		expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
		expect(csvCell('+45 1234')).toBe("'+45 1234");
		expect(csvCell('-fejl')).toBe("'-fejl");
		expect(csvCell('@navn')).toBe("'@navn");
		expect(csvCell(-2), 'a number is not text').toBe('-2');
	});
});

describe('csvNumber', () => {
	it('writes a decimal comma, no thousands separator, at most two decimals by default', () => {
		expect(csvNumber(1234.5)).toBe('1234,5');
		expect(csvNumber(37)).toBe('37');
		expect(csvNumber(0.456789)).toBe('0,46');
		expect(csvNumber(2 / 3, 1)).toBe('0,7');
		expect(csvNumber(-0.001)).toBe('0');
		expect(csvNumber(-1.25, 1)).toBe('-1,2');
		expect(csvNumber(Number.NaN)).toBe('');
	});
});

describe('dates', () => {
	it('writes calendar dates as dd-mm-åååå', () => {
		expect(csvDate('2026-12-04')).toBe('04-12-2026');
		expect(csvDate('')).toBe('');
	});

	it('writes an instant as its date in Copenhagen, also around midnight and summer time', () => {
		expect(csvMomentDate(Date.UTC(2026, 10, 27, 22, 59))).toBe('27-11-2026');
		expect(csvMomentDate(Date.UTC(2026, 10, 27, 23, 0)), 'midnight in winter (UTC+1)').toBe(
			'28-11-2026'
		);
		expect(csvMomentDate(Date.UTC(2026, 6, 1, 22, 0)), 'midnight in summer (UTC+2)').toBe(
			'02-07-2026'
		);
		expect(csvMomentDate(null)).toBe('');
	});
});

describe('attachmentDisposition', () => {
	it('names the file in UTF-8 with an ASCII fallback', () => {
		expect(attachmentDisposition('jobåbninger-2026-11-27.csv')).toBe(
			'attachment; filename="jobaabninger-2026-11-27.csv"; filename*=UTF-8\'\'job%C3%A5bninger-2026-11-27.csv'
		);
	});
});
