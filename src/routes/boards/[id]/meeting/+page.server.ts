import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { isValidId } from '$lib/board/ids';
import { DEFAULT_AGENDA } from '$lib/meeting/agenda';
import { agendaRows, readAgendaForm } from '$lib/meeting/agenda-form';
import { m } from '$lib/paraglide/messages.js';
import { findBoardForMember } from '$lib/server/access';
import {
	addDecision,
	blocksNewStart,
	endMeeting,
	goToItem,
	setAttendance,
	setFocus,
	startMeeting,
	type MeetingActor,
	type MeetingResult
} from '$lib/server/meetings/meeting.service';
import { lastAgenda, selectActiveMeeting } from '$lib/server/meetings/meeting.repository';
import { getRuntime } from '$lib/server/runtime';
import { readFormText } from '$lib/server/validation';
import type { Actions, PageServerLoad } from './$types';

/**
 * The board meeting's controls (issue 5 point 3): the start page with the agenda, and one form
 * action per step, posted from the board (the facilitator's phone or laptop). Editors of the
 * board may start a meeting and note decisions; the service decides who may steer it.
 */
async function requireEditor(event: Pick<RequestEvent, 'locals' | 'params' | 'url' | 'request'>) {
	const { locals, url, request } = event;
	const id = event.params.id ?? '';
	if (!locals.user) {
		const back = request.method === 'GET' ? url.pathname : `/boards/${id}/meeting`;
		redirect(303, `/login?redirectTo=${encodeURIComponent(back)}`);
	}
	const { db, connectedUsers } = await getRuntime();
	const access = isValidId(id) ? await findBoardForMember(db, locals.user, id) : null;
	if (!access) error(404, m.board_not_found());
	if (!access.canEdit) error(403, m.meeting_error_not_allowed());
	const actor: MeetingActor = { userId: locals.user.id, role: access.role };
	return { db, board: access.board, actor, connectedUsers };
}

/** A refused step: the code for the page to put in words, with the status that fits it. */
function refused(action: string, result: Extract<MeetingResult, { ok: false }>, values = {}) {
	const status =
		result.error === 'not_allowed' ? 403 : result.error === 'already_running' ? 409 : 400;
	return fail(status, { action, error: result.error, values });
}

export const load: PageServerLoad = async (event) => {
	const { db, board } = await requireEditor(event);
	const [last, active] = await Promise.all([
		lastAgenda(db, board.id),
		selectActiveMeeting(db, board.id)
	]);
	return {
		board: { id: board.id, name: board.name },
		// The team's last agenda is the next meeting's starting point.
		agenda: agendaRows(last ?? DEFAULT_AGENDA),
		fromLastMeeting: last !== undefined,
		running: active !== undefined && blocksNewStart(active, Date.now())
	};
};

export const actions: Actions = {
	start: async (event) => {
		const { db, board, actor, connectedUsers } = await requireEditor(event);
		const form = readAgendaForm(await event.request.formData());
		if (!form.ok)
			return fail(400, {
				action: 'start',
				rows: form.rows,
				issues: form.issues,
				tooMany: form.tooMany
			});
		const result = await startMeeting(db, {
			boardId: board.id,
			actor,
			agenda: form.agenda,
			connectedUserIds: connectedUsers?.(board.id) ?? [],
			now: Date.now()
		});
		if (!result.ok) return refused('start', result);
		redirect(303, `/boards/${board.id}`);
	},
	goto: async (event) => {
		const { db, board, actor } = await requireEditor(event);
		const { item } = readFormText(await event.request.formData(), ['item']);
		const index = /^\d{1,2}$/.test(item) ? Number(item) : -1;
		const result = await goToItem(db, board.id, actor, index, Date.now());
		if (!result.ok) return refused('goto', result);
		return { action: 'goto' };
	},
	focus: async (event) => {
		const { db, board, actor } = await requireEditor(event);
		const { cardId } = readFormText(await event.request.formData(), ['cardId']);
		const result = await setFocus(db, board.id, actor, cardId === '' ? null : cardId, Date.now());
		if (!result.ok) return refused('focus', result);
		return { action: 'focus' };
	},
	attendance: async (event) => {
		const { db, board, actor } = await requireEditor(event);
		const { userId, present } = readFormText(await event.request.formData(), ['userId', 'present']);
		const result = await setAttendance(db, board.id, actor, userId, present === '1', Date.now());
		if (!result.ok) return refused('attendance', result);
		return { action: 'attendance' };
	},
	decision: async (event) => {
		const { db, board, actor } = await requireEditor(event);
		const { text } = readFormText(await event.request.formData(), ['text']);
		const result = await addDecision(db, board.id, actor, text, Date.now());
		if (!result.ok) return refused('decision', result, { text });
		return { action: 'decision' };
	},
	end: async (event) => {
		const { db, board, actor } = await requireEditor(event);
		const result = await endMeeting(db, board.id, actor, Date.now());
		if (!result.ok) return refused('end', result);
		redirect(303, `/boards/${board.id}/meetings/${result.meetingId}`);
	}
};
