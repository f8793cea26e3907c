/**
 * Recognises text that looks like a Danish CPR number, so free-text fields about citizens and
 * companies can refuse it. Citizens in Tavlen are pseudonymous; a CPR number typed into a note
 * would make the row personal data of the most sensitive kind.
 *
 * What counts (decided, pinned by cpr.test.ts):
 * - six digits that form a real calendar date ddmmyy (29 February always allowed, since the
 *   century is unknown), then optionally one '-' or one space, then four digits:
 *   '010190-1234', '010190 1234', '0101901234';
 * - not part of a longer run of digits, so an 11-digit number is not a CPR number.
 *
 * What does not count: '01 01 90 1234' (spaces inside the date; too easily an ordinary list of
 * numbers), phone numbers and CVR numbers (8 digits), dates like '01.01.1990'. The modulus-11
 * check is deliberately not applied: CPR numbers issued since 2007 need not satisfy it.
 */

const CANDIDATE = /(?<!\d)(\d{2})(\d{2})(\d{2})[- ]?\d{4}(?!\d)/g;

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isPlausibleDate(day: number, month: number): boolean {
	if (month < 1 || month > 12) return false;
	return day >= 1 && day <= (DAYS_IN_MONTH[month - 1] ?? 0);
}

export function looksLikeCpr(text: string): boolean {
	for (const match of text.matchAll(CANDIDATE)) {
		if (isPlausibleDate(Number(match[1]), Number(match[2]))) return true;
	}
	return false;
}
