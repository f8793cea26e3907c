import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { addAction, addOpening, dropAction, moveAction } from '../../src/lib/board/model';
import { getServerData, readMeetingState, SERVER_KEYS } from '../../src/lib/board/server-data';
import { DEFAULT_AGENDA } from '../../src/lib/meeting/agenda';
import type { MeetingMinutes } from '../../src/lib/meeting/minutes';
import {
	addDecision,
	endMeeting,
	goToItem,
	setAttendance,
	setFocus,
	startMeeting,
	type MeetingActor
} from '../../src/lib/server/meetings/meeting.service';
import { createScreenLink } from '../../src/lib/server/screens/screen-link.service';
import {
	cleanupAfterEach,
	connectClient,
	countUpdateRows,
	providerClosed,
	roundTrip,
	startTestBoard,
	waitFor,
	type TestBoard
} from '../fixtures/sync-harness';

const defer = cleanupAfterEach();
const MIN = 60_000;
const DAY = 86_400_000;

function actors(board: TestBoard): Record<'leader' | 'consultant', MeetingActor> {
	return {
		leader: { userId: board.team.userIds.leader, role: 'leader' },
		consultant: { userId: board.team.userIds.consultant, role: 'consultant' }
	};
}

async function screen(board: TestBoard) {
	const { token } = await createScreenLink(
		board.db,
		{
			boardId: board.team.boardId,
			label: 'Mødelokale',
			createdBy: board.team.userIds.leader,
			days: 30
		},
		Date.now()
	);
	const client = connectClient(board.server.url, board.team.boardId, undefined, new Y.Doc(), {
		screen: token
	});
	defer(client.destroy);
	await client.synced;
	return client;
}

function start(board: TestBoard, actor: MeetingActor, now: number) {
	return startMeeting(board.db, {
		boardId: board.team.boardId,
		actor,
		agenda: DEFAULT_AGENDA,
		connectedUserIds: board.server.app.sync.connectedUsers(board.team.boardId),
		now
	});
}

async function minutesOf(board: TestBoard, meetingId: string): Promise<MeetingMinutes> {
	const row = await board.db
		.selectFrom('meeting')
		.select('minutes_json')
		.where('id', '=', meetingId)
		.executeTakeFirstOrThrow();
	return JSON.parse(row.minutes_json ?? 'null') as MeetingMinutes;
}

