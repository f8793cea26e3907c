import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addCard, deleteCard, initBoardWithStages, readBoard } from '../board/model';
import { addOpening, proposeCandidate } from '../board/openings';
import { addAction, completeAction, dropAction, moveAction } from '../board/actions';
import { DEFAULT_AGENDA, type AgendaItem } from '../meeting/agenda';
import type { MeetingState } from '../meeting/state';
import { DEFAULT_LANES } from '../server/boards/board.service';
import { openingInput } from '../../../tests/fixtures/board-fixtures';
import { buildMeetingView, meetingAgenda, meetingClock, type MeetingMain } from './meeting-view';

// Friday 27 November 2026, 08:30 UTC (09:30 in Copenhagen); the last meeting was Thursday's.
const TODAY = '2026-11-27';
const STARTED = Date.UTC(2026, 10, 27, 8, 30);
const SINCE = Date.UTC(2026, 10, 26, 8, 30);
const MIN = 60_000;

function meeting(overrides: Partial<MeetingState> = {}): MeetingState {
	return {
		id: 'meeting1',
		startedAt: STARTED,
		since: SINCE,
		facilitatorId: 'userlone',
		facilitatorName: 'Lone Leder',
		current: 0,
		items: DEFAULT_AGENDA.map((item, i) => ({
			...item,
			spentMs: 0,
			enteredAt: i === 0 ? STARTED : null
		})),
		focusCardId: null,
		attendees: [
			{ userId: 'userlone', name: 'Lone Leder', present: true, source: 'connected' },
			{ userId: 'userbo', name: 'Bo Bertelsen', present: false, source: 'manual' },
			{ userId: 'useranna', name: 'Anna Andersen', present: true, source: 'connected' }
		],
		followUp: [],
		decisions: [],
		...overrides
	};
}

/** The meeting with item `kind` current. */
function at(kind: AgendaItem['kind'], overrides: Partial<MeetingState> = {}): MeetingState {
	const base = meeting(overrides);
	const current = base.items.findIndex((i) => i.kind === kind);
	if (current < 0) throw new Error(`no ${kind} item`);
	return { ...base, current };
}

function board() {
	const doc = new Y.Doc();
	const lane = initBoardWithStages(doc, DEFAULT_LANES, 'test')[0]!;
	const opening = (position: string, deadline: string, createdAt = SINCE - 86_400_000) =>
		addOpening(
			doc,
			{ ...openingInput(lane), title: position, position, deadline, now: createdAt },
			'test'
		);
	const action = (title: string, due: string, createdAt = SINCE - 86_400_000) =>
		addAction(
			doc,
			{
				laneId: lane,
				title,
				ownerId: 'userbo',
				due,
				followUp: due,
				citizenId: 'citizenxyz',
				createdBy: 'userbo',
				now: createdAt
			},
			'test'
		);
	const propose = (openingId: string, citizenId: string) =>
		proposeCandidate(doc, { openingId, citizenId, proposedBy: 'useranna', now: STARTED }, 't');
	return { doc, lane, opening, action, propose, view: () => readBoard(doc) };
}

function main<K extends MeetingMain['kind']>(
	view: { main: MeetingMain },
	kind: K
): Extract<MeetingMain, { kind: K }> {
	expect(view.main.kind).toBe(kind);
	return view.main as Extract<MeetingMain, { kind: K }>;
}

