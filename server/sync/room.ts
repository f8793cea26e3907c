import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { readBoard } from '../../src/lib/board/model';
import { checkBoard } from '../../src/lib/board/schema';
import { getServerData, writeServerValue, type ServerKey } from '../../src/lib/board/server-data';
import { LIMITS } from '../../src/lib/board/types';
import type { Db } from '../../src/lib/server/db/connect';
import {
	CLOSE,
	closeReason,
	decodeMessage,
	encodeAwareness,
	encodePermissionDenied,
	encodeSyncStep1,
	encodeSyncStep2,
	encodeUpdate
} from './protocol';
import { appendUpdate, compactBoard, loadBoardState } from './update-log';
import {
	diffProjection,
	emptyProjection,
	isEmptyChange,
	projectBoard,
	replaceProjection,
	type Projection
} from '../../src/lib/server/boards/projection';
import type { Logger } from './logger';

/** The minimal socket a room needs; `ws` satisfies it, and tests can too. */
export interface PeerSocket {
	send(data: Uint8Array): void;
	close(code: number, reason: string): void;
}

export interface Peer {
	socket: PeerSocket;
	userId: string;
	canEdit: boolean;
	/** False for a meeting-room screen: it reads others' presence but does not announce its own. */
	announces?: boolean;
	/** Awareness client ids this peer announced; removed when it leaves. */
	awarenessIds: Set<number>;
}

export interface RoomOptions {
	db: Db;
	boardId: string;
	log: Logger;
	now: () => number;
	/** Compact the update log into a snapshot after this many appended updates. */
	compactEvery: number;
	/** Told after a committed update changed this board's opening or match rows (the overview listens). */
	onProjectionChanged?: (boardId: string) => void;
	/**
	 * The server-authored data the board should carry now (server-data.ts), written while the
	 * board loads, before any peer is served. A failure is logged and the board loads without it.
	 */
	loadServerData?: (boardId: string) => Promise<Partial<Record<ServerKey, unknown>>>;
}

/** Origin of the server's own writes (server-data.ts), so listeners can tell them from peers'. */
export const SERVER_ORIGIN = Symbol('server');

export type Refusal = { code: number; reason: string };

/** Awareness states are presence and focus only; anything bigger is abuse. */
const MAX_AWARENESS_BYTES = 16 * 1024;

/**
 * One live board. Messages from all peers go through one queue, so every update is checked,
 * appended to the log, applied and broadcast in a single order, and a late joiner's sync reply
 * always reflects exactly the updates accepted before it.
 */
export class Room {
	readonly boardId: string;
	readonly peers = new Set<Peer>();
	readonly doc = new Y.Doc();
	readonly awareness = new awarenessProtocol.Awareness(this.doc);
	/** Trial copy: an update is applied here first and only reaches `doc` if the board stays valid. */
	#shadow = new Y.Doc();
	#queue: Promise<void> = Promise.resolve();
	#lastUpdateId = 0;
	#sinceCompaction = 0;
	#compactionScheduled = false;
	#closed = false;
	/** What the opening and match tables hold for this board, to write only what an update changes. */
	#projected: Projection = emptyProjection();
	readonly ready: Promise<void>;
	readonly #options: RoomOptions;

	constructor(options: RoomOptions) {
		this.#options = options;
		this.boardId = options.boardId;
		// Define the server root as a map before any update arrives, so a client's write to it is
		// seen as a change of this very type (see #trial).
		getServerData(this.doc);
		getServerData(this.#shadow);
		this.awareness.setLocalState(null);
		this.awareness.on(
			'update',
			(
				{ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
				origin: unknown
			) => {
				const changed = [...added, ...updated, ...removed];
				if (origin && typeof origin === 'object' && 'awarenessIds' in origin) {
					const peer = origin as Peer;
					for (const id of added) peer.awarenessIds.add(id);
					for (const id of removed) peer.awarenessIds.delete(id);
				}
				this.#broadcast(encodeAwareness(this.awareness, changed));
			}
		);
		this.ready = this.#enqueue(() => this.#load());
	}

	get closed(): boolean {
		return this.#closed;
	}

	async #load(): Promise<void> {
		const state = await loadBoardState(this.#options.db, this.boardId);
		Y.transact(this.doc, () => {
			for (const update of state.updates) Y.applyUpdate(this.doc, update);
		});
		Y.applyUpdate(this.#shadow, Y.encodeStateAsUpdate(this.doc));
		this.#lastUpdateId = state.lastUpdateId;
		this.#sinceCompaction = state.updates.length;
		this.#projected = projectBoard(this.boardId, readBoard(this.doc));
		await replaceProjection(this.#options.db, this.boardId, this.#projected);
		try {
			const data = (await this.#options.loadServerData?.(this.boardId)) ?? {};
			for (const [key, value] of Object.entries(data) as [ServerKey, unknown][])
				await this.#writeServerData(key, value);
		} catch (error) {
			this.#options.log.error('server data not written at load', {
				boardId: this.boardId,
				error: String(error)
			});
		}
	}

	/** Runs tasks one after another; a failing task is logged and does not stop the queue. */
	#enqueue(task: () => Promise<void> | void): Promise<void> {
		const run = this.#queue.then(task);
		this.#queue = run.catch((error: unknown) => {
			this.#options.log.error('room task failed', { boardId: this.boardId, error: String(error) });
		});
		return run;
	}

