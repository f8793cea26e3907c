import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { DEFAULT_AGENDA, agendaSchema, plannedMinutes } from './agenda';
import {
	formatClock,
	itemElapsedMs,
	itemOverMs,
	meetingStateSchema,
	moveToItem,
	stopItems,
	type MeetingItemState,
	type MeetingState
} from './state';

const MIN = 60_000;
const items = (): MeetingItemState[] =>
	DEFAULT_AGENDA.map((item, i) => ({ ...item, spentMs: 0, enteredAt: i === 0 ? 1000 : null }));

function state(overrides: Partial<MeetingState> = {}): MeetingState {
	return {
		id: 'meeting1',
		startedAt: 1000,
		since: 0,
		facilitatorId: 'user1',
		facilitatorName: 'Lise Leder',
		current: 0,
		items: items(),
		focusCardId: null,
		attendees: [{ userId: 'user1', name: 'Lise Leder', present: true, source: 'connected' }],
		followUp: [],
		decisions: [],
		...overrides
	};
}

describe('the agenda', () => {
	it('defaults to the five items of the morning meeting, 13 minutes in all', () => {
		expect(DEFAULT_AGENDA.map((i) => i.kind)).toEqual([
			'deadlines',
			'openings',
			'actions',
			'forecast',
			'new-actions'
		]);
		expect(plannedMinutes(DEFAULT_AGENDA)).toBe(13);
		expect(v.is(agendaSchema, DEFAULT_AGENDA)).toBe(true);
	});

	it('takes a titled item of the team’s own, and refuses a standard item with a title, 0 or 31 minutes, a CPR number and more than 8 items', () => {
		expect(v.is(agendaSchema, [{ kind: 'custom', title: 'Sygefravær i teamet', minutes: 2 }])).toBe(
			true
		);
		const bad = [
			[{ kind: 'deadlines', title: 'Frister', minutes: 3 }],
			[{ kind: 'deadlines', title: '', minutes: 0 }],
			[{ kind: 'deadlines', title: '', minutes: 31 }],
			[{ kind: 'deadlines', title: '', minutes: 2.5 }],
			[{ kind: 'custom', title: '', minutes: 2 }],
			[{ kind: 'custom', title: 'Borger 010190-1234', minutes: 2 }],
			[{ kind: 'other', title: '', minutes: 2 }],
			[],
			Array.from({ length: 9 }, () => DEFAULT_AGENDA[0])
		];
		for (const agenda of bad)
			expect(v.is(agendaSchema, agenda), JSON.stringify(agenda)).toBe(false);
	});
});

describe('the meeting clock', () => {
	it('counts the running visit on top of earlier ones, and the time over plan', () => {
		const item = { ...DEFAULT_AGENDA[0]!, spentMs: MIN, enteredAt: 10_000 };
		expect(itemElapsedMs(item, 10_000 + 30_000)).toBe(90_000);
		expect(itemOverMs(item, 10_000 + 30_000)).toBe(0);
		expect(itemOverMs(item, 10_000 + 2 * MIN + 5000)).toBe(5000);
		// A device clock behind the server never shows negative time.
		expect(itemElapsedMs({ spentMs: 0, enteredAt: 10_000 }, 5000)).toBe(0);
	});

	it('moves between items, going back continues an item’s clock, and stopping keeps the time', () => {
		const a = moveToItem(items(), 0, 1, 1000 + 2 * MIN);
		expect(a.map((i) => [i.spentMs, i.enteredAt])).toEqual([
			[2 * MIN, null],
			[0, 1000 + 2 * MIN],
			[0, null],
			[0, null],
			[0, null]
		]);
		const b = moveToItem(a, 1, 0, 1000 + 3 * MIN);
		expect(itemElapsedMs(b[0]!, 1000 + 4 * MIN)).toBe(3 * MIN);
		expect(b[1]!.spentMs).toBe(MIN);
		expect(moveToItem(b, 0, 0, 99)).toEqual(b);
		expect(() => moveToItem(b, 0, 5, 99)).toThrow(RangeError);
		const stopped = stopItems(b, 1000 + 5 * MIN);
		expect(stopped.every((i) => i.enteredAt === null)).toBe(true);
		expect(stopped[0]!.spentMs).toBe(4 * MIN);
	});

	it('formats whole seconds as m:ss', () => {
		expect(formatClock(0)).toBe('0:00');
		expect(formatClock(125_999)).toBe('2:05');
		expect(formatClock(720_000)).toBe('12:00');
		expect(formatClock(-5)).toBe('0:00');
	});
});

describe('the meeting state schema', () => {
	it('accepts a well-formed state and refuses a current item out of range or an unknown field', () => {
		expect(v.is(meetingStateSchema, state())).toBe(true);
		expect(v.is(meetingStateSchema, state({ current: 5 }))).toBe(false);
		expect(v.is(meetingStateSchema, { ...state(), extra: 1 })).toBe(false);
		expect(v.is(meetingStateSchema, state({ items: [{ ...items()[0]!, spentMs: -1 }] }))).toBe(
			false
		);
	});
});