describe('the agenda and the clocks', () => {
	it('lists every item with its minutes and marks the current one', () => {
		const m = meeting({ current: 2 });
		expect(meetingAgenda(m).map((e) => [e.kind, e.minutes, e.current])).toEqual([
			['deadlines', 3, false],
			['openings', 3, false],
			['actions', 3, true],
			['forecast', 2, false],
			['new-actions', 2, false]
		]);
	});

	it('times the current item against its plan on the server clock, and tells how far over it is', () => {
		const m = meeting();
		expect(meetingClock(m, STARTED + 90_000)).toEqual({
			elapsedMs: 90_000,
			plannedMs: 3 * MIN,
			overMs: 0,
			totalMs: 90_000
		});
		expect(meetingClock(m, STARTED + 3 * MIN + 130_000)).toMatchObject({
			elapsedMs: 3 * MIN + 130_000,
			overMs: 130_000
		});
		// An item visited before keeps its earlier time; the meeting's total runs from the start.
		const back = meeting({
			current: 1,
			items: meeting().items.map((item, i) => ({
				...item,
				spentMs: i === 1 ? 2 * MIN : 0,
				enteredAt: i === 1 ? STARTED + 10 * MIN : null
			}))
		});
		expect(meetingClock(back, STARTED + 11 * MIN)).toEqual({
			elapsedMs: 3 * MIN,
			plannedMs: 3 * MIN,
			overMs: 0,
			totalMs: 11 * MIN
		});
	});

	it('names the facilitator and the present people only, alphabetically', () => {
		const view = buildMeetingView(board().view(), meeting(), TODAY);
		expect(view.facilitatorName).toBe('Lone Leder');
		expect(view.present).toEqual(['Anna Andersen', 'Lone Leder']);
	});
});

describe('the main area follows the current item', () => {
	it("'deadlines': open openings overdue or due within three days, overdue first", () => {
		const b = board();
		const later = b.opening('Kok', '2026-12-20');
		const overdue = b.opening('Chauffør', '2026-11-20');
		const soon = b.opening('Lagerhjælp', '2026-11-30');
		const view = buildMeetingView(b.view(), at('deadlines'), TODAY);
		const openings = main(view, 'deadlines').openings;
		expect(openings.map((o) => o.id)).toEqual([overdue, soon]);
		expect(openings.map((o) => o.id)).not.toContain(later);
	});

	it("'openings': those created since the last meeting (its start included), newest first, with candidate counts", () => {
		const b = board();
		b.opening('Før', '2026-12-20', SINCE - 1);
		const atSince = b.opening('Lige på', '2026-12-20', SINCE);
		const newest = b.opening('Nyeste', '2026-12-20', STARTED - 1);
		b.propose(newest, 'citizen1');
		b.propose(newest, 'citizen2');
		const view = buildMeetingView(b.view(), at('openings'), TODAY);
		const openings = main(view, 'openings').openings;
		expect(openings.map((o) => o.id)).toEqual([newest, atSince]);
		expect(openings.map((o) => o.candidates)).toEqual([2, 0]);
	});

	it("'actions': the follow-ups in the meeting's order, done, moved, dropped or open; deleted ones left out", () => {
		const b = board();
		const done = b.action('Ring til VVS', '2026-11-25');
		const moved = b.action('Besøg Fjordlager', '2026-11-26');
		const dropped = b.action('Send tilbud', '2026-11-26');
		const open = b.action('Følg op på praktik', '2026-11-27');
		const gone = b.action('Slettet', '2026-11-27');
		b.action('Ikke til opfølgning', '2026-11-20');
		completeAction(b.doc, { cardId: done, now: STARTED + 1 }, 't');
		moveAction(
			b.doc,
			{ cardId: moved, due: '2026-12-03', followUp: '2026-12-03', now: STARTED + 2 },
			't'
		);
		dropAction(b.doc, { cardId: dropped, reason: 'Firmaet lukket', now: STARTED + 3 }, 't');
		deleteCard(b.doc, gone, 't');
		const view = buildMeetingView(
			b.view(),
			at('actions', {
				followUp: [
					{ actionId: done, dueAtStart: '2026-11-25' },
					{ actionId: moved, dueAtStart: '2026-11-26' },
					{ actionId: dropped, dueAtStart: '2026-11-26' },
					{ actionId: open, dueAtStart: '2026-11-27' },
					{ actionId: gone, dueAtStart: '2026-11-27' }
				]
			}),
			TODAY
		);
		const actions = main(view, 'actions').actions;
		expect(actions.map((a) => [a.id, a.outcome])).toEqual([
			[done, 'done'],
			[moved, 'moved'],
			[dropped, 'dropped'],
			[open, 'open']
		]);
		expect(actions[1]).toMatchObject({
			title: 'Besøg Fjordlager',
			ownerId: 'userbo',
			due: '2026-12-03'
		});
	});

	it("'new-actions': actions created since the meeting started (its start included), newest first", () => {
		const b = board();
		b.action('Før mødet', '2026-12-01', STARTED - 1);
		const atStart = b.action('Ved start', '2026-12-01', STARTED);
		const fromPhone = b.action('Fra telefonen', '2026-12-02', STARTED + 5 * MIN);
		addCard(
			b.doc,
			{ laneId: b.lane, kind: 'note', title: 'Note', createdBy: 'u', now: STARTED + 1 },
			't'
		);
		const view = buildMeetingView(b.view(), at('new-actions'), TODAY);
		expect(main(view, 'new-actions').actions.map((a) => a.id)).toEqual([fromPhone, atStart]);
	});

	it("'forecast' and a team's own item carry no list: the screen shows the summary and the normal view", () => {
		expect(buildMeetingView(board().view(), at('forecast'), TODAY).main).toEqual({
			kind: 'forecast'
		});
		const custom = meeting({
			items: [{ kind: 'custom', title: 'Sommerferie', minutes: 5, spentMs: 0, enteredAt: STARTED }]
		});
		expect(buildMeetingView(board().view(), custom, TODAY).main).toEqual({ kind: 'custom' });
	});
});

