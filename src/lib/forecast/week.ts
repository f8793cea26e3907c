/**
 * Calendar days and ISO weeks (Monday first) in Europe/Copenhagen, as plain integer arithmetic.
 * A calendar day is a day number: days since 1970-01-01. The forecast maths run over 50,000 cases
 * several times per update, so dates are parsed without Date objects or Intl.
 */

export const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const AVERAGE_YEAR_MS = 365.2425 * DAY_MS;

/** Day number of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
	const y = month <= 2 ? year - 1 : year;
	const era = Math.floor(y / 400);
	const yoe = y - era * 400;
	const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
	const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
	return era * 146_097 + doe - 719_468;
}

/** Year, month (1-12) and day of a day number (H. Hinnant's civil_from_days). */
export function civilFromDays(dayNumber: number): { year: number; month: number; day: number } {
	const z = dayNumber + 719_468;
	const era = Math.floor(z / 146_097);
	const doe = z - era * 146_097;
	const yoe = Math.floor(
		(doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365
	);
	const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
	const mp = Math.floor((5 * doy + 2) / 153);
	const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
	const month = mp < 10 ? mp + 3 : mp - 9;
	return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

function daysInMonth(year: number, month: number): number {
	if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
	return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function digits(s: string, from: number, to: number): number {
	let n = 0;
	for (let i = from; i < to; i++) {
		const c = s.charCodeAt(i) - 48;
		if (c < 0 || c > 9) return -1;
		n = n * 10 + c;
	}
	return n;
}

/** Day number of a YYYY-MM-DD date, or null when it is not a real calendar date. */
export function parseDay(date: string): number | null {
	if (date.length !== 10 || date[4] !== '-' || date[7] !== '-') return null;
	const year = digits(date, 0, 4);
	const month = digits(date, 5, 7);
	const day = digits(date, 8, 10);
	if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
	return daysFromCivil(year, month, day);
}

/**
 * Like parseDay, but a malformed date is a programming error: the schemas refuse them earlier.
 * `caseId` joins the message only on failure: no string is built per call.
 */
export function requireDay(date: string, what: string, caseId?: string): number {
	const day = parseDay(date);
	if (day === null) {
		const of = caseId === undefined ? '' : ` of case ${caseId}`;
		throw new RangeError(`${what}${of} is not a YYYY-MM-DD date: ${JSON.stringify(date)}`);
	}
	return day;
}

/** YYYY-MM-DD of a day number. */
export function formatDay(dayNumber: number): string {
	const { year, month, day } = civilFromDays(dayNumber);
	return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function addDays(date: string, days: number): string {
	return formatDay(requireDay(date, 'date') + days);
}

/** 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday). */
export function weekdayOf(dayNumber: number): number {
	return (((dayNumber + 3) % 7) + 7) % 7;
}

/** The Monday that starts the ISO week of a day. */
export function mondayOf(dayNumber: number): number {
	return dayNumber - weekdayOf(dayNumber);
}

export interface IsoWeek {
	/** The ISO week-numbering year: 2027-01-01 is in week 53 of 2026. */
	year: number;
	week: number;
}

/** ISO 8601 week: Monday first; week 1 is the week holding the year's first Thursday. */
export function isoWeekOf(dayNumber: number): IsoWeek {
	const thursday = mondayOf(dayNumber) + 3;
	const { year } = civilFromDays(thursday);
	const week = Math.floor((thursday - daysFromCivil(year, 1, 1)) / 7) + 1;
	return { year, week };
}

/** "uge 48"; pass the English word from the message catalogue for "week 48". */
export function weekLabel(dayNumber: number, word = 'uge'): string {
	return `${word} ${isoWeekOf(dayNumber).week}`;
}

/** Day number of the last Sunday of a month. */
function lastSunday(year: number, month: number): number {
	const last = daysFromCivil(year, month, daysInMonth(year, month));
	return last - ((weekdayOf(last) + 1) % 7);
}

/** Summer-time bounds (epoch ms) per year 1970-2169, filled on first use: a memo, same answers. */
const SUMMER_CACHE_FROM = 1970;
const SUMMER_CACHE = new Float64Array(2 * 200);

/**
 * The Copenhagen calendar day of an instant. Denmark follows the EU rule (since 1996): summer
 * time, UTC+2, from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of
 * October; UTC+1 otherwise.
 */
export function copenhagenDay(epochMs: number): number {
	// The average Gregorian year may put an instant near New Year in the neighbouring year; both
	// years are on winter time there, so the offset comes out the same.
	const year = 1970 + Math.floor(epochMs / AVERAGE_YEAR_MS);
	const slot = 2 * (year - SUMMER_CACHE_FROM);
	let summerFrom: number;
	let summerTo: number;
	if (slot >= 0 && slot < SUMMER_CACHE.length && SUMMER_CACHE[slot] !== 0) {
		summerFrom = SUMMER_CACHE[slot]!;
		summerTo = SUMMER_CACHE[slot + 1]!;
	} else {
		summerFrom = lastSunday(year, 3) * DAY_MS + HOUR_MS;
		summerTo = lastSunday(year, 10) * DAY_MS + HOUR_MS;
		if (slot >= 0 && slot < SUMMER_CACHE.length) {
			SUMMER_CACHE[slot] = summerFrom;
			SUMMER_CACHE[slot + 1] = summerTo;
		}
	}
	const offset = epochMs >= summerFrom && epochMs < summerTo ? 2 * HOUR_MS : HOUR_MS;
	return Math.floor((epochMs + offset) / DAY_MS);
}

/** YYYY-MM-DD of an instant in Europe/Copenhagen: how callers turn `now` into `today`. */
export function copenhagenDate(epochMs: number): string {
	return formatDay(copenhagenDay(epochMs));
}
