import { configFromEnv } from '../src/lib/server/config';
import { setRuntime, startRuntime } from '../src/lib/server/runtime';
import { createAppServer, type RequestHandler } from './app-server';
import { consoleLogger } from './sync/logger';

/**
 * Production entry: build/server.js. Starts the database, then serves the SvelteKit app
 * (adapter-node's handler) and the sync WebSockets on one port.
 */
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '0.0.0.0';
// adapter-node refuses form posts without a known origin; default to the local address.
process.env.ORIGIN ??= `http://localhost:${port}`;

const config = configFromEnv(process.env);
const runtimePromise = startRuntime(config, Date.now());
setRuntime(runtimePromise);
const runtime = await runtimePromise;

const handlerUrl = new URL('./handler.js', import.meta.url).href;
const { handler } = (await import(handlerUrl)) as { handler: RequestHandler };

const app = createAppServer({ runtime, handler, log: consoleLogger });
// Admin pages change memberships in this process: live sockets are re-checked at once.
runtime.onAccessChanged = (boardIds) => app.sync.recheckAccess(boardIds);
runtime.onScreenLinkRevoked = (linkId) => app.sync.closeScreenLink(linkId);
runtime.connectedUsers = (boardId) => app.sync.connectedUsers(boardId);
app.http.listen(port, host, () => {
	consoleLogger.info('Tavlen listening', {
		url: `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`,
		origin: process.env.ORIGIN,
		database: config.databaseFile
	});
});

let stopping = false;
async function shutdown(signal: string): Promise<void> {
	if (stopping) return;
	stopping = true;
	consoleLogger.info('shutting down', { signal });
	await app.close();
	await runtime.db.destroy();
	process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