describe('the card in focus', () => {
	it('an opening: its facts, countdown and candidate count', () => {
		const b = board();
		const id = b.opening('Lagerhjælp', '2026-11-29');
		b.propose(id, 'citizen1');
		const focus = buildMeetingView(b.view(), meeting({ focusCardId: id }), TODAY).focus;
		expect(focus).toEqual({
			kind: 'opening',
			opening: {
				id,
				companyName: 'Fjordlager ApS',
				position: 'Lagerhjælp',
				jobType: 'smalljob',
				positions: 2,
				hoursPerWeek: 12.5,
				deadline: '2026-11-29',
				status: { kind: 'open', state: 'soon', daysLeft: 2 },
				candidates: 1
			}
		});
	});

	it('an action: its title, owner, due date and status', () => {
		const b = board();
		const id = b.action('Ring til VVS', '2026-11-25');
		const focus = buildMeetingView(b.view(), meeting({ focusCardId: id }), TODAY).focus;
		expect(focus).toEqual({
			kind: 'action',
			action: {
				id,
				title: 'Ring til VVS',
				ownerId: 'userbo',
				due: '2026-11-25',
				state: { kind: 'open', state: 'overdue', daysLeft: -2 }
			}
		});
	});

	it('a card the screen cannot find, or a note, shows nothing', () => {
		const b = board();
		const note = addCard(
			b.doc,
			{ laneId: b.lane, kind: 'note', title: 'Husk kage', createdBy: 'u', now: 1 },
			't'
		);
		const gone = b.action('Slettet', '2026-11-25');
		deleteCard(b.doc, gone, 't');
		for (const focusCardId of ['nosuchcard', note, gone])
			expect(buildMeetingView(b.view(), meeting({ focusCardId }), TODAY).focus).toBeNull();
	});
});

describe('citizens', () => {
	it('never reach the view: only counts, no citizen ids, whatever item is current or in focus', () => {
		const b = board();
		const opening = b.opening('Lagerhjælp', '2026-11-28', STARTED);
		b.propose(opening, 'citizenaaa');
		b.propose(opening, 'citizenbbb');
		const action = b.action('Samtale', '2026-11-27', STARTED);
		for (const kind of DEFAULT_AGENDA.map((i) => i.kind))
			for (const focusCardId of [opening, action]) {
				const view = buildMeetingView(
					b.view(),
					at(kind, { focusCardId, followUp: [{ actionId: action, dueAtStart: '2026-11-27' }] }),
					TODAY
				);
				const text = JSON.stringify(view);
				for (const citizen of ['citizenaaa', 'citizenbbb', 'citizenxyz'])
					expect(text, `${kind} with ${focusCardId} in focus`).not.toContain(citizen);
			}
	});
});
