import { describe, expect, it } from 'vitest';
import {
	copenhagenDate,
	fileSlug,
	meetingDay,
	minutesTotals,
	minutesFileName,
	overMs,
	spanParts,
	timeOfDay,
	timeRange,
	weekday
} from './minutes-format';

describe('times of day', () => {
	it('are Copenhagen time in 24 hours, in winter and in summer time', () => {
		// 08:05 UTC in November is 09:05 in Copenhagen (CET); 22:30 UTC in July is 00:30 (CEST).
		expect(timeOfDay(Date.UTC(2026, 10, 27, 8, 5))).toBe('09:05');
		expect(timeOfDay(Date.UTC(2026, 6, 1, 22, 30))).toBe('00:30');
		// A decision's time on the board uses the same helper.
		expect(timeOfDay(Date.UTC(2026, 0, 15, 8, 5))).toBe('09:05');
		expect(timeOfDay(Date.UTC(2026, 6, 15, 13, 45))).toBe('15:45');
		expect(timeRange(Date.UTC(2026, 10, 27, 8, 0), Date.UTC(2026, 10, 27, 8, 14, 59))).toBe(
			'09:00–09:14'
		);
	});

	it('give the Copenhagen calendar date, which can differ from the UTC one', () => {
		expect(copenhagenDate(Date.UTC(2026, 6, 1, 22, 30))).toBe('2026-07-02');
		expect(copenhagenDate(Date.UTC(2026, 10, 27, 22, 59))).toBe('2026-11-27');
		expect(copenhagenDate(Date.UTC(2026, 10, 27, 23, 0))).toBe('2026-11-28');
	});
});

describe('meeting days', () => {
	it('name the weekday in the reader’s language, with the Danish date', () => {
		expect(weekday('2026-11-27', 'da')).toBe('fredag');
		expect(weekday('2026-11-27', 'da', 'short')).toBe('fre.');
		expect(weekday('2026-11-27', 'en')).toBe('Friday');
		expect(meetingDay('2026-11-30', 'da')).toBe('mandag 30.11.2026');
		expect(meetingDay('2026-11-30', 'da', 'short')).toBe('man. 30.11.2026');
	});

	it('leave a malformed date empty instead of guessing', () => {
		expect(weekday('27.11.2026', 'da')).toBe('');
		expect(meetingDay('', 'da')).toBe('');
	});
});

describe('spans', () => {
	it('split into whole hours, minutes and seconds, rounded down, never negative', () => {
		expect(spanParts(3_725_999)).toEqual({ hours: 1, minutes: 2, seconds: 5 });
		expect(spanParts(59_999)).toEqual({ hours: 0, minutes: 0, seconds: 59 });
		expect(spanParts(-5)).toEqual({ hours: 0, minutes: 0, seconds: 0 });
	});

	it('count only the time over an item’s plan', () => {
		expect(overMs({ minutes: 3, spentMs: 220_000 })).toBe(40_000);
		expect(overMs({ minutes: 3, spentMs: 180_000 })).toBe(0);
		expect(overMs({ minutes: 3, spentMs: 1_000 })).toBe(0);
	});
});

describe('file names', () => {
	it('spell Danish letters out and join words with dashes', () => {
		expect(fileSlug('Jobåbninger Øst')).toBe('jobaabninger-oest');
		expect(fileSlug('  Team "Syd" / Æblehaven  ')).toBe('team-syd-aeblehaven');
		expect(fileSlug('Café Élan')).toBe('cafe-elan');
	});

	it('fall back to a word when nothing is left, and stay short', () => {
		expect(fileSlug('!!!')).toBe('tavle');
		expect(fileSlug('a '.repeat(80)).length).toBeLessThanOrEqual(60);
		expect(fileSlug('a '.repeat(80))).not.toMatch(/-$/);
	});

	it('name the minutes after the board and the meeting’s date', () => {
		expect(minutesFileName('Jobåbninger', '2026-11-27')).toBe(
			'referat-jobaabninger-2026-11-27.txt'
		);
	});
});

describe('the minutes totals', () => {
	it('split who was present from who was marked absent and add planned and used time', () => {
		expect(
			minutesTotals({
				attendees: [
					{ name: 'Lone Leder', present: true },
					{ name: 'Anna Andersen', present: false },
					{ name: 'Bo Bertelsen', present: true }
				],
				items: [
					{ kind: 'deadlines', title: '', minutes: 3, spentMs: 200_000 },
					{ kind: 'forecast', title: '', minutes: 2, spentMs: 30_000 }
				]
			})
		).toEqual({
			present: ['Lone Leder', 'Bo Bertelsen'],
			absent: ['Anna Andersen'],
			plannedMs: 300_000,
			usedMs: 230_000
		});
	});
});
