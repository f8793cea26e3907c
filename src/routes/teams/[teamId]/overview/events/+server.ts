import { findTeamForOverview } from '$lib/server/access';
import { SESSION_COOKIE, validateSessionToken } from '$lib/server/auth/session';
import { boardChanges } from '$lib/server/overview/changes';
import { watchTeam } from '$lib/server/overview/overview.service';
import type { RequestHandler } from './$types';
import { requireOverview } from '../require-overview';

/** Comments keep proxies from closing an idle stream; each one also re-checks access. */
const HEARTBEAT_MS = 25_000;

/**
 * Server-Sent Events: one `change` event whenever a board of the team commits a change to its
 * openings or matches. The page reloads its figures on each (debounced); no data is sent here,
 * so the stream reveals nothing the page load would not.
 */
export const GET: RequestHandler = async (event) => {
	const { db, teamId, userId } = await requireOverview(event, 401);
	const token = event.cookies.get(SESSION_COOKIE) ?? '';
	const encoder = new TextEncoder();
	let stop = (): void => undefined;

	const body = new ReadableStream<Uint8Array>({
		start(controller) {
			let closed = false;
			const send = (text: string): void => {
				if (!closed) controller.enqueue(encoder.encode(text));
			};
			const unsubscribe = watchTeam(
				db,
				boardChanges(),
				teamId,
				() => send('event: change\ndata: {}\n\n'),
				(error) => console.error('overview stream: board lookup failed', error)
			);
			// A sign-out, an expired session or a removed membership ends the stream too.
			const heartbeat = setInterval(() => {
				void (async () => {
					const { user } = await validateSessionToken(db, token, Date.now());
					const access = user ? await findTeamForOverview(db, user, teamId) : null;
					if (!access || user?.id !== userId) stop();
					else send(': heartbeat\n\n');
				})().catch(() => stop());
			}, HEARTBEAT_MS);
			stop = () => {
				if (closed) return;
				closed = true;
				clearInterval(heartbeat);
				unsubscribe();
				try {
					controller.close();
				} catch {
					// Already closed by the client's disconnect.
				}
			};
			event.request.signal.addEventListener('abort', () => stop());
			// retry: how long EventSource waits before reconnecting after a drop.
			send('retry: 2000\n: connected\n\n');
		},
		cancel() {
			stop();
		}
	});

	return new Response(body, {
		headers: {
			'content-type': 'text/event-stream; charset=utf-8',
			'cache-control': 'no-cache, no-store',
			connection: 'keep-alive',
			'x-accel-buffering': 'no'
		}
	});
};