describe('a board meeting', () => {
	it('reaches every device and the screen, with the connected people as attendees', async () => {
		const board = await startTestBoard(defer);
		const { leader, consultant } = actors(board);
		const phone = board.client(board.team.cookies.consultant);
		const viewer = board.client(board.team.cookies.viewer);
		await Promise.all([phone.synced, viewer.synced]);
		const tv = await screen(board);
		// Signed-in people only: neither the screen link nor, after filtering, the viewer account attends.
		expect(board.server.app.sync.connectedUsers(board.team.boardId).sort()).toEqual(
			[consultant.userId, board.team.userIds.viewer].sort()
		);

		const now = Date.now();
		const started = await start(board, leader, now);
		expect(started.ok).toBe(true);
		await waitFor(tv.doc, () => readMeetingState(tv.doc) !== null);
		const state = readMeetingState(tv.doc)!;
		expect(state.current).toBe(0);
		expect(state.items.map((i) => i.kind)).toEqual([
			'deadlines',
			'openings',
			'actions',
			'forecast',
			'new-actions'
		]);
		expect(state.items[0]!.enteredAt).toBe(now);
		expect(state.facilitatorName).toBe('Test leader');
		expect(state.attendees.map((a) => [a.userId, a.present, a.source]).sort()).toEqual(
			[
				[leader.userId, true, 'connected'],
				[consultant.userId, true, 'connected']
			].sort()
		);
		await waitFor(phone.doc, () => readMeetingState(phone.doc)?.id === state.id);
		expect(await start(board, consultant, now + 1000)).toEqual({
			ok: false,
			error: 'already_running'
		});
	});

	it('moves on only for the facilitator or a leader, and keeps the time spent per item', async () => {
		const board = await startTestBoard(defer);
		const { leader, consultant } = actors(board);
		const tv = await screen(board);
		const t0 = Date.now();
		expect((await start(board, consultant, t0)).ok).toBe(true);
		const boardId = board.team.boardId;

		const other = { userId: board.team.userIds.viewer, role: 'consultant' as const };
		expect(await goToItem(board.db, boardId, other, 1, t0 + MIN)).toEqual({
			ok: false,
			error: 'not_allowed'
		});
		expect(await goToItem(board.db, boardId, consultant, 9, t0 + MIN)).toEqual({
			ok: false,
			error: 'invalid_item'
		});
		expect((await goToItem(board.db, boardId, consultant, 1, t0 + 2 * MIN)).ok).toBe(true);
		// A leader who did not start the meeting can still run it (the facilitator left early).
		expect((await goToItem(board.db, boardId, leader, 0, t0 + 3 * MIN)).ok).toBe(true);
		expect((await goToItem(board.db, boardId, leader, 2, t0 + 4 * MIN)).ok).toBe(true);
		await waitFor(tv.doc, () => readMeetingState(tv.doc)?.current === 2);
		const items = readMeetingState(tv.doc)!.items;
		expect(items.map((i) => [i.spentMs, i.enteredAt])).toEqual([
			[3 * MIN, null],
			[MIN, null],
			[0, t0 + 4 * MIN],
			[0, null],
			[0, null]
		]);
	});

	it('counts people who connect during the meeting, but never against a correction', async () => {
		const board = await startTestBoard(defer);
		const { leader, consultant } = actors(board);
		const boardId = board.team.boardId;
		const tv = await screen(board);
		expect((await start(board, leader, Date.now())).ok).toBe(true);
		await waitFor(tv.doc, () => readMeetingState(tv.doc)?.attendees.length === 1);

		expect(
			(await setAttendance(board.db, boardId, leader, consultant.userId, false, Date.now())).ok
		).toBe(true);
		const phone = board.client(board.team.cookies.consultant);
		await phone.synced;
		await roundTrip(phone.provider);
		await waitFor(tv.doc, () =>
			readMeetingState(tv.doc)!.attendees.some((a) => a.userId === consultant.userId)
		);
		expect(
			readMeetingState(tv.doc)!.attendees.find((a) => a.userId === consultant.userId)
		).toMatchObject({ present: false, source: 'manual' });

		// Without a correction, connecting is enough.
		const second = await startTestBoard(defer);
		const secondTv = await screen(second);
		expect((await start(second, actors(second).leader, Date.now())).ok).toBe(true);
		const laptop = second.client(second.team.cookies.consultant);
		await laptop.synced;
		await waitFor(secondTv.doc, () =>
			readMeetingState(secondTv.doc)!.attendees.some(
				(a) => a.userId === second.team.userIds.consultant && a.present
			)
		);
		expect(
			await setAttendance(board.db, boardId, leader, 'not-a-member', true, Date.now())
		).toEqual({ ok: false, error: 'unknown_member' });
	});

	it('puts a card on the board in focus everywhere and refuses one that is not there', async () => {
		const board = await startTestBoard(defer);
		const { leader } = actors(board);
		const boardId = board.team.boardId;
		const phone = board.client(board.team.cookies.consultant);
		await phone.synced;
		const openingId = addOpening(
			phone.doc,
			{
				title: 'Kok, Demoby Kro',
				companyId: 'company1',
				companyName: 'Demoby Kro',
				position: 'Kok',
				jobType: 'ordinary',
				positions: 1,
				deadline: '2026-12-04',
				source: 'phone',
				laneId: board.laneIds[0]!,
				createdBy: board.team.userIds.consultant,
				now: Date.now()
			},
			'test'
		);
		await roundTrip(phone.provider);
		expect((await start(board, leader, Date.now())).ok).toBe(true);
		expect(await setFocus(board.db, boardId, leader, 'nocardhere', Date.now())).toEqual({
			ok: false,
			error: 'unknown_card'
		});
		expect((await setFocus(board.db, boardId, leader, openingId, Date.now())).ok).toBe(true);
		await waitFor(phone.doc, () => readMeetingState(phone.doc)?.focusCardId === openingId);
		expect((await setFocus(board.db, boardId, leader, null, Date.now())).ok).toBe(true);
		await waitFor(phone.doc, () => readMeetingState(phone.doc)?.focusCardId === null);
	});

	it('loads the running meeting into a board nobody had open', async () => {
		const board = await startTestBoard(defer);
		expect((await start(board, actors(board).leader, Date.now())).ok).toBe(true);
		expect(board.server.app.sync.roomCount()).toBe(0);
		const late = board.client(board.team.cookies.consultant);
		await late.synced;
		expect(readMeetingState(late.doc)?.items).toHaveLength(5);
	});

	it('ends with minutes: attendees, time per item, follow-ups, new actions and decisions', async () => {
		const board = await startTestBoard(defer);
		const { leader, consultant } = actors(board);
		const boardId = board.team.boardId;
		const phone = board.client(board.team.cookies.consultant);
		await phone.synced;
		const t0 = Date.now();
		const today = new Date(t0).toISOString().slice(0, 10);
		const overdueId = addAction(
			phone.doc,
			{
				laneId: board.laneIds[0]!,
				title: 'Ring tilbage til Demoby Kro',
				ownerId: consultant.userId,
				due: '2026-01-05',
				followUp: '2026-01-06',
				createdBy: consultant.userId,
				now: t0 - 30 * DAY
			},
			'test'
		);
		const droppedId = addAction(
			phone.doc,
			{
				laneId: board.laneIds[0]!,
				title: 'Send tilbud til Demoby Kro',
				ownerId: consultant.userId,
				due: '2026-01-07',
				followUp: '2026-01-08',
				createdBy: consultant.userId,
				now: t0 - 30 * DAY
			},
			'test'
		);
		await roundTrip(phone.provider);

		const started = await start(board, consultant, t0);
		if (!started.ok) throw new Error(started.error);
		await waitFor(phone.doc, () => readMeetingState(phone.doc)?.followUp.length === 2);
		expect(readMeetingState(phone.doc)!.followUp).toEqual([
			{ actionId: overdueId, dueAtStart: '2026-01-05' },
			{ actionId: droppedId, dueAtStart: '2026-01-07' }
		]);
		await waitFor(
			phone.doc,
			() => readMeetingState(phone.doc)?.followUp[0]?.actionId === overdueId
		);

		moveAction(phone.doc, { cardId: overdueId, due: '2027-01-10', now: t0 + MIN }, 'test');
		dropAction(
			phone.doc,
			{ cardId: droppedId, reason: 'Virksomheden har lukket stillingen', now: t0 + MIN },
			'test'
		);
		const newId = addAction(
			phone.doc,
			{
				laneId: board.laneIds[0]!,
				title: 'Besøg Demoby Logistik',
				ownerId: leader.userId,
				due: '2027-01-15',
				followUp: '2027-01-20',
				timeTag: 'outreach',
				createdBy: consultant.userId,
				now: t0 + 2 * MIN
			},
			'test'
		);
		await roundTrip(phone.provider);
		expect(await addDecision(board.db, boardId, consultant, '   ', t0)).toEqual({
			ok: false,
			error: 'decision_required'
		});
		expect(await addDecision(board.db, boardId, consultant, 'Nr. 010190-1234', t0)).toEqual({
			ok: false,
			error: 'looks_like_cpr'
		});
		expect(
			(await addDecision(board.db, boardId, consultant, 'Vi samler  småjob i én kolonne', t0 + MIN))
				.ok
		).toBe(true);
		expect((await goToItem(board.db, boardId, consultant, 1, t0 + 4 * MIN)).ok).toBe(true);
		expect(await endMeeting(board.db, boardId, actors(board).leader, t0 + 5 * MIN)).toEqual({
			ok: true,
			meetingId: started.meetingId
		});
		await waitFor(phone.doc, () => readMeetingState(phone.doc) === null);

		const minutes = await minutesOf(board, started.meetingId);
		expect(minutes).toMatchObject({
			meetingId: started.meetingId,
			boardName: 'Testtavle',
			startedAt: t0,
			endedAt: t0 + 5 * MIN,
			facilitatorName: 'Test consultant',
			endedAutomatically: false,
			attendees: [{ name: 'Test consultant', present: true }],
			decisions: [{ text: 'Vi samler småjob i én kolonne', at: t0 + MIN }]
		});
		expect(minutes.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
		expect(Math.abs(Date.parse(minutes.date) - Date.parse(today))).toBeLessThanOrEqual(DAY);
		expect(minutes.items.map((i) => i.spentMs)).toEqual([4 * MIN, MIN, 0, 0, 0]);
		expect(minutes.followUps).toEqual([
			{
				actionId: overdueId,
				title: 'Ring tilbage til Demoby Kro',
				ownerName: 'Test consultant',
				dueAtStart: '2026-01-05',
				outcome: 'moved',
				newDue: '2027-01-10',
				dropReason: ''
			},
			{
				actionId: droppedId,
				title: 'Send tilbud til Demoby Kro',
				ownerName: 'Test consultant',
				dueAtStart: '2026-01-07',
				outcome: 'dropped',
				newDue: '',
				dropReason: 'Virksomheden har lukket stillingen'
			}
		]);
		expect(minutes.newActions).toEqual([
			{
				actionId: newId,
				title: 'Besøg Demoby Logistik',
				ownerName: 'Test leader',
				due: '2027-01-15',
				followUp: '2027-01-20',
				timeTag: 'outreach'
			}
		]);
		expect(await endMeeting(board.db, boardId, leader, t0 + 6 * MIN)).toEqual({
			ok: false,
			error: 'not_running'
		});
	});

	it('ends a meeting left running since an earlier day when the next one starts', async () => {
		const board = await startTestBoard(defer);
		const { leader } = actors(board);
		const yesterday = Date.now() - DAY;
		const first = await start(board, leader, yesterday);
		if (!first.ok) throw new Error(first.error);
		const second = await start(board, leader, Date.now());
		expect(second.ok).toBe(true);
		expect(await minutesOf(board, first.meetingId)).toMatchObject({ endedAutomatically: true });
	});

	it('refuses an agenda outside the limits', async () => {
		const board = await startTestBoard(defer);
		const tooLong = { ...DEFAULT_AGENDA[0]!, minutes: 31 };
		const result = await startMeeting(board.db, {
			boardId: board.team.boardId,
			actor: actors(board).leader,
			agenda: [tooLong],
			connectedUserIds: [],
			now: Date.now()
		});
		expect(result).toEqual({ ok: false, error: 'invalid_agenda' });
		expect(await board.db.selectFrom('meeting').select('id').execute()).toEqual([]);
	});

	it('cannot be moved by a device: a forged step is refused, not stored, not broadcast', async () => {
		const board = await startTestBoard(defer);
		const writer = board.client(board.team.cookies.leader);
		const observer = board.client(board.team.cookies.consultant);
		await Promise.all([writer.synced, observer.synced]);
		expect((await start(board, actors(board).leader, Date.now())).ok).toBe(true);
		await waitFor(writer.doc, () => readMeetingState(writer.doc) !== null);
		await waitFor(observer.doc, () => readMeetingState(observer.doc) !== null);
		const before = readMeetingState(observer.doc)!;
		const rows = await countUpdateRows(board.db, board.team.boardId);

		vi.spyOn(console, 'warn').mockImplementation(() => undefined);
		const closed = providerClosed(writer.provider);
		getServerData(writer.doc).set(SERVER_KEYS.meeting, JSON.stringify({ ...before, current: 4 }));
		expect(await closed).toEqual({
			code: 4422,
			reason: 'invalid update: server data is written by the server only'
		});
		await roundTrip(observer.provider);
		expect(readMeetingState(observer.doc)).toEqual(before);
		expect(await countUpdateRows(board.db, board.team.boardId)).toBe(rows);
	});
});
