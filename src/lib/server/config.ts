/** Process configuration, read from the environment in one place and passed in as plain values. */
export interface TavlenConfig {
	/** SQLite file (TAVLEN_DB). */
	databaseFile: string;
	/** Public origin, e.g. https://tavlen.kommune.dk (ORIGIN); used to check WebSocket origins. */
	origin: string | undefined;
	/** Seed the fictional demo job centre when the database is empty (TAVLEN_SEED_DEMO=1). */
	seedDemo: boolean;
}

export function configFromEnv(env: Record<string, string | undefined>): TavlenConfig {
	return {
		databaseFile: env.TAVLEN_DB?.trim() || 'data/tavlen.sqlite',
		origin: env.ORIGIN?.trim() || undefined,
		seedDemo: env.TAVLEN_SEED_DEMO === '1' || env.TAVLEN_SEED_DEMO === 'true'
	};
}
