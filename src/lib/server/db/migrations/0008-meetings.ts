import { sql, type Kysely } from 'kysely';

// Frozen in time: never edit after it has shipped, add a new migration instead.
// Board meetings (tavlemøder, issue 5): the agenda with time per item, who attended, the cards
// in focus, the actions due since the last meeting, decisions, and the minutes written at the end.
// The live state is mirrored into the board document by the server; these rows are the truth.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('meeting')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('board_id', 'text', (c) => c.notNull().references('board.id').onDelete('cascade'))
		.addColumn('facilitator_id', 'text', (c) => c.notNull())
		.addColumn('started_at', 'bigint', (c) => c.notNull())
		.addColumn('ended_at', 'bigint')
		.addColumn('current_index', 'integer', (c) => c.notNull())
		.addColumn('focus_card_id', 'text')
		// JSON of the minutes, written once when the meeting ends (src/lib/meeting/minutes.ts).
		.addColumn('minutes_json', 'text')
		.execute();
	await db.schema
		.createIndex('meeting_board_started_idx')
		.on('meeting')
		.columns(['board_id', 'started_at'])
		.execute();
	// At most one running meeting per board, also when two people press "Start" at once.
	await db.schema
		.createIndex('meeting_one_active_idx')
		.on('meeting')
		.column('board_id')
		.unique()
		.where(sql.ref('ended_at'), 'is', null)
		.execute();
	await db.schema
		.createTable('meeting_item')
		.addColumn('meeting_id', 'text', (c) =>
			c.notNull().references('meeting.id').onDelete('cascade')
		)
		.addColumn('position', 'integer', (c) => c.notNull())
		.addColumn('kind', 'text', (c) => c.notNull())
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('minutes', 'integer', (c) => c.notNull())
		.addColumn('spent_ms', 'bigint', (c) => c.notNull())
		// When the item became current; null while it is not.
		.addColumn('entered_at', 'bigint')
		.addPrimaryKeyConstraint('meeting_item_pk', ['meeting_id', 'position'])
		.execute();
	await db.schema
		.createTable('meeting_attendee')
		.addColumn('meeting_id', 'text', (c) =>
			c.notNull().references('meeting.id').onDelete('cascade')
		)
		.addColumn('user_id', 'text', (c) => c.notNull())
		.addColumn('present', 'integer', (c) => c.notNull())
		// 'connected': seen on the board during the meeting; 'manual': corrected by a person.
		.addColumn('source', 'text', (c) => c.notNull())
		.addColumn('at', 'bigint', (c) => c.notNull())
		.addPrimaryKeyConstraint('meeting_attendee_pk', ['meeting_id', 'user_id'])
		.execute();
	await db.schema
		.createTable('meeting_focus')
		.addColumn('meeting_id', 'text', (c) =>
			c.notNull().references('meeting.id').onDelete('cascade')
		)
		.addColumn('card_id', 'text', (c) => c.notNull())
		.addColumn('item_position', 'integer', (c) => c.notNull())
		.addColumn('at', 'bigint', (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('meeting_focus_meeting_idx')
		.on('meeting_focus')
		.column('meeting_id')
		.execute();
	await db.schema
		.createTable('meeting_follow_up')
		.addColumn('meeting_id', 'text', (c) =>
			c.notNull().references('meeting.id').onDelete('cascade')
		)
		.addColumn('action_id', 'text', (c) => c.notNull())
		// The action's due date and status when the meeting started, to tell "moved" and "done" apart later.
		.addColumn('due_at_start', 'text', (c) => c.notNull())
		.addColumn('status_at_start', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('meeting_follow_up_pk', ['meeting_id', 'action_id'])
		.execute();
	await db.schema
		.createTable('meeting_decision')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('meeting_id', 'text', (c) =>
			c.notNull().references('meeting.id').onDelete('cascade')
		)
		.addColumn('text', 'text', (c) => c.notNull())
		.addColumn('created_by', 'text', (c) => c.notNull())
		.addColumn('created_at', 'bigint', (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('meeting_decision_meeting_idx')
		.on('meeting_decision')
		.column('meeting_id')
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	for (const table of [
		'meeting_decision',
		'meeting_follow_up',
		'meeting_focus',
		'meeting_attendee',
		'meeting_item',
		'meeting'
	])
		await db.schema.dropTable(table).execute();
}
