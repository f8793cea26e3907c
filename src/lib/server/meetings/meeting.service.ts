import * as v from 'valibot';
import { newId, isValidId } from '../../board/ids';
import { agendaSchema, type AgendaItem } from '../../meeting/agenda';
import {
	FIRST_MEETING_LOOKBACK_MS,
	MEETING_LIMITS,
	moveToItem,
	stopItems
} from '../../meeting/state';
import { canSteerMeeting } from '../../meeting/meeting-view';
import { copenhagenToday } from '../../openings/countdown';
import { looksLikeCpr } from '../../privacy/cpr';
import type { Role } from '../teams/team.repository';
import type { Db } from '../db/connect';
import { meetingChanges } from './changes';
import { composeMinutes } from './minutes.service';
import {
	insertItems,
	selectActiveMeeting,
	selectItems,
	selectPreviousMeeting,
	selectParticipantIds,
	updateItemClocks,
	type MeetingRow
} from './meeting.repository';

/**
 * Board meetings (tavlemøder, issue 5 point 3): start with an agenda, move between items, put a
 * card in focus, correct attendance, note decisions, end with minutes. Every change commits in
 * SQL first and then tells the sync server (meetingChanges), which writes the new state into the
 * live board so every screen follows. Any editor of the board may start a meeting and becomes
 * its facilitator; the facilitator and the team's leaders control it; any editor notes decisions.
 */

export type MeetingError =
	| 'already_running'
	| 'not_running'
	| 'not_allowed'
	| 'invalid_agenda'
	| 'invalid_item'
	| 'unknown_card'
	| 'unknown_member'
	| 'decision_required'
	| 'decision_too_long'
	| 'too_many_decisions'
	| 'looks_like_cpr';

export type MeetingResult<T = object> = ({ ok: true } & T) | { ok: false; error: MeetingError };

/** Who acts: the signed-in user and their role in the board's team (route-checked: may edit). */
export interface MeetingActor {
	userId: string;
	role: Role;
}

/** The facilitator or a team leader steers: the one rule the board's buttons follow too. */
export function canControlMeeting(
	meeting: Pick<MeetingRow, 'facilitator_id'>,
	actor: MeetingActor
): boolean {
	return canSteerMeeting({ facilitatorId: meeting.facilitator_id }, actor);
}

/**
 * A running meeting blocks a new start only on the day it started (Copenhagen); one left running
 * from an earlier day is ended by the next start.
 */
export function blocksNewStart(meeting: Pick<MeetingRow, 'started_at'>, now: number): boolean {
	return copenhagenToday(new Date(meeting.started_at)) === copenhagenToday(new Date(now));
}

function published<T extends { ok: boolean }>(boardId: string, result: T): T {
	if (result.ok) meetingChanges().publish(boardId);
	return result;
}

/**
 * Starts a meeting. `connectedUserIds`: who is on the board right now (the sync server knows);
 * only members of the board's team count, and the facilitator is always present. A meeting left
 * running from an earlier day is ended first (its minutes say so); one from today is refused.
 */
