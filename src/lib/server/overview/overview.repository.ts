import type { Db } from '../db/connect';
import type { MatchTable, OpeningTable } from '../db/schema';

/**
 * SQL for the leader's overview: the projection rows (opening, match) of every board of one team,
 * each company's first opening across the whole municipality, and whether matched citizens are
 * job-ready. Rows come back as the database has them; overview.mapping.ts turns them into the
 * pure inputs of computeOpeningFigures.
 */

export type OverviewOpeningRow = Omit<OpeningTable, 'lane_id' | 'updated_at'> & {
	board_name: string;
};

export type OverviewMatchRow = Omit<MatchTable, 'proposed_by'>;

export interface OverviewCompanyRow {
	company_id: string;
	/** min(created_at) of the company's openings on any board of any team. */
	first_opening_at: number;
}

export interface OverviewCitizenRow {
	id: string;
	job_ready: number;
}

export interface OverviewRows {
	openings: OverviewOpeningRow[];
	matches: OverviewMatchRow[];
	companies: OverviewCompanyRow[];
	citizens: OverviewCitizenRow[];
}

const MATCH_COLUMNS = [
	'match.board_id',
	'match.match_id',
	'match.opening_id',
	'match.citizen_id',
	'match.status',
	'match.proposed_at',
	'match.updated_at'
] as const;

/** The opening rows of every board of the team. */
function teamOpenings(db: Db, teamId: string) {
	return db
		.selectFrom('opening')
		.innerJoin('board', 'board.id', 'opening.board_id')
		.where('board.team_id', '=', teamId);
}

/** The match rows of every board of the team. */
function teamMatches(db: Db, teamId: string) {
	return db
		.selectFrom('match')
		.innerJoin('board', 'board.id', 'match.board_id')
		.where('board.team_id', '=', teamId);
}

export async function selectOverviewRows(db: Db, teamId: string): Promise<OverviewRows> {
	// One read transaction: a sync room committing meanwhile must not split openings from matches.
	return db.transaction().execute(async (trx) => {
		const openings = await teamOpenings(trx, teamId)
			.select([
				'opening.board_id',
				'board.name as board_name',
				'opening.card_id',
				'opening.company_id',
				'opening.company_name',
				'opening.position',
				'opening.job_type',
				'opening.hours_per_week',
				'opening.positions',
				'opening.deadline',
				'opening.start_date',
				'opening.job_areas',
				'opening.source',
				'opening.owner_id',
				'opening.stage',
				'opening.outcome',
				'opening.close_reason',
				'opening.created_at',
				'opening.closed_at'
			])
			.orderBy('opening.deadline')
			.orderBy('opening.card_id')
			.execute();
		// No order: the figures pick the latest match per (opening, citizen) themselves.
		const matches = await teamMatches(trx, teamId).select(MATCH_COLUMNS).execute();
		const teamCompanies = teamOpenings(trx, teamId).select('opening.company_id');
		const companies = await trx
			.selectFrom('opening')
			.select(['company_id', (eb) => eb.fn.min<number>('created_at').as('first_opening_at')])
			.where('company_id', 'in', teamCompanies)
			.groupBy('company_id')
			.execute();
		const teamCitizens = teamMatches(trx, teamId).select('match.citizen_id');
		// Only the readiness flag: the overview counts openings, it never shows a citizen.
		const citizens = await trx
			.selectFrom('citizen')
			.select(['id', 'job_ready'])
			.where('id', 'in', teamCitizens)
			.execute();
		return { openings, matches, companies, citizens };
	});
}

/** The team a board belongs to, or undefined; for routing change events to team overviews. */
export async function selectBoardTeam(db: Db, boardId: string): Promise<string | undefined> {
	const row = await db
		.selectFrom('board')
		.select('team_id')
		.where('id', '=', boardId)
		.executeTakeFirst();
	return row?.team_id;
}

export interface ExportMatchRow extends OverviewMatchRow {
	position: string;
	company_name: string;
	proposed_by_name: string | null;
	initials: string | null;
}

/** The team's matches with their opening and the citizen's initials, for the CSV export. */
export async function selectMatchesForExport(db: Db, teamId: string): Promise<ExportMatchRow[]> {
	return (
		teamMatches(db, teamId)
			.innerJoin('opening', (join) =>
				join
					.onRef('opening.board_id', '=', 'match.board_id')
					.onRef('opening.card_id', '=', 'match.opening_id')
			)
			// Initials only of the team's own citizens: another team's citizen stays a bare id.
			.leftJoin('citizen', (join) =>
				join.onRef('citizen.id', '=', 'match.citizen_id').on('citizen.team_id', '=', teamId)
			)
			.leftJoin('user', 'user.id', 'match.proposed_by')
			.select(MATCH_COLUMNS)
			.select([
				'opening.position',
				'opening.company_name',
				'user.name as proposed_by_name',
				'citizen.initials'
			])
			.orderBy('opening.deadline')
			.orderBy('match.proposed_at')
			.orderBy('match.match_id')
			.execute()
	);
}
