import type { Kysely } from 'kysely';

// Frozen in time: never edit after it has shipped, add a new migration instead.
// The projection of the boards' action cards (handlinger), so escalation and production figures
// are SQL. Written with the update log like the openings; rebuilt from the document on load.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('action')
		.addColumn('board_id', 'text', (c) => c.notNull().references('board.id').onDelete('cascade'))
		.addColumn('id', 'text', (c) => c.notNull())
		.addColumn('owner_id', 'text', (c) => c.notNull())
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('due', 'text', (c) => c.notNull())
		.addColumn('follow_up', 'text', (c) => c.notNull())
		.addColumn('status', 'text', (c) => c.notNull())
		.addColumn('time_tag', 'text', (c) => c.notNull())
		.addColumn('opening_id', 'text', (c) => c.notNull())
		.addColumn('citizen_id', 'text', (c) => c.notNull())
		.addColumn('created_at', 'bigint', (c) => c.notNull())
		.addColumn('done_at', 'bigint')
		.addPrimaryKeyConstraint('action_pk', ['board_id', 'id'])
		.execute();
	await db.schema
		.createIndex('action_status_due_idx')
		.on('action')
		.columns(['board_id', 'status', 'due'])
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('action').execute();
}
