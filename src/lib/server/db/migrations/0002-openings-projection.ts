import type { Kysely } from 'kysely';

// Frozen in time: never edit after it has shipped, add a new migration instead.
// The projection of the board documents' openings and matches, so figures, exports and search
// are SQL. Rebuilt from the document whenever a board is loaded, so it can never drift for long.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('opening')
		.addColumn('board_id', 'text', (c) => c.notNull().references('board.id').onDelete('cascade'))
		.addColumn('card_id', 'text', (c) => c.notNull())
		.addColumn('company_id', 'text', (c) => c.notNull())
		.addColumn('company_name', 'text', (c) => c.notNull())
		.addColumn('position', 'text', (c) => c.notNull())
		.addColumn('job_type', 'text', (c) => c.notNull())
		.addColumn('hours_per_week', 'real')
		.addColumn('positions', 'integer', (c) => c.notNull())
		.addColumn('deadline', 'text', (c) => c.notNull())
		.addColumn('start_date', 'text', (c) => c.notNull())
		.addColumn('job_areas', 'text', (c) => c.notNull())
		.addColumn('source', 'text', (c) => c.notNull())
		.addColumn('owner_id', 'text', (c) => c.notNull())
		.addColumn('lane_id', 'text', (c) => c.notNull())
		.addColumn('stage', 'text')
		.addColumn('outcome', 'text', (c) => c.notNull())
		.addColumn('close_reason', 'text', (c) => c.notNull())
		.addColumn('created_at', 'bigint', (c) => c.notNull())
		.addColumn('closed_at', 'bigint')
		.addColumn('updated_at', 'bigint', (c) => c.notNull())
		.addPrimaryKeyConstraint('opening_pk', ['board_id', 'card_id'])
		.execute();
	await db.schema
		.createIndex('opening_deadline_idx')
		.on('opening')
		.columns(['board_id', 'deadline'])
		.execute();

	await db.schema
		.createTable('match')
		.addColumn('board_id', 'text', (c) => c.notNull().references('board.id').onDelete('cascade'))
		.addColumn('match_id', 'text', (c) => c.notNull())
		.addColumn('opening_id', 'text', (c) => c.notNull())
		.addColumn('citizen_id', 'text', (c) => c.notNull())
		.addColumn('status', 'text', (c) => c.notNull())
		.addColumn('proposed_by', 'text', (c) => c.notNull())
		.addColumn('proposed_at', 'bigint', (c) => c.notNull())
		.addColumn('updated_at', 'bigint', (c) => c.notNull())
		.addPrimaryKeyConstraint('match_pk', ['board_id', 'match_id'])
		.execute();
	await db.schema
		.createIndex('match_opening_idx')
		.on('match')
		.columns(['board_id', 'opening_id'])
		.execute();
	await db.schema.createIndex('match_citizen_idx').on('match').column('citizen_id').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('match').execute();
	await db.schema.dropTable('opening').execute();
}
