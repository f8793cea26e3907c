import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
	createTestDatabase,
	createTestTeam,
	type TestTeam
} from '../../../../tests/fixtures/sync-harness';
import { DEFAULT_AGENDA } from '../../meeting/agenda';
import type { Db } from '../db/connect';
import {
	addDecision,
	endMeeting,
	setAttendance,
	startMeeting,
	type MeetingActor
} from './meeting.service';
import { findMeetingMinutes, listBoardMeetings, readStoredMinutes } from './minutes.repository';

// Friday 27 November 2026, 09:00 in Copenhagen.
const DAY1 = Date.UTC(2026, 10, 27, 8, 0);
const DAY = 86_400_000;
const MIN = 60_000;

let db: Db;
let remove: () => Promise<void>;
let team: TestTeam;
let other: TestTeam;
let leader: MeetingActor;

beforeEach(async () => {
	({ db, remove } = await createTestDatabase());
	team = await createTestTeam(db, DAY1 - DAY);
	other = await createTestTeam(db, DAY1 - DAY);
	leader = { userId: team.userIds.leader, role: 'leader' };
});

afterEach(async () => {
	await remove();
});

async function start(boardId: string, actor: MeetingActor, now: number): Promise<string> {
	const result = await startMeeting(db, {
		boardId,
		actor,
		agenda: DEFAULT_AGENDA,
		connectedUserIds: [],
		now
	});
	if (!result.ok) throw new Error(result.error);
	return result.meetingId;
}

/** An action card as the board's projection holds it (the sync server writes these rows). */
async function actionCreatedAt(id: string, createdAt: number): Promise<void> {
	await db
		.insertInto('action')
		.values({
			board_id: team.boardId,
			id,
			owner_id: team.userIds.consultant,
			title: `Handling ${id}`,
			due: '2026-12-01',
			follow_up: '2026-12-03',
			status: 'open',
			time_tag: 'outreach',
			opening_id: '',
			citizen_id: '',
			created_at: createdAt,
			done_at: null
		})
		.execute();
}

describe('a board’s meetings', () => {
	it('are none for a board that never met', async () => {
		expect(await listBoardMeetings(db, team.boardId)).toEqual({ running: null, ended: [] });
	});

	it('list the running meeting apart and the ended ones newest first, from their minutes', async () => {
		// Day 1: two present, two decisions, one new action (and one from before); ended by a person.
		const first = await start(team.boardId, leader, DAY1);
		await setAttendance(db, team.boardId, leader, team.userIds.consultant, true, DAY1 + MIN);
		await addDecision(db, team.boardId, leader, 'Første beslutning', DAY1 + 2 * MIN);
		await addDecision(db, team.boardId, leader, 'Anden beslutning', DAY1 + 3 * MIN);
		await actionCreatedAt('a1', DAY1 + 4 * MIN);
		await actionCreatedAt('before', DAY1 - MIN);
		expect((await endMeeting(db, team.boardId, leader, DAY1 + 12 * MIN)).ok).toBe(true);
		// Day 2: left running, so day 3's start ends it automatically.
		const second = await start(team.boardId, leader, DAY1 + DAY);
		await setAttendance(db, team.boardId, leader, team.userIds.consultant, false, DAY1 + DAY);
		const consultant: MeetingActor = { userId: team.userIds.consultant, role: 'consultant' };
		const third = await start(team.boardId, consultant, DAY1 + 2 * DAY);
		// Another board's meeting stays on its own list.
		await start(other.boardId, { userId: other.userIds.leader, role: 'leader' }, DAY1);

		const meetings = await listBoardMeetings(db, team.boardId);
		expect(meetings.running).toEqual({
			id: third,
			startedAt: DAY1 + 2 * DAY,
			facilitatorName: 'Test consultant'
		});
		expect(meetings.ended).toEqual([
			{
				id: second,
				date: '2026-11-28',
				startedAt: DAY1 + DAY,
				endedAt: DAY1 + 2 * DAY,
				facilitatorName: 'Test leader',
				present: 1,
				newActions: 0,
				decisions: 0,
				endedAutomatically: true
			},
			{
				id: first,
				date: '2026-11-27',
				startedAt: DAY1,
				endedAt: DAY1 + 12 * MIN,
				facilitatorName: 'Test leader',
				present: 2,
				newActions: 1,
				decisions: 2,
				endedAutomatically: false
			}
		]);
	});

	it('keep what the meeting saw, whatever changes on the board afterwards', async () => {
		const id = await start(team.boardId, leader, DAY1);
		await actionCreatedAt('a1', DAY1 + MIN);
		await endMeeting(db, team.boardId, leader, DAY1 + 5 * MIN);
		await db.deleteFrom('action').where('id', '=', 'a1').execute();
		await db
			.updateTable('user')
			.set({ name: 'Nyt navn' })
			.where('id', '=', leader.userId)
			.execute();

		const [entry] = (await listBoardMeetings(db, team.boardId)).ended;
		expect(entry).toMatchObject({ facilitatorName: 'Test leader', newActions: 1 });
		const found = await findMeetingMinutes(db, team.boardId, id);
		expect(found?.state).toBe('ended');
		if (found?.state !== 'ended') return;
		expect(found.minutes.newActions.map((a) => [a.title, a.ownerName, a.due, a.timeTag])).toEqual([
			['Handling a1', 'Test consultant', '2026-12-01', 'outreach']
		]);
	});
});

describe('one meeting’s minutes', () => {
	it('are found on their own board only; a running meeting says so', async () => {
		const ended = await start(team.boardId, leader, DAY1);
		await endMeeting(db, team.boardId, leader, DAY1 + MIN);
		const running = await start(team.boardId, leader, DAY1 + DAY);

		const minutes = await findMeetingMinutes(db, team.boardId, ended);
		expect(minutes?.state === 'ended' && minutes.minutes.meetingId).toBe(ended);
		expect(await findMeetingMinutes(db, team.boardId, running)).toEqual({
			state: 'running',
			startedAt: DAY1 + DAY,
			facilitatorName: 'Test leader'
		});
		expect(await findMeetingMinutes(db, other.boardId, ended)).toBeUndefined();
		expect(await findMeetingMinutes(db, team.boardId, 'doesnotexist')).toBeUndefined();
	});

	it('refuse a missing or unreadable record instead of showing an empty one', () => {
		expect(() => readStoredMinutes({ id: 'm1', minutes_json: null })).toThrow(/m1/);
		expect(() => readStoredMinutes({ id: 'm2', minutes_json: '{"version":2}' })).toThrow(/m2/);
		expect(() => readStoredMinutes({ id: 'm3', minutes_json: 'not json' })).toThrow();
	});
});
