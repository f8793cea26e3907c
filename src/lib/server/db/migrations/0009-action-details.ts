import type { Kysely } from 'kysely';

// Frozen in time: never edit after it has shipped, add a new migration instead.
// What the meeting minutes (referat) need of an action beyond its status: why it was dropped,
// and when its projected row last changed (a move to new dates, done, dropped, reopened).
// Existing rows get '' and null until their board's room loads and rebuilds them.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.alterTable('action')
		.addColumn('drop_reason', 'text', (c) => c.notNull().defaultTo(''))
		.execute();
	await db.schema.alterTable('action').addColumn('updated_at', 'bigint').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('action').dropColumn('updated_at').execute();
	await db.schema.alterTable('action').dropColumn('drop_reason').execute();
}
