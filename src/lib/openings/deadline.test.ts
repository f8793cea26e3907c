import { describe, expect, it } from 'vitest';
import { dayNumber, deadlineState, isOverdueUnfilled } from './deadline';
import { OPENING_STAGES } from './types';

describe('dayNumber', () => {
	it('counts calendar days from 1970-01-01', () => {
		expect(dayNumber('1970-01-01')).toBe(0);
		expect(dayNumber('1970-01-02')).toBe(1);
		expect(dayNumber('2026-01-01')).toBe(20454);
	});

	it('refuses strings that are not real dates', () => {
		for (const bad of [
			'',
			'2026-2-1',
			'2026-02-30',
			'2026-13-01',
			'2025-02-29',
			'01.02.2026',
			'2026-02-01T00:00'
		]) {
			expect(dayNumber(bad), bad).toBeNull();
		}
		expect(dayNumber('2024-02-29')).not.toBeNull();
	});
});

describe('deadlineState', () => {
	const today = '2026-03-10';

	it('is overdue from the day after the deadline', () => {
		expect(deadlineState('2026-03-09', today)).toEqual({ state: 'overdue', daysLeft: -1 });
		expect(deadlineState('2026-02-10', today)).toEqual({ state: 'overdue', daysLeft: -28 });
	});

	it('counts a deadline today as soon, not overdue', () => {
		expect(deadlineState('2026-03-10', today)).toEqual({ state: 'soon', daysLeft: 0 });
	});

	it('is soon for 0..3 days left and ok from 4', () => {
		expect(deadlineState('2026-03-11', today)).toEqual({ state: 'soon', daysLeft: 1 });
		expect(deadlineState('2026-03-13', today)).toEqual({ state: 'soon', daysLeft: 3 });
		expect(deadlineState('2026-03-14', today)).toEqual({ state: 'ok', daysLeft: 4 });
	});

	it('counts whole days across the daylight-saving change and month and year ends', () => {
		// Denmark moves to summer time on 2026-03-29: still exactly one day.
		expect(deadlineState('2026-03-30', '2026-03-29').daysLeft).toBe(1);
		expect(deadlineState('2026-10-26', '2026-10-24').daysLeft).toBe(2);
		expect(deadlineState('2026-03-01', '2026-02-28')).toEqual({ state: 'soon', daysLeft: 1 });
		expect(deadlineState('2027-01-02', '2026-12-30')).toEqual({ state: 'soon', daysLeft: 3 });
		expect(deadlineState('2024-03-01', '2024-02-28').daysLeft).toBe(2);
	});

	it('throws on a malformed date instead of guessing', () => {
		expect(() => deadlineState('2026-02-30', today)).toThrow(RangeError);
		expect(() => deadlineState('2026-03-10', '')).toThrow(RangeError);
	});
});

describe('isOverdueUnfilled', () => {
	const today = '2026-03-10';

	it('flags only open openings past their deadline', () => {
		for (const stage of OPENING_STAGES) {
			const closed = stage === 'filled' || stage === 'not-filled';
			expect(isOverdueUnfilled({ deadline: '2026-03-09', stage }, today), stage).toBe(!closed);
		}
	});

	it('does not flag a deadline today or later', () => {
		expect(isOverdueUnfilled({ deadline: '2026-03-10', stage: 'new' }, today)).toBe(false);
		expect(isOverdueUnfilled({ deadline: '2026-04-10', stage: 'interview' }, today)).toBe(false);
	});
});