	join(peer: Peer): void {
		this.peers.add(peer);
		void this.#enqueue(() => {
			if (!this.peers.has(peer)) return;
			peer.socket.send(encodeSyncStep1(this.doc));
			const states = [...this.awareness.getStates().keys()];
			if (states.length > 0) peer.socket.send(encodeAwareness(this.awareness, states));
		});
	}

	leave(peer: Peer): void {
		if (!this.peers.delete(peer)) return;
		if (peer.awarenessIds.size > 0)
			awarenessProtocol.removeAwarenessStates(this.awareness, [...peer.awarenessIds], null);
	}

	/** Handles one frame from a peer. Malformed frames close that peer's socket, nothing more. */
	receive(peer: Peer, data: Uint8Array): Promise<void> {
		let message: ReturnType<typeof decodeMessage>;
		try {
			message = decodeMessage(data);
		} catch (error) {
			this.#options.log.warn('malformed message', {
				boardId: this.boardId,
				userId: peer.userId,
				error: String(error)
			});
			this.#expel(peer, CLOSE.malformed, 'malformed message');
			return Promise.resolve();
		}
		return this.#enqueue(() => {
			if (!this.peers.has(peer)) return;
			switch (message.type) {
				case 'sync-step-1':
					peer.socket.send(encodeSyncStep2(this.doc, message.stateVector));
					return;
				case 'update':
					return this.#receiveUpdate(peer, message.update);
				case 'awareness':
					this.#receiveAwareness(peer, message.update);
					return;
				case 'query-awareness':
					peer.socket.send(encodeAwareness(this.awareness, [...this.awareness.getStates().keys()]));
					return;
			}
		});
	}

	#receiveAwareness(peer: Peer, update: Uint8Array): void {
		if (peer.announces === false) return;
		if (update.byteLength > MAX_AWARENESS_BYTES) {
			this.#refuse(peer, { code: CLOSE.tooLarge, reason: 'awareness update too large' });
			return;
		}
		try {
			awarenessProtocol.applyAwarenessUpdate(this.awareness, update, peer);
		} catch (error) {
			this.#options.log.warn('malformed awareness', {
				boardId: this.boardId,
				error: String(error)
			});
			this.#expel(peer, CLOSE.malformed, 'malformed awareness update');
		}
	}

	async #receiveUpdate(peer: Peer, update: Uint8Array): Promise<void> {
		// Read-only peers (viewers) are served but their writes are dropped, never applied.
		if (!peer.canEdit) return;
		if (update.byteLength > LIMITS.updateBytes) {
			this.#refuse(peer, {
				code: CLOSE.tooLarge,
				reason: `update too large (${update.byteLength} bytes, limit ${LIMITS.updateBytes})`
			});
			return;
		}
		const effective = this.#trial(update);
		if (!effective.ok) {
			this.#refuse(peer, {
				code: CLOSE.invalidUpdate,
				reason: `invalid update: ${effective.reason}`
			});
			return;
		}
		if (effective.update === null) return;
		// The shadow now holds the accepted state: project it before the doc has it.
		const projected = projectBoard(this.boardId, readBoard(this.#shadow));
		const changes = diffProjection(this.#projected, projected);
		let id: number;
		try {
			id = await appendUpdate(
				this.#options.db,
				this.boardId,
				effective.update,
				this.#options.now(),
				changes
			);
		} catch (error) {
			// Not stored, so not accepted: the shadow must forget it too, or it would run ahead of doc.
			this.#resetShadow();
			throw error;
		}
		this.#projected = projected;
		this.#lastUpdateId = id;
		Y.applyUpdate(this.doc, effective.update, peer);
		this.#broadcast(encodeUpdate(effective.update), peer);
		// After the commit, so a listener that reads the tables sees this update.
		if (!isEmptyChange(changes)) this.#options.onProjectionChanged?.(this.boardId);
		this.#sinceCompaction++;
		if (this.#sinceCompaction >= this.#options.compactEvery) this.#scheduleCompaction();
	}

	/**
	 * Applies the update to the shadow doc and checks the board. Returns what the update actually
	 * added (duplicates from sync step 2 add nothing), or the reason it was refused.
	 */
	#trial(
		update: Uint8Array
	): { ok: true; update: Uint8Array | null } | { ok: false; reason: string } {
		const emitted: Uint8Array[] = [];
		const collect = (u: Uint8Array): void => {
			emitted.push(u);
		};
		const serverRoot: unknown = getServerData(this.#shadow);
		let touchesServerData = false;
		const watch = (transaction: Y.Transaction): void => {
			for (const type of transaction.changed.keys())
				if (type === serverRoot) touchesServerData = true;
		};
		this.#shadow.on('update', collect);
		this.#shadow.on('afterTransaction', watch);
		let verdict: { ok: true } | { ok: false; reason: string };
		try {
			Y.applyUpdate(this.#shadow, update);
			verdict = touchesServerData
				? { ok: false, reason: 'server data is written by the server only' }
				: checkBoard(this.#shadow);
		} catch (error) {
			verdict = { ok: false, reason: `undecodable update (${String(error).slice(0, 60)})` };
		} finally {
			this.#shadow.off('update', collect);
			this.#shadow.off('afterTransaction', watch);
		}
		if (!verdict.ok) {
			this.#resetShadow();
			return verdict;
		}
		if (emitted.length === 0) return { ok: true, update: null };
		return { ok: true, update: emitted.length === 1 ? emitted[0]! : Y.mergeUpdates(emitted) };
	}

	#resetShadow(): void {
		this.#shadow.destroy();
		this.#shadow = new Y.Doc();
		getServerData(this.#shadow);
		Y.applyUpdate(this.#shadow, Y.encodeStateAsUpdate(this.doc));
	}

	/**
	 * Writes server-authored data (server-data.ts) the way a peer's update goes: checked on the
	 * shadow, appended to the log, applied and broadcast to every peer, in the room's one order.
	 * Nothing is written when the board already holds the same value. Resolves true if it wrote.
	 */
	writeServerData(key: ServerKey, value: unknown): Promise<boolean> {
		let wrote = false;
		return this.#enqueue(async () => {
			if (!this.#closed) wrote = await this.#writeServerData(key, value);
		}).then(() => wrote);
	}

	/** writeServerData's work; runs inside the queue. */
	async #writeServerData(key: ServerKey, value: unknown): Promise<boolean> {
		const emitted: Uint8Array[] = [];
		const collect = (u: Uint8Array): void => {
			emitted.push(u);
		};
		this.#shadow.on('update', collect);
		try {
			if (!writeServerValue(this.#shadow, key, value, SERVER_ORIGIN)) return false;
		} finally {
			this.#shadow.off('update', collect);
		}
		const verdict = checkBoard(this.#shadow);
		const update = emitted.length === 1 ? emitted[0]! : Y.mergeUpdates(emitted);
		if (!verdict.ok) {
			this.#resetShadow();
			throw new Error(`server data refused by the schema check: ${verdict.reason}`);
		}
		try {
			this.#lastUpdateId = await appendUpdate(
				this.#options.db,
				this.boardId,
				update,
				this.#options.now()
			);
		} catch (error) {
			this.#resetShadow();
			throw error;
		}
		Y.applyUpdate(this.doc, update, SERVER_ORIGIN);
		this.#broadcast(encodeUpdate(update));
		this.#sinceCompaction++;
		if (this.#sinceCompaction >= this.#options.compactEvery) this.#scheduleCompaction();
		return true;
	}

	#refuse(peer: Peer, refusal: Refusal): void {
		this.#options.log.warn('update refused', {
			boardId: this.boardId,
			userId: peer.userId,
			reason: refusal.reason
		});
		peer.socket.send(encodePermissionDenied(refusal.reason));
		this.#expel(peer, refusal.code, closeReason(refusal.reason));
	}

	/**
	 * Closes the peer's socket and takes it out of the room at once: frames it sent after the
	 * offending one may already be queued, and a socket being closed must not get them accepted.
	 */
	#expel(peer: Peer, code: number, reason: string): void {
		peer.socket.close(code, reason);
		this.leave(peer);
	}

	#broadcast(message: Uint8Array, except?: Peer): void {
		for (const peer of this.peers) if (peer !== except) peer.socket.send(message);
	}

	#scheduleCompaction(): void {
		if (this.#compactionScheduled) return;
		this.#compactionScheduled = true;
		// setImmediate: let queued edits go first; compaction is housekeeping, not on the edit path.
		setImmediate(() => {
			void this.#enqueue(async () => {
				this.#compactionScheduled = false;
				await this.compact();
			});
		});
	}

	/** Folds the update log into a snapshot. Must run inside the queue (or after it has drained). */
	async compact(): Promise<void> {
		if (this.#sinceCompaction <= 1) return;
		await compactBoard(
			this.#options.db,
			this.boardId,
			Y.encodeStateAsUpdate(this.doc),
			this.#lastUpdateId,
			this.#options.now()
		);
		this.#sinceCompaction = 1;
	}

	/** Waits for queued work, compacts, and frees the documents. The room is unusable afterwards. */
	async close(): Promise<void> {
		if (this.#closed) return;
		this.#closed = true;
		await this.#enqueue(() => this.compact());
		this.awareness.destroy();
		this.doc.destroy();
		this.#shadow.destroy();
	}

	/** Resolves when everything queued so far has run. */
	drain(): Promise<void> {
		return this.#enqueue(() => undefined);
	}
}

export function closeFor(socket: PeerSocket, refusal: Refusal): void {
	socket.close(refusal.code, closeReason(refusal.reason));
}
