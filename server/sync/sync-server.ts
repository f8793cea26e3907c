import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { findBoardForMember } from '../../src/lib/server/access';
import {
	readCookie,
	SESSION_COOKIE,
	validateSessionToken
} from '../../src/lib/server/auth/session';
import type { Db } from '../../src/lib/server/db/connect';
import {
	findActiveScreenLink,
	touchScreenLink
} from '../../src/lib/server/screens/screen-link.service';
import { meetingChanges } from '../../src/lib/server/meetings/changes';
import { meetingStateFor } from '../../src/lib/server/meetings/meeting-state';
import { noteConnected } from '../../src/lib/server/meetings/meeting.service';
import { SERVER_KEYS } from '../../src/lib/board/server-data';
import { CLOSE, closeReason } from './protocol';
import { createSummaryKeeper } from './forecast-summary';
import { Room, type Peer } from './room';
import { consoleLogger, type Logger } from './logger';

export interface SyncServerOptions {
	db: Db;
	/** Public origin (ORIGIN); when unset, the Origin header must match the Host header. */
	origin?: string;
	log?: Logger;
	now?: () => number;
	/** How often dead peers are dropped and sessions re-checked. */
	heartbeatMs?: number;
	compactEvery?: number;
	/** Told after a committed update changed a board's opening or match rows. */
	onProjectionChanged?: (boardId: string) => void;
	/** How often live boards' forecast summaries are recomputed without a case change (the date moves on). */
	summaryRefreshMs?: number;
}

export interface SyncServer {
	/** Takes the upgrade if the path is /sync/<boardId>; returns false to leave it to someone else. */
	handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean;
	/** Number of loaded rooms (boards with at least one peer, or still unloading). */
	roomCount(): number;
	/** Re-checks access of live connections now (all, or those on the given boards), e.g. after a membership change. */
	recheckAccess(boardIds?: readonly string[]): void;
	/** Closes the sockets of a screen link at once, e.g. right after it was revoked. */
	closeScreenLink(linkId: string): void;
	/** Recomputes the forecast summary on the team's live boards; call after its cases changed. */
	refreshTeamSummary(teamId: string): Promise<void>;
	/** Writes the board's meeting state from SQL into its live room (the meeting hub calls this). */
	refreshMeeting(boardId: string): Promise<void>;
	/** User ids signed in on the board right now (screens not included), e.g. a meeting's attendance. */
	connectedUsers(boardId: string): string[];
	/** Resolves when every room has processed what it has received so far. */
	drain(): Promise<void>;
	close(): Promise<void>;
}

const PATH = /^\/sync\/([a-z0-9_-]{1,40})\/?$/;
/** Hard cap per frame; the room refuses updates above LIMITS.updateBytes with a reason first. */
const MAX_FRAME_BYTES = 4 * 1024 * 1024;

/** What let a socket in: a signed-in user's session, or a screen link (read-only, no user). */
type Credential =
	{ kind: 'session'; token: string } | { kind: 'screen'; token: string; linkId: string };

interface Connection {
	ws: WebSocket;
	peer: Peer;
	room: Room;
	credential: Credential;
	alive: boolean;
}

type Admission =
	| { ok: true; userId: string; canEdit: boolean; credential: Credential }
	| { ok: false; code: number; reason: string };

const SCREEN_REVOKED = 'screen link revoked or expired';

