/**
 * Numbers and times the Danish way (DESIGN.md: `27.11.2026`, 24-hour time, `1.234,5`), in the
 * job centre's own time zone whatever the server's or the browser's is. Pure: time comes in.
 */

export const TIME_ZONE = 'Europe/Copenhagen';

/** `37,5` in Danish, `37.5` in English. */
export function formatNumber(value: number, locale: string): string {
	return new Intl.NumberFormat(locale === 'da' ? 'da-DK' : 'en-GB', {
		maximumFractionDigits: 2
	}).format(value);
}

/** A number as a person types it back into a Danish form field: no grouping, decimal comma. */
export function numberForInput(value: number | null, locale: string): string {
	if (value === null) return '';
	const text = String(value);
	return locale === 'da' ? text.replace('.', ',') : text;
}

/** `27.11.2026 09:05` in Copenhagen time, in both languages (one format for the log). */
export function formatDateTime(ms: number, timeZone = TIME_ZONE): string {
	const parts = new Intl.DateTimeFormat('en-GB', {
		timeZone,
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		hourCycle: 'h23'
	}).formatToParts(new Date(ms));
	const part = (type: Intl.DateTimeFormatPartTypes) =>
		parts.find((p) => p.type === type)?.value ?? '';
	return `${part('day')}.${part('month')}.${part('year')} ${part('hour')}:${part('minute')}`;
}
