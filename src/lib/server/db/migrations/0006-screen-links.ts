import type { Kysely } from 'kysely';

// Frozen in time: never edit after it has shipped, add a new migration instead.
// Screen links (skærmlinks): a long random token that lets the meeting room's TV read one board
// without signing in. Only the token's SHA-256 is stored, as for sessions; the URL is shown once.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('screen_link')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('board_id', 'text', (c) => c.notNull().references('board.id').onDelete('cascade'))
		.addColumn('token_hash', 'text', (c) => c.notNull().unique())
		.addColumn('label', 'text', (c) => c.notNull())
		.addColumn('created_by', 'text', (c) => c.notNull())
		.addColumn('created_at', 'bigint', (c) => c.notNull())
		.addColumn('expires_at', 'bigint', (c) => c.notNull())
		.addColumn('revoked_at', 'bigint')
		.addColumn('last_seen_at', 'bigint')
		.execute();
	await db.schema
		.createIndex('screen_link_board_idx')
		.on('screen_link')
		.column('board_id')
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('screen_link').execute();
}
