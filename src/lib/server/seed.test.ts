import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from './db/connect';
import { migrateToLatest } from './db/migrate';
import { DEFAULT_TARGET_GROUPS } from './citizens/target-group.repository';
import { seedDemoIfEmpty } from './seed';

const T0 = Date.UTC(2026, 10, 27, 8, 0, 0);

let dir: string;
let db: Db;

beforeEach(async () => {
	dir = mkdtempSync(join(tmpdir(), 'tavlen-seed-'));
	db = openDatabase({ file: join(dir, 'test.sqlite') });
	await migrateToLatest(db);
});

afterEach(async () => {
	await db.destroy();
	rmSync(dir, { recursive: true, force: true });
});

describe('seedDemoIfEmpty', () => {
	it('seeds target groups, companies and six citizens per team, once and unaudited', async () => {
		expect(await seedDemoIfEmpty(db, T0)).not.toBeNull();
		const groups = await db.selectFrom('target_group').select('code').execute();
		expect(groups.map((g) => g.code).sort()).toEqual(
			DEFAULT_TARGET_GROUPS.map((g) => g.code).sort()
		);
		expect(await db.selectFrom('company').select('id').execute()).toHaveLength(3);
		const perTeam = await db
			.selectFrom('citizen')
			.select(['team_id', db.fn.countAll<number>().as('n')])
			.groupBy('team_id')
			.execute();
		expect(perTeam.map((r) => r.n)).toEqual([6, 6]);
		expect(await db.selectFrom('audit_log').select('id').execute()).toEqual([]);
		expect(await seedDemoIfEmpty(db, T0)).toBeNull();
		expect(await db.selectFrom('citizen').select('id').execute()).toHaveLength(12);
	});
});