export async function startMeeting(
	db: Db,
	input: {
		boardId: string;
		actor: MeetingActor;
		agenda: readonly AgendaItem[];
		connectedUserIds: readonly string[];
		now: number;
	}
): Promise<MeetingResult<{ meetingId: string }>> {
	const agenda = v.safeParse(agendaSchema, input.agenda);
	if (!agenda.success) return { ok: false, error: 'invalid_agenda' };
	const { boardId, actor, now } = input;
	const today = copenhagenToday(new Date(now));
	const running = await selectActiveMeeting(db, boardId);
	if (running) {
		if (blocksNewStart(running, now)) return { ok: false, error: 'already_running' };
		await finishMeeting(db, running, now, true);
	}
	const members = await selectParticipantIds(db, boardId);
	const present = new Set([
		actor.userId,
		...input.connectedUserIds.filter((id) => members.has(id))
	]);
	const previous = await selectPreviousMeeting(db, boardId, now);
	const since = copenhagenToday(new Date(previous?.started_at ?? now - FIRST_MEETING_LOOKBACK_MS));
	const meetingId = newId();
	try {
		await db.transaction().execute(async (trx) => {
			await trx
				.insertInto('meeting')
				.values({
					id: meetingId,
					board_id: boardId,
					facilitator_id: actor.userId,
					started_at: now,
					ended_at: null,
					current_index: 0,
					focus_card_id: null,
					minutes_json: null
				})
				.execute();
			await insertItems(
				trx,
				meetingId,
				agenda.output.map((item, i) => ({ ...item, enteredAt: i === 0 ? now : null }))
			);
			await trx
				.insertInto('meeting_attendee')
				.values(
					[...present].map((userId) => ({
						meeting_id: meetingId,
						user_id: userId,
						present: 1,
						source: 'connected',
						at: now
					}))
				)
				.execute();
			// Open actions due by today, and any action whose due date fell since the last meeting.
			const due = await trx
				.selectFrom('action')
				.select(['id', 'due', 'status'])
				.where('board_id', '=', boardId)
				.where('due', '!=', '')
				.where('due', '<=', today)
				.where((eb) => eb.or([eb('status', '=', 'open'), eb('due', '>', since)]))
				.orderBy('due')
				.limit(MEETING_LIMITS.followUp)
				.execute();
			if (due.length > 0)
				await trx
					.insertInto('meeting_follow_up')
					.values(
						due.map((a) => ({
							meeting_id: meetingId,
							action_id: a.id,
							due_at_start: a.due,
							status_at_start: a.status
						}))
					)
					.execute();
		});
	} catch (error) {
		// The unique index on running meetings: someone else started one a moment ago.
		if (await selectActiveMeeting(db, boardId)) return { ok: false, error: 'already_running' };
		throw error;
	}
	return published(boardId, { ok: true, meetingId });
}

async function controlled(
	db: Db,
	boardId: string,
	actor: MeetingActor
): Promise<MeetingResult<{ meeting: MeetingRow }>> {
	const meeting = await selectActiveMeeting(db, boardId);
	if (!meeting) return { ok: false, error: 'not_running' };
	if (!canControlMeeting(meeting, actor)) return { ok: false, error: 'not_allowed' };
	return { ok: true, meeting };
}

/** Makes agenda item `to` current; the leaving item keeps its time. */
export async function goToItem(
	db: Db,
	boardId: string,
	actor: MeetingActor,
	to: number,
	now: number
): Promise<MeetingResult> {
	const found = await controlled(db, boardId, actor);
	if (!found.ok) return found;
	const { meeting } = found;
	const items = await selectItems(db, meeting.id);
	if (!Number.isInteger(to) || to < 0 || to >= items.length)
		return { ok: false, error: 'invalid_item' };
	if (to === meeting.current_index) return { ok: true };
	const moved = moveToItem(items, meeting.current_index, to, now);
	await db.transaction().execute(async (trx) => {
		await updateItemClocks(trx, meeting.id, moved);
		await trx
			.updateTable('meeting')
			.set({ current_index: to })
			.where('id', '=', meeting.id)
			.execute();
	});
	return published(boardId, { ok: true });
}

/** Puts an opening or action card in focus on every screen, or clears the focus (null). */
export async function setFocus(
	db: Db,
	boardId: string,
	actor: MeetingActor,
	cardId: string | null,
	now: number
): Promise<MeetingResult> {
	const found = await controlled(db, boardId, actor);
	if (!found.ok) return found;
	const { meeting } = found;
	if (cardId !== null && !(await isFocusableCard(db, boardId, cardId)))
		return { ok: false, error: 'unknown_card' };
	if (cardId === meeting.focus_card_id) return { ok: true };
	await db.transaction().execute(async (trx) => {
		await trx
			.updateTable('meeting')
			.set({ focus_card_id: cardId })
			.where('id', '=', meeting.id)
			.execute();
		if (cardId !== null)
			await trx
				.insertInto('meeting_focus')
				.values({
					meeting_id: meeting.id,
					card_id: cardId,
					item_position: meeting.current_index,
					at: now
				})
				.execute();
	});
	return published(boardId, { ok: true });
}

/** Openings and actions can be discussed; the projection tables know every one on the board. */
async function isFocusableCard(db: Db, boardId: string, cardId: string): Promise<boolean> {
	if (!isValidId(cardId)) return false;
	const opening = await db
		.selectFrom('opening')
		.select('card_id')
		.where('board_id', '=', boardId)
		.where('card_id', '=', cardId)
		.executeTakeFirst();
	if (opening) return true;
	const action = await db
		.selectFrom('action')
		.select('id')
		.where('board_id', '=', boardId)
		.where('id', '=', cardId)
		.executeTakeFirst();
	return action !== undefined;
}

