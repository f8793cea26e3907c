import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayNumber } from '../openings/deadline';
import {
	addDays,
	civilFromDays,
	copenhagenDate,
	copenhagenDay,
	formatDay,
	isoWeekOf,
	mondayOf,
	parseDay,
	weekdayOf,
	weekLabel
} from './week';

const day = (date: string) => parseDay(date)!;

describe('parseDay / formatDay', () => {
	it('agrees with the openings deadline parser on every date, valid or not', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 1900, max: 2200 }),
				fc.integer({ min: 0, max: 13 }),
				fc.integer({ min: 0, max: 32 }),
				(y, m, d) => {
					const s = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
					expect(parseDay(s)).toBe(dayNumber(s));
				}
			)
		);
	});

	it('refuses what is not a real calendar date', () => {
		for (const bad of [
			'2026-02-29',
			'2100-02-29',
			'2026-13-01',
			'2026-1-01',
			'26-01-01',
			'abcd-ef-gh',
			''
		])
			expect(parseDay(bad), bad).toBeNull();
		expect(parseDay('2024-02-29')).toBe(19_782);
		expect(parseDay('1970-01-01')).toBe(0);
	});

	it('round-trips and matches Date for any day number', () => {
		fc.assert(
			fc.property(fc.integer({ min: -200_000, max: 200_000 }), (n) => {
				const iso = new Date(n * 86_400_000).toISOString().slice(0, 10);
				if (n >= -719_162) expect(formatDay(n)).toBe(iso); // years ≥ 0001 print as 4 digits
				expect(parseDay(formatDay(n))).toBe(n);
				const { year, month, day: d } = civilFromDays(n);
				expect(Date.UTC(year, month - 1, d) / 86_400_000).toBe(n);
			})
		);
	});

	it('adds days across month and year ends', () => {
		expect(addDays('2026-12-28', 7)).toBe('2027-01-04');
		expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
	});
});

describe('ISO weeks', () => {
	it('knows the weeks around the new year 2026/2027 (2026 has a week 53)', () => {
		expect(isoWeekOf(day('2026-11-27'))).toEqual({ year: 2026, week: 48 });
		expect(isoWeekOf(day('2026-12-28'))).toEqual({ year: 2026, week: 53 });
		expect(isoWeekOf(day('2027-01-03'))).toEqual({ year: 2026, week: 53 });
		expect(isoWeekOf(day('2027-01-04'))).toEqual({ year: 2027, week: 1 });
		expect(isoWeekOf(day('2025-12-29'))).toEqual({ year: 2026, week: 1 });
		expect(isoWeekOf(day('2024-12-30'))).toEqual({ year: 2025, week: 1 });
		expect(isoWeekOf(day('2021-01-03'))).toEqual({ year: 2020, week: 53 });
	});

	it('labels weeks in Danish by default', () => {
		expect(weekLabel(day('2026-11-27'))).toBe('uge 48');
		expect(weekLabel(day('2027-01-01'), 'week')).toBe('week 53');
	});

	it('starts weeks on Monday', () => {
		expect(weekdayOf(day('2026-11-23'))).toBe(0);
		expect(weekdayOf(day('2026-11-29'))).toBe(6);
		expect(formatDay(mondayOf(day('2026-11-29')))).toBe('2026-11-23');
		expect(formatDay(mondayOf(day('2027-01-01')))).toBe('2026-12-28');
	});

	it('a week later is the next ISO week, wrapping to week 1 of the next ISO year', () => {
		fc.assert(
			fc.property(fc.integer({ min: -30_000, max: 60_000 }), (n) => {
				const w = isoWeekOf(n);
				const next = isoWeekOf(n + 7);
				expect(isoWeekOf(mondayOf(n))).toEqual(w);
				expect(isoWeekOf(mondayOf(n) + 6)).toEqual(w);
				if (next.year === w.year) expect(next.week).toBe(w.week + 1);
				else expect([next.year, next.week, w.week >= 52]).toEqual([w.year + 1, 1, true]);
			})
		);
	});
});

describe('copenhagenDay', () => {
	const intl = new Intl.DateTimeFormat('en-CA', {
		timeZone: 'Europe/Copenhagen',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit'
	});

	it('agrees with the time-zone database for any instant 1996-2100', () => {
		fc.assert(
			fc.property(fc.integer({ min: Date.UTC(1996, 0, 1), max: Date.UTC(2100, 0, 1) }), (ms) => {
				expect(copenhagenDate(ms)).toBe(intl.format(ms));
			}),
			{ numRuns: 2000 }
		);
	});

	it('agrees around every New Year 1996-2100, where the year is estimated', () => {
		for (let year = 1996; year <= 2100; year++)
			for (let minutes = -180; minutes <= 180; minutes += 30) {
				const ms = Date.UTC(year, 0, 1) + minutes * 60_000;
				expect(copenhagenDate(ms)).toBe(intl.format(ms));
			}
	});

	it('turns the day at local midnight, in winter and in summer time', () => {
		expect(copenhagenDate(Date.UTC(2026, 10, 26, 22, 59))).toBe('2026-11-26');
		expect(copenhagenDate(Date.UTC(2026, 10, 26, 23, 0))).toBe('2026-11-27');
		expect(copenhagenDate(Date.UTC(2026, 6, 1, 21, 59))).toBe('2026-07-01');
		expect(copenhagenDate(Date.UTC(2026, 6, 1, 22, 0))).toBe('2026-07-02');
		// New Year's Eve at 23:30 UTC is already 2027 in Copenhagen.
		expect(copenhagenDay(Date.UTC(2026, 11, 31, 23, 30))).toBe(day('2027-01-01'));
	});

	it('is on summer time from the last Sunday of March to the last Sunday of October', () => {
		// The switch (01:00 UTC) is far from midnight; 22:30 UTC shows which offset applies.
		expect(copenhagenDate(Date.UTC(2026, 2, 28, 22, 30))).toBe('2026-03-28');
		expect(copenhagenDate(Date.UTC(2026, 2, 29, 22, 30))).toBe('2026-03-30');
		expect(copenhagenDate(Date.UTC(2026, 9, 24, 22, 30))).toBe('2026-10-25');
		expect(copenhagenDate(Date.UTC(2026, 9, 25, 22, 30))).toBe('2026-10-25');
	});
});
