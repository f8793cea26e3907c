import * as Y from 'yjs';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { test, type BrowserContext } from '@playwright/test';
import { sessionCookie } from './support';

/**
 * Sets up board state for a browser test through the real sync server, as another device of the
 * signed-in person would: the stock y-websocket client with the context's session cookie. Used
 * where the test is about something else than the UI that would make the change.
 */
export async function editBoardAs(
	context: BrowserContext,
	boardId: string,
	edit: (doc: Y.Doc) => void
): Promise<void> {
	const baseURL = test.info().project.use.baseURL;
	if (!baseURL) throw new Error('no baseURL in the Playwright config');
	const cookie = await sessionCookie(context.request);
	if (!cookie) throw new Error('the context is not signed in');
	class CookieWebSocket extends WebSocket {
		constructor(address: string | URL, protocols?: string | string[]) {
			super(address, protocols, { headers: { cookie, origin: baseURL } });
		}
	}
	const doc = new Y.Doc();
	const provider = new WebsocketProvider(`${baseURL.replace(/^http/, 'ws')}/sync`, boardId, doc, {
		WebSocketPolyfill: CookieWebSocket as unknown as typeof globalThis.WebSocket,
		disableBc: true
	});
	try {
		await new Promise<void>((resolve, reject) => {
			const timer = setTimeout(() => reject(new Error('board did not sync')), 10_000);
			provider.once('sync', () => {
				clearTimeout(timer);
				resolve();
			});
		});
		const sent = new Promise<void>((resolve) => doc.once('update', () => resolve()));
		edit(doc);
		await sent;
		// The server handles one socket's frames in order, so its answer to a sync step 1 sent
		// after the update proves the update was stored (or refused, which closes the socket).
		await roundTrip(provider);
	} finally {
		provider.destroy();
		doc.destroy();
	}
}

function roundTrip(provider: WebsocketProvider): Promise<void> {
	const ws = provider.ws;
	if (!ws || ws.readyState !== ws.OPEN)
		throw new Error('the edit was refused or the socket closed');
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => {
			ws.removeEventListener('message', onMessage);
			reject(new Error('the server did not answer'));
		}, 10_000);
		const onClose = (event: CloseEvent): void => {
			clearTimeout(timer);
			reject(new Error(`the server refused the edit: ${event.code} ${event.reason}`));
		};
		ws.addEventListener('close', onClose, { once: true });
		const onMessage = (event: MessageEvent): void => {
			const bytes = new Uint8Array(event.data as ArrayBuffer);
			if (bytes[0] === 0 && bytes[1] === syncProtocol.messageYjsSyncStep2) {
				clearTimeout(timer);
				ws.removeEventListener('message', onMessage);
				ws.removeEventListener('close', onClose);
				resolve();
			}
		};
		ws.addEventListener('message', onMessage);
		const encoder = encoding.createEncoder();
		encoding.writeVarUint(encoder, 0);
		syncProtocol.writeSyncStep1(encoder, provider.doc);
		ws.send(encoding.toUint8Array(encoder));
	});
}
