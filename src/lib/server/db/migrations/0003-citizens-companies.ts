import { sql, type Kysely } from 'kysely';

// Frozen in time: never edit after it has shipped, add a new migration instead.
// Citizens are pseudonymous (initials only, never a CPR number) and every read or change of one is
// written to audit_log. Target groups are the municipality's own list; the default list is
// seeded by code (citizens/target-group.repository.ts), not here, so an admin may change it.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('target_group')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('code', 'text', (c) => c.notNull().unique())
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
		.addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
		.execute();

	await db.schema
		.createTable('company')
		.addColumn('id', 'text', (c) => c.primaryKey())
		// nocase so "Demoby VVS" and "demoby vvs" are one company (ASCII letters only in SQLite).
		.addColumn('name', 'text', (c) => c.notNull().modifyEnd(sql`collate nocase`))
		.addColumn('cvr', 'text', (c) =>
			c.check(sql`cvr is null or (length(cvr) = 8 and cvr not glob '*[^0-9]*')`)
		)
		.addColumn('industry', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('contact_person', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('first_contact_at', 'bigint', (c) => c.notNull())
		.addColumn('created_at', 'bigint', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('company_name_idx').on('company').column('name').unique().execute();

	await db.schema
		.createTable('citizen')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('team_id', 'text', (c) => c.notNull().references('team.id').onDelete('cascade'))
		.addColumn('owner_id', 'text', (c) => c.notNull().references('user.id'))
		.addColumn('initials', 'text', (c) => c.notNull())
		.addColumn('target_group_id', 'text', (c) => c.notNull().references('target_group.id'))
		.addColumn('job_areas', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('hours_wanted', 'real')
		.addColumn('job_ready', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('last_offered_at', 'bigint')
		.addColumn('created_at', 'bigint', (c) => c.notNull())
		.addColumn('closed_at', 'bigint')
		.execute();
	await db.schema.createIndex('citizen_team_idx').on('citizen').column('team_id').execute();

	// No foreign keys: the log must outlive the users and citizens it speaks of.
	await db.schema
		.createTable('audit_log')
		.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
		.addColumn('at', 'bigint', (c) => c.notNull())
		.addColumn('user_id', 'text', (c) => c.notNull())
		.addColumn('action', 'text', (c) => c.notNull())
		.addColumn('entity', 'text', (c) => c.notNull())
		.addColumn('entity_id', 'text', (c) => c.notNull())
		.addColumn('detail', 'text')
		.addCheckConstraint(
			'audit_log_action_check',
			sql`action in ('read', 'create', 'update', 'delete')`
		)
		.execute();
	await db.schema
		.createIndex('audit_log_entity_idx')
		.on('audit_log')
		.columns(['entity', 'entity_id', 'at'])
		.execute();
	await db.schema.createIndex('audit_log_at_idx').on('audit_log').column('at').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('audit_log').execute();
	await db.schema.dropTable('citizen').execute();
	await db.schema.dropTable('company').execute();
	await db.schema.dropTable('target_group').execute();
}
