/**
 * Danish number and date formatting for the overview (DESIGN.md: `1.234,5`, `27.11.2026`).
 * Always da-DK: the figures are the job centre's, whichever language the page is read in.
 */

const COUNT = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 0 });
const DECIMAL = new Intl.NumberFormat('da-DK', {
	minimumFractionDigits: 0,
	maximumFractionDigits: 1
});
const PERCENT = new Intl.NumberFormat('da-DK', { style: 'percent', maximumFractionDigits: 0 });

/** Shown where a figure has no value (nothing closed, nothing filled). */
export const NO_VALUE = '—';

export function formatCount(value: number): string {
	return COUNT.format(value);
}

export function formatDecimal(value: number | null): string {
	return value === null ? NO_VALUE : DECIMAL.format(value);
}

/** 0..1 → "67 %"; null → "—". */
export function formatPercent(value: number | null): string {
	return value === null ? NO_VALUE : PERCENT.format(value);
}

/** YYYY-MM-DD → "27.11.2026". */
export function formatDate(date: string): string {
	const parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
	return parts ? `${parts[3]}.${parts[2]}.${parts[1]}` : date;
}
