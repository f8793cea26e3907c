import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import * as spine from './migrations/0001-spine';
import * as openingsProjection from './migrations/0002-openings-projection';
import * as citizensCompanies from './migrations/0003-citizens-companies';
import * as overviewIndexes from './migrations/0004-overview-indexes';
import * as cases from './migrations/0005-cases';
import * as screenLinks from './migrations/0006-screen-links';
import * as actions from './migrations/0007-actions';
import * as meetings from './migrations/0008-meetings';
import * as actionDetails from './migrations/0009-action-details';
import type { Database } from './schema';

// Migrations are listed in code rather than read from a folder, so the same list works in the
// SvelteKit bundle, the bundled server and tsx-run scripts alike.
const migrations: Record<string, Migration> = {
	'0001-spine': spine,
	'0002-openings-projection': openingsProjection,
	'0003-citizens-companies': citizensCompanies,
	'0004-overview-indexes': overviewIndexes,
	'0005-cases': cases,
	'0006-screen-links': screenLinks,
	'0007-actions': actions,
	'0008-meetings': meetings,
	'0009-action-details': actionDetails
};

class StaticMigrationProvider implements MigrationProvider {
	async getMigrations(): Promise<Record<string, Migration>> {
		return migrations;
	}
}

export async function migrateToLatest(db: Kysely<Database>): Promise<void> {
	const migrator = new Migrator({ db, provider: new StaticMigrationProvider() });
	const { error, results } = await migrator.migrateToLatest();
	const failed = results?.find((r) => r.status === 'Error');
	if (error || failed) {
		throw new Error(`Migration ${failed?.migrationName ?? ''} failed`, { cause: error });
	}
}
