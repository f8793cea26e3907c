import { sql, type Kysely } from 'kysely';

// Frozen in time: never edit after it has shipped, add a new migration instead.
// The Forecast method's cases (sager): one per citizen, with its history of changes; the
// municipality's goal list and extra case fields (data, not code); readiness for paid hours as
// work tasks scored 1-10 over time; and municipality-wide settings as JSON values.
// A case's target group is its citizen's (citizen.target_group_id): one truth, used by matching too.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('setting')
		.addColumn('key', 'text', (c) => c.primaryKey())
		.addColumn('value', 'text', (c) => c.notNull())
		.execute();

	await db.schema
		.createTable('case_goal')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('code', 'text', (c) => c.notNull().unique())
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
		.addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
		.execute();

	await db.schema
		.createTable('case_field')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('label', 'text', (c) => c.notNull())
		.addColumn('kind', 'text', (c) => c.notNull())
		.addColumn('required', 'integer', (c) => c.notNull().defaultTo(0))
		// JSON array of the choices of a 'choice' field; '[]' for the other kinds.
		.addColumn('choices', 'text', (c) => c.notNull().defaultTo('[]'))
		.addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
		.addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('created_at', 'bigint', (c) => c.notNull())
		.addCheckConstraint(
			'case_field_kind_check',
			sql`kind in ('text', 'number', 'date', 'choice', 'yes-no')`
		)
		.execute();

	await db.schema
		.createTable('case_forecast')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('team_id', 'text', (c) => c.notNull().references('team.id').onDelete('cascade'))
		.addColumn('citizen_id', 'text', (c) =>
			c.notNull().unique().references('citizen.id').onDelete('cascade')
		)
		.addColumn('consultant_id', 'text', (c) => c.notNull().references('user.id'))
		.addColumn('goal', 'text', (c) => c.notNull())
		.addColumn('horizon', 'text', (c) => c.notNull())
		.addColumn('risk', 'text', (c) => c.notNull())
		.addColumn('next_step_text', 'text')
		.addColumn('next_step_due', 'text')
		.addColumn('previous_step_outcome', 'text')
		// JSON object: extra field id -> value (string, number or boolean).
		.addColumn('extra', 'text', (c) => c.notNull().defaultTo('{}'))
		.addColumn('opened_at', 'bigint', (c) => c.notNull())
		.addColumn('closed_at', 'bigint')
		.addColumn('updated_at', 'bigint', (c) => c.notNull())
		.addCheckConstraint('case_forecast_risk_check', sql`risk in ('low', 'medium', 'high')`)
		.addCheckConstraint(
			'case_forecast_outcome_check',
			sql`previous_step_outcome is null or previous_step_outcome in ('done', 'not-done')`
		)
		.addCheckConstraint(
			'case_forecast_step_check',
			sql`(next_step_text is null) = (next_step_due is null)`
		)
		.execute();
	await db.schema
		.createIndex('case_forecast_team_idx')
		.on('case_forecast')
		.column('team_id')
		.execute();
	await db.schema
		.createIndex('case_forecast_consultant_idx')
		.on('case_forecast')
		.column('consultant_id')
		.execute();

	await db.schema
		.createTable('case_history')
		.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
		.addColumn('case_id', 'text', (c) =>
			c.notNull().references('case_forecast.id').onDelete('cascade')
		)
		.addColumn('team_id', 'text', (c) => c.notNull())
		.addColumn('at', 'bigint', (c) => c.notNull())
		.addColumn('by', 'text', (c) => c.notNull())
		// JSON array of CaseChange (src/lib/forecast/types.ts).
		.addColumn('changes', 'text', (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('case_history_team_idx')
		.on('case_history')
		.columns(['team_id', 'at'])
		.execute();
	await db.schema
		.createIndex('case_history_case_idx')
		.on('case_history')
		.columns(['case_id', 'at'])
		.execute();

	await db.schema
		.createTable('work_task')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('citizen_id', 'text', (c) =>
			c.notNull().references('citizen.id').onDelete('cascade')
		)
		.addColumn('text', 'text', (c) => c.notNull())
		.addColumn('created_at', 'bigint', (c) => c.notNull())
		.addColumn('created_by', 'text', (c) => c.notNull())
		.addColumn('closed_at', 'bigint')
		.execute();
	await db.schema
		.createIndex('work_task_citizen_idx')
		.on('work_task')
		.column('citizen_id')
		.execute();

	await db.schema
		.createTable('task_score')
		.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
		.addColumn('task_id', 'text', (c) => c.notNull().references('work_task.id').onDelete('cascade'))
		.addColumn('score', 'integer', (c) => c.notNull())
		.addColumn('at', 'bigint', (c) => c.notNull())
		.addColumn('by', 'text', (c) => c.notNull())
		.addCheckConstraint('task_score_range_check', sql`score between 1 and 10`)
		.execute();
	await db.schema
		.createIndex('task_score_task_idx')
		.on('task_score')
		.columns(['task_id', 'at'])
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	for (const table of [
		'task_score',
		'work_task',
		'case_history',
		'case_forecast',
		'case_field',
		'case_goal',
		'setting'
	])
		await db.schema.dropTable(table).execute();
}
