import http from 'node:http';
import { caseChanges } from '../src/lib/server/cases/changes';
import { boardChanges } from '../src/lib/server/overview/changes';
import type { Runtime } from '../src/lib/server/runtime';
import type { Logger } from './sync/logger';
import { createSyncServer, type SyncServer } from './sync/sync-server';

export type RequestHandler = (
	req: http.IncomingMessage,
	res: http.ServerResponse,
	next: () => void
) => void;

export interface AppServer {
	http: http.Server;
	sync: SyncServer;
	close(): Promise<void>;
}

/** One HTTP server for pages (the SvelteKit handler) and /sync/<boardId> WebSockets, on one port. */
export function createAppServer(options: {
	runtime: Runtime;
	handler?: RequestHandler;
	log?: Logger;
	heartbeatMs?: number;
	/** Compact a board's update log after this many updates (tests use a small number). */
	compactEvery?: number;
}): AppServer {
	const { runtime } = options;
	const sync = createSyncServer({
		db: runtime.db,
		origin: runtime.config.origin,
		log: options.log,
		heartbeatMs: options.heartbeatMs,
		compactEvery: options.compactEvery,
		// The process-wide hub: the overview's event stream (in the SvelteKit bundle) listens there.
		onProjectionChanged: (boardId) => boardChanges().publish(boardId)
	});
	// The case service (in the SvelteKit bundle) publishes here after a team's cases changed.
	const stopCaseChanges = caseChanges().subscribe((teamId) => void sync.refreshTeamSummary(teamId));
	const notFound = (res: http.ServerResponse) => () => {
		res.statusCode = 404;
		res.end('Not found');
	};
	const server = http.createServer((req, res) => {
		if (options.handler) options.handler(req, res, notFound(res));
		else notFound(res)();
	});
	server.on('upgrade', (req, socket, head: Buffer) => {
		if (!sync.handleUpgrade(req, socket, head)) socket.destroy();
	});
	return {
		http: server,
		sync,
		async close() {
			// Upgraded sockets keep server.close() waiting and closeAllConnections() does not reach
			// them: stop listening first, then close the WebSockets, then wait for the HTTP side.
			const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
			server.closeAllConnections();
			stopCaseChanges();
			await sync.close();
			await stopped;
		}
	};
}
