import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { IndexeddbPersistence } from 'y-indexeddb';
import type { Awareness } from 'y-protocols/awareness';

/**
 * The board's client connection: the one module that imports y-websocket and y-indexeddb.
 * It owns the Y.Doc, the local cache, the socket and awareness, and reports plain values
 * (state, problem, peers) so the runes adapter never has to know how syncing works.
 * Browser only: create it from onMount, never during server rendering.
 */

export type ConnectionState = 'connecting' | 'online' | 'reconnecting' | 'offline';

/** Why the server closed the socket for good (y-websocket stops reconnecting on 4400-4499). */
export type ConnectionProblem =
	| { kind: 'session-expired' }
	| { kind: 'no-access' }
	| { kind: 'not-found' }
	| { kind: 'invalid-update'; reason: string }
	| { kind: 'closed'; code: number; reason: string };

export interface PresenceUser {
	id: string;
	name: string;
	/** CSS colour (#rrggbb), dark enough for white text. */
	color: string;
}

/** One client on the board as awareness reports it; checked, because peers send what they like. */
export interface Peer {
	clientId: number;
	user: PresenceUser;
	focus: string | null;
	isSelf: boolean;
}

export interface ConnectionSnapshot {
	state: ConnectionState;
	problem: ConnectionProblem | null;
	/** Local edits that have not been handed to a live, synced socket yet (kept in IndexedDB). */
	pending: boolean;
	/** The IndexedDB cache has been read (or could not be opened). */
	cacheLoaded: boolean;
	/** The server's copy has been received at least once in this session. */
	everSynced: boolean;
}

export interface BoardConnectionOptions {
	boardId: string;
	user: { id: string; name: string };
	/**
	 * A meeting-room screen's link token (issue 5): the socket is admitted by it instead of a
	 * session, nothing is cached on the (shared) device, and the screen does not announce itself.
	 */
	screenToken?: string;
}

export const CACHE_PREFIX = 'tavlen-board-';
const REGISTRY_KEY = 'tavlen-board-caches';
/** Ceiling of the reconnect backoff; randomised per attempt so a restarted server is not hit by every client at once. */
const BACKOFF_MIN_CAP_MS = 3000;
const BACKOFF_MAX_CAP_MS = 8000;
/** Connect without the cache if IndexedDB hangs (it can in private windows). */
const CACHE_TIMEOUT_MS = 3000;

const CLOSE_SESSION_EXPIRED = 4401;
const CLOSE_NO_ACCESS = 4403;
const CLOSE_NOT_FOUND = 4404;
const CLOSE_TOO_LARGE = 4413;
const CLOSE_INVALID_UPDATE = 4422;

const PALETTE = [
	'#1f4e79',
	'#7a2e8e',
	'#0f6b5c',
	'#9c3d10',
	'#4a5a12',
	'#8a1c4a',
	'#234c9e',
	'#5b4636'
];

