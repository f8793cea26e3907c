import { isValidDueDate } from '../board/schema';

/**
 * Dates, numbers, CVR numbers and tags as people in a Danish job centre write them, read the same
 * way wherever they are typed or imported: the opening form (opening-form.ts) and the CSV import
 * (csv-import.ts) share this module, so a value the import accepts is one the form accepts too.
 * Pure: no I/O, no clock. Each reader returns undefined for text it cannot read; the caller
 * decides what an empty value means and which range is allowed.
 */

const MONTHS: Record<string, number> = {
	januar: 1,
	jan: 1,
	februar: 2,
	feb: 2,
	marts: 3,
	mar: 3,
	april: 4,
	apr: 4,
	maj: 5,
	juni: 6,
	jun: 6,
	juli: 7,
	jul: 7,
	august: 8,
	aug: 8,
	september: 9,
	sep: 9,
	sept: 9,
	oktober: 10,
	okt: 10,
	november: 11,
	nov: 11,
	december: 12,
	dec: 12
};

function isoDate(year: number, month: number, day: number): string | undefined {
	if (year < 1900 || year > 2999) return undefined;
	const iso = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
	return isValidDueDate(iso) ? iso : undefined;
}

/** Two-digit years are this century: spreadsheets write 31-12-26 for 2026. */
function fullYear(text: string): number {
	const year = Number(text);
	return text.length === 2 ? 2000 + year : year;
}

/**
 * A date as YYYY-MM-DD from 31-12-2026, 31.12.2026, 31/12/2026, 31-12-26, 2026-12-31 or
 * "31. december 2026" (also "31. dec. 2026"); a time after it (Excel's "00:00") is ignored.
 * Undefined when it is none of these or not a real day.
 */
export function parseDanishDate(input: string): string | undefined {
	const text = input
		.trim()
		.replace(/[T\s]+\d{1,2}[:.]\d{2}([:.]\d{2})?$/, '')
		.trim();
	let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
	if (match) return isoDate(Number(match[1]), Number(match[2]), Number(match[3]));
	match = /^(\d{1,2})([-./])(\d{1,2})\2(\d{4}|\d{2})$/.exec(text);
	if (match) return isoDate(fullYear(match[4]!), Number(match[3]), Number(match[1]));
	match = /^(\d{1,2})\.?\s*([a-zæøå]+)\.?\s+(\d{4})$/i.exec(text);
	if (match) {
		const month = MONTHS[match[2]!.toLocaleLowerCase('da-DK')];
		return month ? isoDate(Number(match[3]), month, Number(match[1])) : undefined;
	}
	return undefined;
}

/**
 * A number written the Danish way ("37,5", "1.000", "1.234,5") or plainly ("37.5", "20"), with an
 * optional unit after it ("37 timer", "15 t."). A dot followed by exactly three digits is a
 * thousands separator; any other dot is a decimal point. Undefined when it is not a number.
 */
export function parseDanishNumber(input: string): number | undefined {
	const text = input
		.trim()
		.replace(/\s*(timer|time|t\.?|h|stk\.?)$/i, '')
		.replace(/[\s\u00a0]/g, '');
	let normalised: string;
	if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(text))
		normalised = text.replaceAll('.', '').replace(',', '.');
	else if (/^-?\d+(,\d+)?$/.test(text)) normalised = text.replace(',', '.');
	else if (/^-?\d+\.\d+$/.test(text)) normalised = text;
	else return undefined;
	const value = Number(normalised);
	return Number.isFinite(value) ? value : undefined;
}

/**
 * A CVR number as its eight digits, written with spaces, dashes or a "DK" prefix
 * ("DK 1122 3344"); null when nothing is written, undefined when it is not eight digits.
 */
export function parseCvr(input: string): string | null | undefined {
	const written = input.replace(/[\s-]/g, '');
	if (written === '') return null;
	// "DK" on its own is something written, not a CVR number, so it is refused rather than dropped.
	const digits = written.replace(/^dk/i, '');
	return /^\d{8}$/.test(digits) ? digits : undefined;
}

/** Collapses runs of white space (a quoted line break in a name) into one space. */
export function oneLine(text: string): string {
	return text.replace(/\s+/g, ' ').trim();
}

/**
 * Tags from "Lager, Truck", "Lager; Truck", "Lager | Truck" or one per line: white space
 * collapsed, empties dropped, and repeats (ignoring case) dropped as the board model does.
 */
export function splitTags(text: string): string[] {
	const seen = new Set<string>();
	const tags: string[] = [];
	for (const part of text.split(/[,;|\r\n]/)) {
		const tag = oneLine(part);
		const folded = tag.toLocaleLowerCase('da-DK');
		if (tag === '' || seen.has(folded)) continue;
		seen.add(folded);
		tags.push(tag);
	}
	return tags;
}