/** A person's correction of who is present; later connections do not override it. */
export async function setAttendance(
	db: Db,
	boardId: string,
	actor: MeetingActor,
	userId: string,
	present: boolean,
	now: number
): Promise<MeetingResult> {
	const found = await controlled(db, boardId, actor);
	if (!found.ok) return found;
	const members = await selectParticipantIds(db, boardId);
	if (!members.has(userId)) return { ok: false, error: 'unknown_member' };
	await db
		.insertInto('meeting_attendee')
		.values({
			meeting_id: found.meeting.id,
			user_id: userId,
			present: present ? 1 : 0,
			source: 'manual',
			at: now
		})
		.onConflict((oc) =>
			oc
				.columns(['meeting_id', 'user_id'])
				.doUpdateSet({ present: present ? 1 : 0, source: 'manual', at: now })
		)
		.execute();
	return published(boardId, { ok: true });
}

/**
 * A team member's device connected to the board: during a meeting they count as present, unless
 * someone already recorded them (connected before, or corrected by hand). Returns whether it
 * changed anything, so the caller writes the new state only then.
 */
export async function noteConnected(
	db: Db,
	boardId: string,
	userId: string,
	now: number
): Promise<boolean> {
	const meeting = await selectActiveMeeting(db, boardId);
	if (!meeting) return false;
	const members = await selectParticipantIds(db, boardId);
	if (!members.has(userId)) return false;
	const result = await db
		.insertInto('meeting_attendee')
		.values({ meeting_id: meeting.id, user_id: userId, present: 1, source: 'connected', at: now })
		.onConflict((oc) => oc.columns(['meeting_id', 'user_id']).doNothing())
		.executeTakeFirst();
	return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Notes a decision: one line of free text, no personal data. Any editor of the board may. */
export async function addDecision(
	db: Db,
	boardId: string,
	actor: MeetingActor,
	text: string,
	now: number
): Promise<MeetingResult> {
	const meeting = await selectActiveMeeting(db, boardId);
	if (!meeting) return { ok: false, error: 'not_running' };
	const line = text.replace(/\s+/g, ' ').trim();
	if (line === '') return { ok: false, error: 'decision_required' };
	if (line.length > MEETING_LIMITS.decision) return { ok: false, error: 'decision_too_long' };
	if (looksLikeCpr(line)) return { ok: false, error: 'looks_like_cpr' };
	const count = await db
		.selectFrom('meeting_decision')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('meeting_id', '=', meeting.id)
		.executeTakeFirstOrThrow();
	if (Number(count.n) >= MEETING_LIMITS.decisions)
		return { ok: false, error: 'too_many_decisions' };
	await db
		.insertInto('meeting_decision')
		.values({
			id: newId(),
			meeting_id: meeting.id,
			text: line,
			created_by: actor.userId,
			created_at: now
		})
		.execute();
	return published(boardId, { ok: true });
}

/** Ends the meeting and writes its minutes. */
export async function endMeeting(
	db: Db,
	boardId: string,
	actor: MeetingActor,
	now: number
): Promise<MeetingResult<{ meetingId: string }>> {
	const found = await controlled(db, boardId, actor);
	if (!found.ok) return found;
	await finishMeeting(db, found.meeting, now, false);
	return published(boardId, { ok: true, meetingId: found.meeting.id });
}

async function finishMeeting(
	db: Db,
	meeting: MeetingRow,
	now: number,
	automatic: boolean
): Promise<void> {
	await db.transaction().execute(async (trx) => {
		const items = stopItems(await selectItems(trx, meeting.id), now);
		await updateItemClocks(trx, meeting.id, items);
		await trx.updateTable('meeting').set({ ended_at: now }).where('id', '=', meeting.id).execute();
		const minutes = await composeMinutes(trx, { ...meeting, ended_at: now }, automatic);
		await trx
			.updateTable('meeting')
			.set({ minutes_json: JSON.stringify(minutes) })
			.where('id', '=', meeting.id)
			.execute();
	});
}
