import { sql, type Kysely } from 'kysely';

// Frozen in time: never edit after it has shipped, add a new migration instead.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('user')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('email', 'text', (c) => c.notNull().unique())
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('password_hash', 'text', (c) => c.notNull())
		.addColumn('is_admin', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('locale', 'text', (c) => c.notNull().defaultTo('da'))
		.addColumn('created_at', 'bigint', (c) => c.notNull())
		.execute();

	await db.schema
		.createTable('session')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('user_id', 'text', (c) => c.notNull().references('user.id').onDelete('cascade'))
		.addColumn('expires_at', 'bigint', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('session_user_idx').on('session').column('user_id').execute();

	await db.schema
		.createTable('team')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('name', 'text', (c) => c.notNull().unique())
		.addColumn('created_at', 'bigint', (c) => c.notNull())
		.execute();

	await db.schema
		.createTable('membership')
		.addColumn('team_id', 'text', (c) => c.notNull().references('team.id').onDelete('cascade'))
		.addColumn('user_id', 'text', (c) => c.notNull().references('user.id').onDelete('cascade'))
		.addColumn('role', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('membership_pk', ['team_id', 'user_id'])
		.addCheckConstraint('membership_role_check', sql`role in ('leader', 'consultant', 'viewer')`)
		.execute();
	await db.schema.createIndex('membership_user_idx').on('membership').column('user_id').execute();

	await db.schema
		.createTable('board')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('team_id', 'text', (c) => c.notNull().references('team.id').onDelete('cascade'))
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('created_at', 'bigint', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('board_team_idx').on('board').column('team_id').execute();

	await db.schema
		.createTable('board_update')
		.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
		.addColumn('board_id', 'text', (c) => c.notNull().references('board.id').onDelete('cascade'))
		.addColumn('data', 'blob', (c) => c.notNull())
		.addColumn('created_at', 'bigint', (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('board_update_board_idx')
		.on('board_update')
		.columns(['board_id', 'id'])
		.execute();

	await db.schema
		.createTable('board_snapshot')
		.addColumn('board_id', 'text', (c) => c.primaryKey().references('board.id').onDelete('cascade'))
		.addColumn('data', 'blob', (c) => c.notNull())
		.addColumn('last_update_id', 'integer', (c) => c.notNull())
		.addColumn('updated_at', 'bigint', (c) => c.notNull())
		.execute();

	await db.schema
		.createTable('login_throttle')
		.addColumn('key', 'text', (c) => c.primaryKey())
		.addColumn('failures', 'integer', (c) => c.notNull())
		.addColumn('last_failure_at', 'bigint', (c) => c.notNull())
		.addColumn('locked_until', 'bigint', (c) => c.notNull())
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	for (const table of [
		'login_throttle',
		'board_snapshot',
		'board_update',
		'board',
		'membership',
		'team',
		'session',
		'user'
	]) {
		await db.schema.dropTable(table).execute();
	}
}
