import type { TavlenConfig } from './config';
import { configFromEnv } from './config';
import { openDatabase, type Db } from './db/connect';
import { migrateToLatest } from './db/migrate';
import { ensureDefaultTargetGroups } from './citizens/target-group.repository';
import { ensureDefaultCaseGoals } from './cases/goal.repository';
import { seedDemoIfEmpty } from './seed';

/**
 * One database handle per process. The SvelteKit bundle and server/ each contain a copy of this
 * module, so the handle lives on globalThis under a registered symbol, not in a module variable.
 */
export interface Runtime {
	db: Db;
	config: TavlenConfig;
	/** Live rooms can be told that a membership changed; set by the sync server when present. */
	onAccessChanged?: (boardIds?: string[]) => void;
	/** Closes a revoked screen link's live sockets; set by the sync server when present. */
	onScreenLinkRevoked?: (linkId: string) => void;
	/** Who is signed in on a board right now (a meeting's attendance); set by the sync server. */
	connectedUsers?: (boardId: string) => string[];
}

const KEY = Symbol.for('tavlen.runtime');
type Holder = { [KEY]?: Promise<Runtime> };

export function setRuntime(runtime: Promise<Runtime>): void {
	(globalThis as Holder)[KEY] = runtime;
}

export async function startRuntime(config: TavlenConfig, now: number): Promise<Runtime> {
	const db = openDatabase({ file: config.databaseFile });
	await migrateToLatest(db);
	// Every installation starts with the national target groups and the goal list; admins edit them later.
	await ensureDefaultTargetGroups(db);
	await ensureDefaultCaseGoals(db);
	if (config.seedDemo) {
		const seeded = await seedDemoIfEmpty(db, now);
		if (seeded) printDemoSignIns(seeded);
	}
	return { db, config };
}

/** The runtime, started from the environment on first use when no entry point set one up. */
export function getRuntime(): Promise<Runtime> {
	const holder = globalThis as Holder;
	holder[KEY] ??= startRuntime(configFromEnv(process.env), Date.now());
	return holder[KEY];
}

function printDemoSignIns(accounts: { email: string; password: string; role: string }[]): void {
	console.log('\nJobcenter Demoby is ready. Demo sign-ins (invented people):');
	for (const a of accounts)
		console.log(`  ${a.email.padEnd(32)} ${a.password.padEnd(18)} ${a.role}`);
	console.log('');
}