export function createSyncServer(options: SyncServerOptions): SyncServer {
	const log = options.log ?? consoleLogger;
	const now = options.now ?? Date.now;
	const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
	const rooms = new Map<string, Room>();
	const unloading = new Map<string, Promise<void>>();
	const connections = new Set<Connection>();
	const summaries = createSummaryKeeper({ db: options.db, log, now, rooms: () => rooms.values() });
	/** Per board, the last meeting write queued: writes run in order, each reading the latest state. */
	const meetingWrites = new Map<string, Promise<void>>();

	function refreshMeeting(boardId: string): Promise<void> {
		const run = (meetingWrites.get(boardId) ?? Promise.resolve()).then(async () => {
			const room = rooms.get(boardId);
			if (!room || room.closed) return;
			await room.ready;
			await room.writeServerData(SERVER_KEYS.meeting, await meetingStateFor(options.db, boardId));
		});
		const settled = run.catch((error: unknown) =>
			log.error('meeting state not written', { boardId, error: String(error) })
		);
		meetingWrites.set(boardId, settled);
		void settled.finally(() => {
			if (meetingWrites.get(boardId) === settled) meetingWrites.delete(boardId);
		});
		return settled;
	}
	// The meeting service (in the SvelteKit bundle) publishes on the process-wide hub after a commit.
	const stopMeetingChanges = meetingChanges().subscribe((boardId) => void refreshMeeting(boardId));

	/** A team member who joins during a meeting counts as present (issue 5 point 3). */
	function noteAttendance(boardId: string, userId: string): void {
		noteConnected(options.db, boardId, userId, now())
			.then((changed) => (changed ? refreshMeeting(boardId) : undefined))
			.catch((error: unknown) =>
				log.error('meeting attendance not noted', { boardId, error: String(error) })
			);
	}

	async function admit(req: IncomingMessage, boardId: string, url: URL): Promise<Admission> {
		if (!originAllowed(req, options.origin))
			return { ok: false, code: CLOSE.noAccess, reason: 'origin not allowed' };
		const screenToken = url.searchParams.get('screen');
		if (screenToken !== null) return checkScreen(screenToken, boardId);
		const token = readCookie(req.headers.cookie, SESSION_COOKIE);
		if (!token) return { ok: false, code: CLOSE.sessionExpired, reason: 'session expired' };
		return checkAccess(token, boardId);
	}

	async function checkAccess(token: string, boardId: string): Promise<Admission> {
		const { user } = await validateSessionToken(options.db, token, now());
		if (!user) return { ok: false, code: CLOSE.sessionExpired, reason: 'session expired' };
		const access = await findBoardForMember(options.db, user, boardId);
		if (!access) return { ok: false, code: CLOSE.noAccess, reason: 'no access to this board' };
		return {
			ok: true,
			userId: user.id,
			canEdit: access.canEdit,
			credential: { kind: 'session', token }
		};
	}

	/** A screen reads its one board; unknown, revoked and expired links get the same answer. */
	async function checkScreen(token: string, boardId: string): Promise<Admission> {
		const link = await findActiveScreenLink(options.db, token, now());
		if (!link || link.boardId !== boardId)
			return { ok: false, code: CLOSE.noAccess, reason: SCREEN_REVOKED };
		await touchScreenLink(options.db, link, now());
		return {
			ok: true,
			userId: `screen:${link.id}`,
			canEdit: false,
			credential: { kind: 'screen', token, linkId: link.id }
		};
	}

	function check(credential: Credential, boardId: string): Promise<Admission> {
		return credential.kind === 'session'
			? checkAccess(credential.token, boardId)
			: checkScreen(credential.token, boardId);
	}

	async function roomFor(boardId: string): Promise<Room> {
		// A room that is unloading finishes its compaction before the board is loaded again.
		await unloading.get(boardId);
		let room = rooms.get(boardId);
		if (!room) {
			room = new Room({
				db: options.db,
				boardId,
				log,
				now,
				compactEvery: options.compactEvery ?? 200,
				onProjectionChanged: options.onProjectionChanged,
				loadServerData: async (id) => ({
					forecast: await summaries.summaryFor(id),
					meeting: await meetingStateFor(options.db, id)
				})
			});
			rooms.set(boardId, room);
		}
		return room;
	}

	/** A loaded room that is not closing; if it was unloaded while loading, loads it again. */
	async function joinableRoom(boardId: string): Promise<Room> {
		for (;;) {
			const room = await roomFor(boardId);
			await room.ready;
			if (!room.closed) return room;
		}
	}

	function unloadIfEmpty(room: Room): void {
		if (room.peers.size > 0 || rooms.get(room.boardId) !== room) return;
		rooms.delete(room.boardId);
		const done = room
			.close()
			.catch((error: unknown) =>
				log.error('room unload failed', { boardId: room.boardId, error: String(error) })
			)
			.finally(() => {
				if (unloading.get(room.boardId) === done) unloading.delete(room.boardId);
			});
		unloading.set(room.boardId, done);
	}

	function accept(
		ws: WebSocket,
		boardId: string,
		admission: Extract<Admission, { ok: true }>
	): void {
		// Listen before awaiting the room: ws drops messages that arrive without a listener.
		const buffered: RawData[] = [];
		let connection: Connection | undefined;
		const peer: Peer = {
			socket: {
				send: (data) => {
					if (ws.readyState === ws.OPEN) ws.send(data);
				},
				close: (code, reason) => ws.close(code, reason)
			},
			userId: admission.userId,
			canEdit: admission.canEdit,
			// A screen is not a participant: it reads presence but does not appear in it.
			announces: admission.credential.kind === 'session',
			awarenessIds: new Set()
		};
		ws.binaryType = 'nodebuffer';
		ws.on('message', (data, isBinary) => {
			// Frames that arrive after the server decided to close this socket are not read.
			if (ws.readyState !== ws.OPEN) return;
			if (!isBinary) {
				ws.close(CLOSE.malformed, 'binary frames only');
				return;
			}
			if (connection) void connection.room.receive(peer, toBytes(data));
			else buffered.push(data);
		});
		ws.on('error', (error) => log.warn('socket error', { boardId, error: String(error) }));
		ws.on('close', () => {
			if (!connection) return;
			connections.delete(connection);
			connection.room.leave(peer);
			unloadIfEmpty(connection.room);
		});
		joinableRoom(boardId)
			.then((room) => {
				if (ws.readyState !== ws.OPEN) {
					unloadIfEmpty(room);
					return;
				}
				connection = { ws, peer, room, credential: admission.credential, alive: true };
				ws.on('pong', () => {
					if (connection) connection.alive = true;
				});
				connections.add(connection);
				room.join(peer);
				if (peer.announces) noteAttendance(boardId, peer.userId);
				for (const data of buffered.splice(0)) void room.receive(peer, toBytes(data));
			})
			.catch((error: unknown) => {
				log.error('room load failed', { boardId, error: String(error) });
				ws.close(1011, 'board could not be loaded');
			});
	}

	function handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean {
		const url = new URL(req.url ?? '/', 'http://localhost');
		const match = PATH.exec(url.pathname);
		if (!match) return false;
		const boardId = match[1]!;
		socket.on('error', () => socket.destroy());
		admit(req, boardId, url)
			.then((admission) => {
				wss.handleUpgrade(req, socket, head, (ws) => {
					if (!admission.ok) {
						// Accept, then close with an application code: a refused HTTP upgrade makes clients retry forever.
						ws.close(admission.code, closeReason(admission.reason));
						return;
					}
					accept(ws, boardId, admission);
				});
			})
			.catch((error: unknown) => {
				log.error('upgrade failed', { boardId, error: String(error) });
				socket.destroy();
			});
		return true;
	}

	function recheck(connection: Connection): void {
		check(connection.credential, connection.room.boardId)
			.then((admission) => {
				if (!admission.ok) connection.ws.close(admission.code, admission.reason);
				else connection.peer.canEdit = admission.canEdit;
			})
			.catch((error: unknown) => log.error('access re-check failed', { error: String(error) }));
	}

	// Heartbeat: drop peers that stopped answering pings, and re-check every session and membership
	// so a sign-out, an expired session or a removed membership ends live access too.
	const heartbeat = setInterval(() => {
		for (const connection of connections) {
			if (!connection.alive) {
				connection.ws.terminate();
				continue;
			}
			connection.alive = false;
			connection.ws.ping();
			recheck(connection);
		}
	}, options.heartbeatMs ?? 30_000);
	heartbeat.unref();
	const summaryTimer = setInterval(
		() => void summaries.refreshAll(),
		options.summaryRefreshMs ?? 10 * 60_000
	);
	summaryTimer.unref();

	return {
		handleUpgrade,
		roomCount: () => rooms.size + unloading.size,
		recheckAccess(boardIds) {
			for (const connection of connections) {
				if (!boardIds || boardIds.includes(connection.room.boardId)) recheck(connection);
			}
		},
		refreshTeamSummary: (teamId) => summaries.refreshTeam(teamId),
		refreshMeeting,
		connectedUsers(boardId) {
			const room = rooms.get(boardId);
			if (!room) return [];
			return [...new Set([...room.peers].filter((p) => p.announces).map((p) => p.userId))];
		},
		closeScreenLink(linkId) {
			for (const connection of connections) {
				const { credential } = connection;
				if (credential.kind === 'screen' && credential.linkId === linkId)
					connection.ws.close(CLOSE.noAccess, SCREEN_REVOKED);
			}
		},
		async drain() {
			await Promise.all([...rooms.values()].map((r) => r.drain()));
			await Promise.all(unloading.values());
		},
		async close() {
			clearInterval(heartbeat);
			clearInterval(summaryTimer);
			stopMeetingChanges();
			// Every upgraded socket, also those still waiting for their room: each holds the HTTP server open.
			for (const ws of wss.clients) ws.close(CLOSE.goingAway, 'server shutting down');
			await Promise.all([...rooms.values()].map((r) => r.close()));
			await Promise.all(unloading.values());
			rooms.clear();
			await new Promise<void>((resolve) => wss.close(() => resolve()));
		}
	};
}

function toBytes(data: RawData): Uint8Array {
	if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
	if (data instanceof ArrayBuffer) return new Uint8Array(data);
	return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

/** Blocks cross-site WebSocket hijacking: browsers always send Origin on a WebSocket handshake. */
function originAllowed(req: IncomingMessage, configured: string | undefined): boolean {
	const origin = req.headers.origin;
	if (!origin) return true; // not a browser (CLI tools, tests): the session cookie still decides
	try {
		const host = new URL(origin).host;
		if (configured) return host === new URL(configured).host;
		return host === req.headers.host;
	} catch {
		return false;
	}
}
