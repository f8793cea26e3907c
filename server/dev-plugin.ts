import type { Plugin } from 'vite';

/** Serves /sync/<boardId> from Vite's own HTTP server in dev, so pages and sockets share a port. */
export function tavlenSyncDevPlugin(): Plugin {
	return {
		name: 'tavlen-sync-dev',
		configureServer() {
			// wired to the sync server in the next commit
		}
	};
}
