import type { Kysely } from 'kysely';

// Frozen in time: never edit after it has shipped, add a new migration instead.
// The overview asks for each company's first opening across all boards (known vs new company);
// without this index that is a scan of every opening in the municipality per page load.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createIndex('opening_company_idx')
		.on('opening')
		.columns(['company_id', 'created_at'])
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropIndex('opening_company_idx').execute();
}
