/**
 * A Server-Sent Events response that says only "something changed": one `change` event per
 * notice from `subscribe`, no data, so the stream reveals nothing a page load would not. The page
 * reloads its own data on each (see src/lib/live/change-stream.svelte.ts). Used by every live
 * page (the overview, the forecast pages). No SvelteKit imports: plain Request/Response.
 */

/** Comments keep proxies from closing an idle stream; each one also re-checks access. */
export const HEARTBEAT_MS = 25_000;

export interface ChangeEventsOptions {
	/** Starts listening; returns the unsubscribe function. */
	subscribe: (onChange: () => void) => () => void;
	/** Asked at every heartbeat: false (a sign-out, an expired session, a lost membership) ends the stream. */
	stillAllowed: () => Promise<boolean>;
	/** The request's signal: a client's disconnect ends the stream. */
	signal: AbortSignal;
	heartbeatMs?: number;
}

export function changeEventsResponse(options: ChangeEventsOptions): Response {
	const encoder = new TextEncoder();
	let stop = (): void => undefined;

	const body = new ReadableStream<Uint8Array>({
		start(controller) {
			let closed = false;
			const send = (text: string): void => {
				if (!closed) controller.enqueue(encoder.encode(text));
			};
			const unsubscribe = options.subscribe(() => send('event: change\ndata: {}\n\n'));
			const heartbeat = setInterval(() => {
				void options
					.stillAllowed()
					.then((allowed) => (allowed ? send(': heartbeat\n\n') : stop()))
					.catch(() => stop());
			}, options.heartbeatMs ?? HEARTBEAT_MS);
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
			options.signal.addEventListener('abort', () => stop());
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
}
