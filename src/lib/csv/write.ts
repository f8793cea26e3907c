/**
 * CSV that Danish Excel opens correctly on a double click: UTF-8 with a byte-order mark (or Excel
 * guesses Windows-1252 and "æøå" break), semicolons (the list separator in a Danish Windows, where
 * the comma is the decimal mark), CRLF line ends, dates as dd-mm-åååå and numbers with a decimal
 * comma and no thousands separator (Excel reads "1.234" as a date or text, "1234,5" as a number).
 * Pure: no I/O.
 */

export const CSV_BOM = '\uFEFF';
export const CSV_SEPARATOR = ';';
export const CSV_NEWLINE = '\r\n';

export type CsvValue = string | number | null | undefined;

const NEEDS_QUOTES = /[;"\r\n]/;
// Cells Excel would run as a formula ("CSV injection"): text typed by a user must stay text.
const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: numbers with a decimal comma, text quoted when it holds ; " or a line break. */
export function csvCell(value: CsvValue): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'number') return csvNumber(value);
	const text = FORMULA_START.test(value) ? `'${value}` : value;
	return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A number as Danish Excel reads it: decimal comma, no grouping, at most `maxDecimals` decimals. */
export function csvNumber(value: number, maxDecimals = 2): string {
	if (!Number.isFinite(value)) return '';
	const factor = 10 ** maxDecimals;
	const rounded = Math.round(value * factor) / factor;
	// Object.is: -0 after rounding a small negative number would print as "-0".
	return String(Object.is(rounded, -0) ? 0 : rounded).replace('.', ',');
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** YYYY-MM-DD → dd-mm-åååå; '' stays ''. */
export function csvDate(date: string): string {
	const parts = DATE_ONLY.exec(date);
	if (!parts) return date;
	return `${parts[3]}-${parts[2]}-${parts[1]}`;
}

const DAY_FORMATS = new Map<string, Intl.DateTimeFormat>();

/** An instant (epoch ms) as the calendar date dd-mm-åååå in a time zone; null → ''. */
export function csvMomentDate(ms: number | null, timeZone = 'Europe/Copenhagen'): string {
	if (ms === null || !Number.isFinite(ms)) return '';
	let format = DAY_FORMATS.get(timeZone);
	if (!format) {
		format = new Intl.DateTimeFormat('en-CA', {
			timeZone,
			year: 'numeric',
			month: '2-digit',
			day: '2-digit'
		});
		DAY_FORMATS.set(timeZone, format);
	}
	return csvDate(format.format(new Date(ms)));
}

/** The whole file: BOM, then each row's cells joined by ';', every line ended by CRLF. */
export function writeCsv(rows: readonly (readonly CsvValue[])[]): string {
	return CSV_BOM + rows.map((row) => row.map(csvCell).join(CSV_SEPARATOR) + CSV_NEWLINE).join('');
}

/**
 * A Content-Disposition value for a download: the Danish name in UTF-8 (RFC 6266 / 5987) and an
 * ASCII fallback for old clients ("æøå" become "aeoa").
 */
export function attachmentDisposition(filename: string): string {
	const ascii = filename
		.replaceAll('æ', 'ae')
		.replaceAll('ø', 'oe')
		.replaceAll('å', 'aa')
		.replaceAll('Æ', 'Ae')
		.replaceAll('Ø', 'Oe')
		.replaceAll('Å', 'Aa')
		.normalize('NFKD')
		.replace(/[^\x20-\x7e]/g, '')
		.replace(/["\\]/g, '_');
	return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
