import { expect, test, type APIRequestContext } from '@playwright/test';
import { cli, DEMO_TEAM, teamIdByName } from './support';

/**
 * Drives a board meeting through its form actions (/boards/<id>/meeting?/start, ?/decision, …)
 * the way the board's enhanced forms post them: with the Origin SvelteKit checks and asking for
 * JSON, so the answer is the action's result ({ type: 'redirect' | 'success' | 'failure' }).
 */
export async function postMeetingAction(
	request: APIRequestContext,
	boardId: string,
	action: 'start' | 'goto' | 'focus' | 'attendance' | 'decision' | 'end',
	form: Record<string, string> = {}
): Promise<{ type: string; status?: number; location?: string; data?: string }> {
	const baseURL = test.info().project.use.baseURL;
	if (!baseURL) throw new Error('no baseURL in the Playwright config');
	const response = await request.post(`/boards/${boardId}/meeting?/${action}`, {
		form: { ...form, _: '' },
		headers: { origin: baseURL, accept: 'application/json' },
		maxRedirects: 0
	});
	expect(response.status(), `POST ?/${action}`).toBe(200);
	return (await response.json()) as { type: string; location?: string };
}

/** A board of its own for a test's meetings: never the demo board other specs use. */
export function createMeetingBoard(prefix: string): { boardId: string; name: string } {
	const suffix = Math.random().toString(36).slice(2, 8);
	const name = `${prefix} ${suffix}`;
	return {
		boardId: cli(['board', 'create', '--team', teamIdByName(DEMO_TEAM), '--name', name]),
		name
	};
}

/** Starts a meeting with the default agenda and ends it at once; returns the meeting's id. */
export async function runShortMeeting(
	request: APIRequestContext,
	boardId: string
): Promise<string> {
	const started = await postMeetingAction(request, boardId, 'start');
	expect(started, 'the meeting started').toMatchObject({ type: 'redirect' });
	const ended = await postMeetingAction(request, boardId, 'end');
	expect(ended, 'the meeting ended').toMatchObject({ type: 'redirect' });
	const match = /\/meetings\/([a-z0-9_-]+)$/.exec(ended.location ?? '');
	if (!match) throw new Error(`unexpected end redirect: ${ended.location}`);
	return match[1]!;
}
