import type { Plugin, ViteDevServer } from 'vite';
import type { Runtime } from '../src/lib/server/runtime';
import type { SyncServer, SyncServerOptions } from './sync/sync-server';

const SYNC_PATH = /^\/sync\//;

/**
 * Serves /sync/<boardId> from Vite's own HTTP server in dev, so pages and sockets share a port.
 * The sync code is loaded through Vite's SSR module graph, so it shares the one runtime (and
 * database handle) with hooks.server.ts instead of bundling a second copy into the config.
 */
export function tavlenSyncDevPlugin(): Plugin {
	let sync: Promise<SyncServer> | undefined;
	const start = async (server: ViteDevServer): Promise<SyncServer> => {
		const runtimeModule = (await server.ssrLoadModule('/src/lib/server/runtime.ts')) as {
			getRuntime: () => Promise<Runtime>;
		};
		const syncModule = (await server.ssrLoadModule('/server/sync/sync-server.ts')) as {
			createSyncServer: (options: SyncServerOptions) => SyncServer;
		};
		const changesModule = (await server.ssrLoadModule('/src/lib/server/overview/changes.ts')) as {
			boardChanges: () => { publish: (boardId: string) => void };
		};
		const caseModule = (await server.ssrLoadModule('/src/lib/server/cases/changes.ts')) as {
			caseChanges: () => { subscribe: (listener: (teamId: string) => void) => () => void };
		};
		const runtime = await runtimeModule.getRuntime();
		const sync = syncModule.createSyncServer({
			db: runtime.db,
			origin: runtime.config.origin,
			onProjectionChanged: (boardId) => changesModule.boardChanges().publish(boardId)
		});
		runtime.onAccessChanged = (boardIds) => sync.recheckAccess(boardIds);
		runtime.onScreenLinkRevoked = (linkId) => sync.closeScreenLink(linkId);
		runtime.connectedUsers = (boardId) => sync.connectedUsers(boardId);
		// Lives as long as the dev server: the sync server is never closed before it.
		caseModule.caseChanges().subscribe((teamId) => void sync.refreshTeamSummary(teamId));
		return sync;
	};
	return {
		name: 'tavlen-sync-dev',
		configureServer(server) {
			// vitest creates a Vite server without an HTTP server: nothing to hook there.
			const httpServer = server.httpServer;
			if (!httpServer) return;
			httpServer.on('upgrade', (req, socket, head: Buffer) => {
				// Leave other upgrades (Vite's HMR socket) alone.
				if (!SYNC_PATH.test(req.url ?? '')) return;
				sync ??= start(server);
				sync
					.then((s) => {
						if (!s.handleUpgrade(req, socket, head)) socket.destroy();
					})
					.catch((error: unknown) => {
						console.error('sync server failed to start', error);
						socket.destroy();
					});
			});
		}
	};
}
