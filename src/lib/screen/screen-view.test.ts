import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { initBoardWithStages, readBoard } from '../board/model';
import { addOpening, closeOpening, proposeCandidate } from '../board/openings';
import { addAction, completeAction } from '../board/actions';
import { DEFAULT_LANES } from '../server/boards/board.service';
import { openingInput } from '../../../tests/fixtures/board-fixtures';
import { buildScreenView, pageOf } from './screen-view';

// Friday 27 November 2026; the ISO week runs Monday 23 to Sunday 29 November.
const TODAY = '2026-11-27';
const at = (isoUtc: string) => Date.parse(isoUtc);

function board() {
	const doc = new Y.Doc();
	const laneIds = initBoardWithStages(doc, DEFAULT_LANES, 'test');
	const lane = laneIds[0]!;
	const add = (position: string, deadline: string) =>
		addOpening(doc, { ...openingInput(lane), title: position, position, deadline }, 'test');
	return { doc, add };
}

describe('buildScreenView', () => {
	it('lists open openings by deadline, overdue first, with candidate counts and no citizen', () => {
		const { doc, add } = board();
		const later = add('Kok', '2026-12-20');
		const overdue = add('Chauffør', '2026-11-20');
		const soon = add('Lagerhjælp', '2026-11-28');
		proposeCandidate(doc, { openingId: soon, citizenId: 'citizen1', proposedBy: 'u', now: 1 }, 't');
		proposeCandidate(doc, { openingId: soon, citizenId: 'citizen2', proposedBy: 'u', now: 2 }, 't');

		const view = buildScreenView(readBoard(doc), TODAY);
		expect(view.byDeadline.map((o) => o.id)).toEqual([overdue, soon, later]);
		expect(view.byDeadline.map((o) => o.status)).toEqual([
			{ kind: 'open', state: 'overdue', daysLeft: -7 },
			{ kind: 'open', state: 'soon', daysLeft: 1 },
			{ kind: 'open', state: 'ok', daysLeft: 23 }
		]);
		expect(view.byDeadline[1]!.candidates).toBe(2);
		expect(view.overdue).toBe(1);
		expect(JSON.stringify(view)).not.toContain('citizen1');
	});

	it("shows this week's filled openings (Copenhagen's Monday to today), not last week's nor unfilled", () => {
		const { doc, add } = board();
		const monday = add('Mandag', '2026-12-01');
		const sundayBefore = add('Søndag før', '2026-12-01');
		const notFilled = add('Ikke besat', '2026-12-01');
		const today = add('I dag', '2026-12-01');
		// 00:30 Monday in Copenhagen is still Sunday 23:30 in UTC.
		closeOpening(doc, { cardId: monday, outcome: 'filled', now: at('2026-11-22T23:30:00Z') }, 't');
		closeOpening(
			doc,
			{ cardId: sundayBefore, outcome: 'filled', now: at('2026-11-22T22:30:00Z') },
			't'
		);
		closeOpening(
			doc,
			{
				cardId: notFilled,
				outcome: 'not-filled',
				closeReason: 'deadline-passed',
				now: at('2026-11-26T10:00:00Z')
			},
			't'
		);
		closeOpening(doc, { cardId: today, outcome: 'filled', now: at('2026-11-27T08:00:00Z') }, 't');

		const view = buildScreenView(readBoard(doc), TODAY);
		expect(view.filledThisWeek.map((o) => o.id)).toEqual([today, monday]);
		expect(view.byDeadline).toEqual([]);
	});
});

describe('the actions on the screen', () => {
	it('are the open ones due within a week or overdue, earliest first', () => {
		const { doc } = board();
		const laneId = readBoard(doc).lanes[0]!.id;
		const add = (title: string, due: string) =>
			addAction(
				doc,
				{ laneId, title, ownerId: 'userbo', due, followUp: due, createdBy: 'userbo', now: 1 },
				't'
			);
		const overdue = add('Ring til Demoby VVS', '2026-11-25');
		const inAWeek = add('Opfølgning på praktik', '2026-12-04');
		add('Langt ude', '2026-12-05');
		const done = add('Allerede gjort', '2026-11-26');
		completeAction(doc, { cardId: done, now: 2 }, 't');

		const view = buildScreenView(readBoard(doc), TODAY);
		expect(view.actionsDue.map((a) => a.id)).toEqual([overdue, inAWeek]);
		expect(view.actionsDue[0]).toMatchObject({
			title: 'Ring til Demoby VVS',
			ownerId: 'userbo',
			state: { kind: 'open', state: 'overdue', daysLeft: -2 }
		});
	});
});

describe('pageOf', () => {
	it('splits into pages, wraps around, and has one empty page for no items', () => {
		const items = [1, 2, 3, 4, 5];
		expect(pageOf(items, 2, 0)).toEqual({ items: [1, 2], page: 0, pages: 3 });
		expect(pageOf(items, 2, 2)).toEqual({ items: [5], page: 2, pages: 3 });
		expect(pageOf(items, 2, 3)).toEqual({ items: [1, 2], page: 0, pages: 3 });
		expect(pageOf([], 4, 7)).toEqual({ items: [], page: 0, pages: 1 });
		expect(pageOf(items, 0, 0).items).toEqual([1]);
	});
});
