import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as authProtocol from 'y-protocols/auth';
import * as Y from 'yjs';

/** Message types of the y-websocket protocol, as the stock client numbers them. */
export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_AUTH = 2;
export const MESSAGE_QUERY_AWARENESS = 3;

/** Application close codes. 4400-4499 make y-websocket 3.1 stop reconnecting and emit 'closed'. */
export const CLOSE = {
	sessionExpired: 4401,
	noAccess: 4403,
	notFound: 4404,
	tooLarge: 4413,
	invalidUpdate: 4422,
	/** RFC 6455: the payload is not what the protocol allows. */
	malformed: 1007,
	goingAway: 1001
} as const;

export type IncomingMessage =
	| { type: 'sync-step-1'; stateVector: Uint8Array }
	| { type: 'update'; update: Uint8Array }
	| { type: 'awareness'; update: Uint8Array }
	| { type: 'query-awareness' };

/** Parses one frame. Throws on anything that is not a complete, known message. */
export function decodeMessage(data: Uint8Array): IncomingMessage {
	const decoder = decoding.createDecoder(data);
	const type = decoding.readVarUint(decoder);
	let message: IncomingMessage;
	switch (type) {
		case MESSAGE_SYNC: {
			const subtype = decoding.readVarUint(decoder);
			if (subtype === syncProtocol.messageYjsSyncStep1) {
				message = { type: 'sync-step-1', stateVector: decoding.readVarUint8Array(decoder) };
			} else if (
				subtype === syncProtocol.messageYjsSyncStep2 ||
				subtype === syncProtocol.messageYjsUpdate
			) {
				message = { type: 'update', update: decoding.readVarUint8Array(decoder) };
			} else {
				throw new Error(`unknown sync message ${subtype}`);
			}
			break;
		}
		case MESSAGE_AWARENESS:
			message = { type: 'awareness', update: decoding.readVarUint8Array(decoder) };
			break;
		case MESSAGE_QUERY_AWARENESS:
			message = { type: 'query-awareness' };
			break;
		default:
			throw new Error(`unknown message type ${type}`);
	}
	if (decoding.hasContent(decoder)) throw new Error('trailing bytes after message');
	return message;
}

export function encodeSyncStep1(doc: Y.Doc): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, MESSAGE_SYNC);
	syncProtocol.writeSyncStep1(encoder, doc);
	return encoding.toUint8Array(encoder);
}

export function encodeSyncStep2(doc: Y.Doc, stateVector: Uint8Array): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, MESSAGE_SYNC);
	syncProtocol.writeSyncStep2(encoder, doc, stateVector);
	return encoding.toUint8Array(encoder);
}

export function encodeUpdate(update: Uint8Array): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, MESSAGE_SYNC);
	syncProtocol.writeUpdate(encoder, update);
	return encoding.toUint8Array(encoder);
}

export function encodeAwareness(
	awareness: awarenessProtocol.Awareness,
	clients: number[]
): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
	encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, clients));
	return encoding.toUint8Array(encoder);
}

/** The stock client logs this reason ("Permission denied …"); our client shows it to the user. */
export function encodePermissionDenied(reason: string): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, MESSAGE_AUTH);
	authProtocol.writePermissionDenied(encoder, reason);
	return encoding.toUint8Array(encoder);
}

/** WebSocket close reasons are limited to 123 bytes of UTF-8. */
export function closeReason(reason: string): string {
	const bytes = new TextEncoder().encode(reason);
	if (bytes.length <= 123) return reason;
	return new TextDecoder().decode(bytes.slice(0, 120)).replace(/\uFFFD$/, '') + '…';
}
