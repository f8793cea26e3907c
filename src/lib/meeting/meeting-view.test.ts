import { describe, expect, it } from 'vitest';
import type { ActionCard, BoardView, Card } from '../board/types';
import { DEFAULT_AGENDA } from './agenda';
import { attendanceRows, canSteerMeeting, followUpActions, meetingProgress } from './meeting-view';
import type { MeetingItemState } from './state';

const MIN = 60_000;

function items(current: number, enteredAt: number): MeetingItemState[] {
	return DEFAULT_AGENDA.map((item, i) => ({
		...item,
		spentMs: i === 0 ? 30_000 : 0,
		enteredAt: i === current ? enteredAt : null
	}));
}

function card(id: string, kind: Card['kind']): Card {
	const base: Card = {
		id,
		kind,
		laneId: 'lane1',
		order: 'a',
		title: `Kort ${id}`,
		description: '',
		ownerId: '',
		due: '',
		createdAt: 0,
		createdBy: '',
		updatedAt: 0
	};
	if (kind !== 'action') return base;
	return {
		...base,
		kind: 'action',
		action: {
			followUp: '',
			status: 'open',
			dropReason: '',
			doneAt: null,
			openingId: '',
			citizenId: '',
			timeTag: ''
		}
	} satisfies ActionCard;
}

describe('who steers the meeting', () => {
	const meeting = { facilitatorId: 'anna' };
	it('is the facilitator and any team leader, never a viewer, and nobody without a meeting', () => {
		expect(canSteerMeeting(meeting, { userId: 'anna', role: 'consultant' })).toBe(true);
		expect(canSteerMeeting(meeting, { userId: 'bo', role: 'consultant' })).toBe(false);
		expect(canSteerMeeting(meeting, { userId: 'lone', role: 'leader' })).toBe(true);
		expect(canSteerMeeting(meeting, { userId: 'tv', role: 'viewer' })).toBe(false);
		expect(canSteerMeeting(null, { userId: 'lone', role: 'leader' })).toBe(false);
	});
});

describe('the meeting progress', () => {
	it('counts the current visit on top of earlier time and reports time over plan', () => {
		const meeting = { current: 0, items: items(0, 1000) };
		const within = meetingProgress(meeting, 1000 + 2 * MIN);
		expect(within).toMatchObject({
			index: 0,
			count: 5,
			elapsedMs: 2 * MIN + 30_000,
			plannedMs: 3 * MIN,
			overMs: 0,
			isFirst: true,
			isLast: false
		});
		expect(meetingProgress(meeting, 1000 + 3 * MIN).overMs).toBe(30_000);
		const last = meetingProgress({ current: 4, items: items(4, 1000) }, 500);
		expect(last).toMatchObject({ index: 4, isLast: true, elapsedMs: 0 });
		expect(last.item.kind).toBe('new-actions');
	});
});

describe('the attendance list', () => {
	it('lists every participant, recorded or not, and keeps a recorded former member, by Danish name order', () => {
		const rows = attendanceRows(
			[
				{ id: 'u2', name: 'Åse Ørum' },
				{ id: 'u1', name: 'Anna Andersen' },
				{ id: 'u3', name: 'Bo Bertelsen' }
			],
			[
				{ userId: 'u1', name: 'Anna Andersen', present: true, source: 'connected' },
				{ userId: 'u3', name: 'Bo Bertelsen', present: false, source: 'manual' },
				{ userId: 'u9', name: 'Zenia Tidligere', present: true, source: 'connected' }
			]
		);
		expect(rows).toEqual([
			{ userId: 'u1', name: 'Anna Andersen', present: true, source: 'connected' },
			{ userId: 'u3', name: 'Bo Bertelsen', present: false, source: 'manual' },
			{ userId: 'u9', name: 'Zenia Tidligere', present: true, source: 'connected' },
			{ userId: 'u2', name: 'Åse Ørum', present: false, source: 'none' }
		]);
	});
});

describe('the follow-up list', () => {
	it('gives the action cards in the meeting’s order, from lanes and orphans, skipping gone and non-action cards', () => {
		const board: BoardView = {
			lanes: [
				{ id: 'lane1', title: 'Ny', order: 'a', cards: [card('a1', 'action'), card('n1', 'note')] },
				{ id: 'lane2', title: 'Andet', order: 'b', cards: [card('a2', 'action')] }
			],
			orphans: [card('a3', 'action')],
			cardCount: 4,
			matches: {}
		};
		expect(followUpActions(board, ['a3', 'gone', 'n1', 'a1', 'a2']).map((c) => c.id)).toEqual([
			'a3',
			'a1',
			'a2'
		]);
	});
});
