import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from './schema';

export type Db = Kysely<Database>;

export interface OpenDatabaseOptions {
	/** Path of the SQLite file; ':memory:' is allowed for throwaway use. */
	file: string;
}

/**
 * Opens the embedded SQLite database in WAL mode. synchronous=FULL because an update the server
 * has acknowledged (broadcast) must survive a crash or power cut, not only a process kill.
 */
export function openDatabase({ file }: OpenDatabaseOptions): Db {
	if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
	const sqlite = new SQLite(file);
	sqlite.pragma('journal_mode = WAL');
	sqlite.pragma('synchronous = FULL');
	sqlite.pragma('foreign_keys = ON');
	sqlite.pragma('busy_timeout = 5000');
	return new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
}
