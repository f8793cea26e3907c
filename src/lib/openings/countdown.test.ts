import { describe, expect, it } from 'vitest';
import { copenhagenToday, openingStatus } from './countdown';

const open = { outcome: '', closeReason: '' } as const;

describe('copenhagenToday', () => {
	it('is the Danish date, not the UTC one, around midnight (winter and summer time)', () => {
		// 23:30 UTC on 27 Nov is 00:30 on 28 Nov in Copenhagen (UTC+1).
		expect(copenhagenToday(new Date(Date.UTC(2026, 10, 27, 23, 30)))).toBe('2026-11-28');
		expect(copenhagenToday(new Date(Date.UTC(2026, 10, 27, 22, 59)))).toBe('2026-11-27');
		// Summer time (UTC+2): 22:30 UTC on 30 June is already 1 July.
		expect(copenhagenToday(new Date(Date.UTC(2026, 5, 30, 22, 30)))).toBe('2026-07-01');
	});
});

describe('openingStatus', () => {
	const today = '2026-11-27';
	it('counts down an open opening: more than 3 days ok, 0-3 soon, past overdue', () => {
		expect(openingStatus({ ...open, deadline: '2026-12-02' }, today)).toEqual({
			kind: 'open',
			state: 'ok',
			daysLeft: 5
		});
		expect(openingStatus({ ...open, deadline: '2026-11-30' }, today)).toMatchObject({
			state: 'soon',
			daysLeft: 3
		});
		expect(openingStatus({ ...open, deadline: today }, today)).toMatchObject({
			state: 'soon',
			daysLeft: 0
		});
		expect(openingStatus({ ...open, deadline: '2026-11-25' }, today)).toMatchObject({
			state: 'overdue',
			daysLeft: -2
		});
	});

	it('stops counting once closed as Besat or Ikke besat, even past the deadline', () => {
		const deadline = '2026-11-01';
		expect(openingStatus({ deadline, outcome: 'filled', closeReason: '' }, today)).toEqual({
			kind: 'filled'
		});
		expect(
			openingStatus({ deadline, outcome: 'not-filled', closeReason: 'deadline-passed' }, today)
		).toEqual({ kind: 'not-filled', reason: 'deadline-passed' });
	});
});