/** A stable colour per user, so the same person looks the same on every screen. */
export function colorForUser(userId: string): string {
	let hash = 0;
	for (const char of userId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
	return PALETTE[hash % PALETTE.length]!;
}

/**
 * One cache per user and board: if a session ends without sign-out and someone else signs in
 * on the device, the first person's unsynced edits must not be sent under the second's name.
 */
export function cacheName(boardId: string, userId: string): string {
	return `${CACHE_PREFIX}${userId}-${boardId}`;
}

function syncServerUrl(): string {
	const protocol = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
	return `${protocol}//${window.location.host}/sync`;
}

function problemFor(code: number, reason: string): ConnectionProblem {
	switch (code) {
		case CLOSE_SESSION_EXPIRED:
			return { kind: 'session-expired' };
		case CLOSE_NO_ACCESS:
			return { kind: 'no-access' };
		case CLOSE_NOT_FOUND:
			return { kind: 'not-found' };
		case CLOSE_TOO_LARGE:
		case CLOSE_INVALID_UPDATE:
			return { kind: 'invalid-update', reason: reason.replace(/^invalid update:\s*/i, '') };
		default:
			return { kind: 'closed', code, reason };
	}
}

function readPeer(clientId: number, state: unknown, selfId: number): Peer | null {
	if (typeof state !== 'object' || state === null) return null;
	const { user, focus } = state as { user?: unknown; focus?: unknown };
	if (typeof user !== 'object' || user === null) return null;
	const { id, name, color } = user as { id?: unknown; name?: unknown; color?: unknown };
	if (typeof id !== 'string' || !/^[a-z0-9_-]{1,40}$/.test(id)) return null;
	if (typeof name !== 'string' || name.trim() === '') return null;
	return {
		clientId,
		user: {
			id,
			name: name.trim().slice(0, 80),
			color: typeof color === 'string' && /^#[0-9a-f]{6}$/i.test(color) ? color : colorForUser(id)
		},
		focus: typeof focus === 'string' && focus.length <= 40 ? focus : null,
		isSelf: clientId === selfId
	};
}

function rememberCache(name: string): void {
	try {
		const names = new Set<string>(
			JSON.parse(localStorage.getItem(REGISTRY_KEY) ?? '[]') as string[]
		);
		names.add(name);
		localStorage.setItem(REGISTRY_KEY, JSON.stringify([...names]));
	} catch {
		// The registry is only a fallback for browsers without indexedDB.databases().
	}
}

function rememberedCaches(): string[] {
	try {
		const value: unknown = JSON.parse(localStorage.getItem(REGISTRY_KEY) ?? '[]');
		return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
	} catch {
		return [];
	}
}

function deleteDatabase(name: string): Promise<void> {
	return new Promise((resolve, reject) => {
		const request = indexedDB.deleteDatabase(name);
		request.onsuccess = () => resolve();
		request.onerror = () => reject(request.error ?? new Error(`could not delete ${name}`));
		// Another tab still has it open; it is told by 'versionchange' and the delete finishes when it lets go.
		request.onblocked = () => resolve();
	});
}

/** Connections open in this tab, so logout can close them before deleting their caches. */
const live = new Set<BoardConnection>();

export class BoardConnection {
	readonly doc = new Y.Doc();
	readonly boardId: string;
	readonly #cacheName: string;
	readonly #provider: WebsocketProvider;
	/** Null for a screen: a shared TV keeps no copy of the board. */
	readonly #persistence: IndexeddbPersistence | null;
	readonly #listeners = new Set<() => void>();
	#problem: ConnectionProblem | null = null;
	#cacheLoaded = false;
	#everSynced = false;
	#pending = false;
	#flushTimer: ReturnType<typeof setTimeout> | undefined;
	#destroyed = false;
	#snapshot: ConnectionSnapshot;

	constructor(options: BoardConnectionOptions) {
		this.boardId = options.boardId;
		this.#cacheName = cacheName(options.boardId, options.user.id);
		const screen = options.screenToken !== undefined;
		if (!screen) rememberCache(this.#cacheName);
		this.#persistence = screen ? null : new IndexeddbPersistence(this.#cacheName, this.doc);
		this.#provider = new WebsocketProvider(syncServerUrl(), options.boardId, this.doc, {
			connect: false,
			maxBackoffTime: BACKOFF_MIN_CAP_MS,
			// Every edit goes through the server's check; tabs must not hand edits to each other around it.
			disableBc: true,
			params: screen ? { screen: options.screenToken! } : {}
		});
		this.awareness.setLocalState(
			screen
				? null
				: {
						user: {
							id: options.user.id,
							name: options.user.name,
							color: colorForUser(options.user.id)
						},
						focus: null
					}
		);
		this.#snapshot = this.#computeSnapshot();

		this.#provider.on('status', this.#changed);
		this.#provider.on('sync', this.#onSync);
		this.#provider.on('connection-close', this.#onConnectionClose);
		this.#provider.on('closed', this.#onClosed);
		this.doc.on('update', this.#onDocUpdate);
		window.addEventListener('online', this.#onOnline);
		window.addEventListener('offline', this.#changed);
		live.add(this);

		// Connect after the cache is applied, so the first sync step already carries offline edits.
		const timeout = new Promise<void>((resolve) => setTimeout(resolve, CACHE_TIMEOUT_MS));
		const persistence = this.#persistence;
		const cache = persistence
			? Promise.race([persistence.whenSynced.then(() => this.#watchCacheDeletion()), timeout])
			: Promise.resolve();
		cache
			.catch((error: unknown) => console.warn('board cache unavailable', error))
			.finally(() => {
				this.#cacheLoaded = true;
				if (!this.#destroyed && this.#problem === null) this.#provider.connect();
				this.#changed();
			});
	}

	get awareness(): Awareness {
		return this.#provider.awareness;
	}

	get snapshot(): ConnectionSnapshot {
		return this.#snapshot;
	}

	/** Calls `listener` whenever the snapshot changes; returns the unsubscribe function. */
	subscribe(listener: () => void): () => void {
		this.#listeners.add(listener);
		return () => this.#listeners.delete(listener);
	}

	/** Subscribes to peer changes (join, leave, focus). */
	onPeers(listener: (peers: Peer[]) => void): () => void {
		const handler = () => listener(this.peers());
		this.awareness.on('change', handler);
		return () => this.awareness.off('change', handler);
	}

	peers(): Peer[] {
		const selfId = this.doc.clientID;
		const peers: Peer[] = [];
		for (const [clientId, state] of this.awareness.getStates()) {
			const peer = readPeer(clientId, state, selfId);
			if (peer) peers.push(peer);
		}
		return peers;
	}

	/** Tells the others which card this person is looking at (the meeting's "card in focus"). */
	setFocus(cardId: string | null): void {
		if (this.#destroyed) return;
		const current = this.awareness.getLocalState();
		if (!current || current.focus === cardId) return;
		this.awareness.setLocalStateField('focus', cardId);
	}

	/** True when `origin` marks a change that came from the server or the cache, not from this person. */
	isRemoteOrigin(origin: unknown): boolean {
		return origin === this.#provider || (origin !== null && origin === this.#persistence);
	}

	/** Closes the socket and the cache; the doc is unusable afterwards. */
	async destroy(): Promise<void> {
		if (this.#destroyed) return;
		this.#destroyed = true;
		live.delete(this);
		clearTimeout(this.#flushTimer);
		window.removeEventListener('online', this.#onOnline);
		window.removeEventListener('offline', this.#changed);
		this.doc.off('update', this.#onDocUpdate);
		this.awareness.setLocalState(null);
		this.#provider.destroy();
		this.awareness.destroy();
		this.#listeners.clear();
		await this.#persistence?.destroy();
		this.doc.destroy();
	}

	/** Throws away this board's local copy (also any unsynced edits) and closes the connection. */
	async clearCache(): Promise<void> {
		await this.destroy();
		if (this.#persistence) await deleteDatabase(this.#cacheName);
	}

	#computeSnapshot(): ConnectionSnapshot {
		const provider = this.#provider;
		let state: ConnectionState;
		if (this.#problem !== null || !navigator.onLine) state = 'offline';
		else if (provider.wsconnected && provider.synced) state = 'online';
		else state = this.#everSynced ? 'reconnecting' : 'connecting';
		return {
			state,
			problem: this.#problem,
			pending: this.#pending,
			cacheLoaded: this.#cacheLoaded,
			everSynced: this.#everSynced
		};
	}

	#changed = (): void => {
		if (this.#destroyed) return;
		const next = this.#computeSnapshot();
		const prev = this.#snapshot;
		if (
			next.state === prev.state &&
			next.problem === prev.problem &&
			next.pending === prev.pending &&
			next.cacheLoaded === prev.cacheLoaded &&
			next.everSynced === prev.everSynced
		)
			return;
		this.#snapshot = next;
		if (next.state === 'online' && next.pending) this.#scheduleFlushCheck();
		for (const listener of this.#listeners) listener();
	};

	#onSync = (synced: boolean): void => {
		if (synced) this.#everSynced = true;
		this.#changed();
	};

	#onOnline = (): void => {
		// Skip the rest of the backoff: the network is back now.
		if (this.#problem === null && this.#cacheLoaded && !this.#destroyed) this.#provider.connect();
		this.#changed();
	};

	#onConnectionClose = (): void => {
		this.#provider.maxBackoffTime =
			BACKOFF_MIN_CAP_MS + Math.random() * (BACKOFF_MAX_CAP_MS - BACKOFF_MIN_CAP_MS);
		this.#changed();
	};

	#onClosed = (event: { code: number; reason: string }): void => {
		this.#problem = problemFor(event.code, event.reason);
		this.#changed();
		// Access is gone: board content is need-to-know, so the local copy goes too.
		if (this.#problem.kind === 'no-access' || this.#problem.kind === 'not-found') {
			// Deferred: the provider is still emitting this event.
			setTimeout(() => {
				this.clearCache().catch((error: unknown) =>
					console.warn('could not clear board cache', error)
				);
			}, 0);
		}
	};

	#onDocUpdate = (_update: Uint8Array, origin: unknown): void => {
		if (this.isRemoteOrigin(origin)) return;
		if (this.#snapshot.state === 'online') return;
		this.#pending = true;
		this.#changed();
	};

	/** Edits made offline leave in the first sync exchange; they count as sent once the socket buffer is empty. */
	#scheduleFlushCheck(): void {
		clearTimeout(this.#flushTimer);
		this.#flushTimer = setTimeout(() => {
			const ws = this.#provider.ws;
			if (this.#snapshot.state !== 'online') return;
			if (ws && ws.bufferedAmount > 0) {
				this.#scheduleFlushCheck();
				return;
			}
			this.#pending = false;
			this.#changed();
		}, 300);
	}

	#watchCacheDeletion(): void {
		// Logout in another tab deletes the caches; let go of ours so the delete can finish.
		const persistence = this.#persistence;
		persistence?.db?.addEventListener('versionchange', () => {
			persistence
				.destroy()
				.catch((error: unknown) => console.warn('could not close board cache', error));
		});
	}
}

export function openBoardConnection(options: BoardConnectionOptions): BoardConnection {
	return new BoardConnection(options);
}

/** Deletes this board's local copy without an open connection (e.g. before a reload). */
export async function clearBoardCache(boardId: string, userId: string): Promise<void> {
	for (const connection of live) if (connection.boardId === boardId) await connection.destroy();
	await deleteDatabase(cacheName(boardId, userId));
}

/**
 * Closes every open board connection in this tab and deletes every cached board, so nothing of
 * the boards stays on a shared device after logout. Unsynced edits are lost by design.
 */
export async function clearLocalBoards(): Promise<void> {
	await Promise.all([...live].map((connection) => connection.destroy()));
	const names = new Set(rememberedCaches());
	if (typeof indexedDB.databases === 'function') {
		for (const info of await indexedDB.databases()) {
			if (info.name?.startsWith(CACHE_PREFIX)) names.add(info.name);
		}
	}
	await Promise.all([...names].map(deleteDatabase));
	try {
		localStorage.removeItem(REGISTRY_KEY);
	} catch {
		// Nothing to forget when storage is unavailable.
	}
}
