import { describe, expect, it } from 'vitest';
import { decodeCsvBytes, detectDelimiter, parseCsv } from './parse';

const cellsOf = (text: string) => parseCsv(text).records.map((r) => r.cells);

describe('parseCsv', () => {
	it('reads a semicolon file with a header, CRLF line ends and an empty trailing line', () => {
		const table = parseCsv('Virksomhed;Stilling;Frist\r\nDemoby VVS;Lærling;31-12-2026\r\n\r\n');
		expect(table.delimiter).toBe(';');
		expect(table.header).toEqual(['Virksomhed', 'Stilling', 'Frist']);
		expect(table.records).toEqual([
			{ row: 2, line: 2, cells: ['Demoby VVS', 'Lærling', '31-12-2026'] }
		]);
		expect(table.unclosedQuoteLine).toBeNull();
	});

	it('detects commas and tabs, and prefers semicolons on a tie', () => {
		expect(parseCsv('a,b,c\n1,2,3').delimiter).toBe(',');
		expect(parseCsv('a\tb\tc\n1\t2\t3').records[0]!.cells).toEqual(['1', '2', '3']);
		expect(detectDelimiter('a;b,c')).toBe(';');
		expect(detectDelimiter('only-one-column')).toBe(';');
		// Delimiters inside quotes in the header do not count.
		expect(detectDelimiter('"a;b;c",d,e\n')).toBe(',');
	});

	it('keeps delimiters, doubled quotes and line breaks inside quotes', () => {
		const table = parseCsv(
			'Stilling;Krav\n"Kok; køkken";"Sig ""hej""\npå dansk"\nTjener;"linje 1\r\nlinje 2"\n'
		);
		expect(table.records).toEqual([
			{ row: 2, line: 2, cells: ['Kok; køkken', 'Sig "hej"\npå dansk'] },
			{ row: 3, line: 4, cells: ['Tjener', 'linje 1\r\nlinje 2'] }
		]);
	});

	it('strips a UTF-8 byte-order mark so the first header matches', () => {
		expect(parseCsv('\uFEFFVirksomhed;Stilling\nA;B').header).toEqual(['Virksomhed', 'Stilling']);
	});

	it('gives no header and no records for an empty or blank file', () => {
		for (const text of ['', '\uFEFF', '\r\n\n', ' ;  ; \n'])
			expect(parseCsv(text)).toMatchObject({ header: [], records: [] });
	});

	it('gives a header and no records for a header-only file', () => {
		expect(parseCsv('Virksomhed;Stilling;Frist')).toMatchObject({
			header: ['Virksomhed', 'Stilling', 'Frist'],
			records: []
		});
	});

	it('skips blank rows in the middle but keeps counting them, like a spreadsheet', () => {
		const table = parseCsv('a;b\n1;2\n;\n\n3;4\n');
		expect(table.records.map((r) => [r.row, r.cells])).toEqual([
			[2, ['1', '2']],
			[5, ['3', '4']]
		]);
	});

	it('keeps short and long rows as they are, and a last line without a line break', () => {
		expect(cellsOf('a;b;c\n1\n1;2;3;4')).toEqual([['1'], ['1', '2', '3', '4']]);
	});

	it('treats a quote inside an unquoted cell literally and reports a quote never closed', () => {
		expect(cellsOf('a;b\n5" skærm;x')).toEqual([['5" skærm', 'x']]);
		const table = parseCsv('a;b\n1;2\n"open;3\n4;5');
		expect(table.unclosedQuoteLine).toBe(3);
		expect(table.records.at(-1)!.cells).toEqual(['open;3\n4;5']);
	});

	it('reads lone CR line ends (old Mac exports)', () => {
		expect(cellsOf('a;b\r1;2\r3;4')).toEqual([
			['1', '2'],
			['3', '4']
		]);
	});
});

describe('decodeCsvBytes', () => {
	it('reads UTF-8 with and without a byte-order mark', () => {
		const text = 'Virksomhed;Stilling\nÆbleø Bageri;Bager';
		const utf8 = new TextEncoder().encode(text);
		expect(decodeCsvBytes(utf8)).toBe(text);
		expect(decodeCsvBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]))).toBe(text);
	});

	it('falls back to Windows-1252 when the bytes are not UTF-8 (Danish Excel "CSV")', () => {
		// "Ærø;Løn" in Windows-1252.
		const bytes = new Uint8Array([0xc6, 0x72, 0xf8, 0x3b, 0x4c, 0xf8, 0x6e]);
		expect(decodeCsvBytes(bytes)).toBe('Ærø;Løn');
	});
});
