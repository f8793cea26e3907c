import { computeOpeningFigures, type OpeningFigures } from '../../openings/figures';
import type { Db } from '../db/connect';
import { copenhagenDay, openingStageOf, toFigureInputs } from './overview.mapping';
import { writeAudit } from '../audit/audit.repository';
import {
	selectBoardTeam,
	selectMatchesForExport,
	selectOverviewRows,
	type ExportMatchRow,
	type OverviewOpeningRow
} from './overview.repository';
import type { BoardChanges } from './changes';
import type { OpeningStage } from '../../openings/types';

/** One opening as the overview lists it (behind a figure, and in the CSV export). */
export interface OverviewOpening {
	id: string;
	boardId: string;
	boardName: string;
	position: string;
	companyName: string;
	jobType: string;
	hoursPerWeek: number | null;
	positions: number;
	deadline: string;
	startDate: string;
	jobAreas: string[];
	stage: OpeningStage;
	outcome: string;
	closeReason: string;
	createdAt: number;
	closedAt: number | null;
	matches: number;
}

export interface TeamOverview {
	figures: OpeningFigures;
	/** Every opening of the team's boards, by deadline. */
	openings: OverviewOpening[];
	now: number;
	/** YYYY-MM-DD in Europe/Copenhagen. */
	today: string;
}

function listOpening(row: OverviewOpeningRow, matches: number): OverviewOpening {
	return {
		id: row.card_id,
		boardId: row.board_id,
		boardName: row.board_name,
		position: row.position,
		companyName: row.company_name,
		jobType: row.job_type,
		hoursPerWeek: row.hours_per_week,
		positions: row.positions,
		deadline: row.deadline,
		startDate: row.start_date,
		jobAreas: row.job_areas === '' ? [] : row.job_areas.split('\n'),
		stage: openingStageOf(row),
		outcome: row.outcome,
		closeReason: row.close_reason,
		createdAt: Number(row.created_at),
		closedAt: row.closed_at === null ? null : Number(row.closed_at),
		matches
	};
}

/** The team's figures and openings, now. The caller has authorised the user for the team. */
export async function loadTeamOverview(db: Db, teamId: string, now: number): Promise<TeamOverview> {
	const rows = await selectOverviewRows(db, teamId);
	const today = copenhagenDay(now);
	const figures = computeOpeningFigures(toFigureInputs(rows, now, today));
	const matchCount = new Map<string, number>();
	for (const m of rows.matches)
		matchCount.set(m.opening_id, (matchCount.get(m.opening_id) ?? 0) + 1);
	return {
		figures,
		openings: rows.openings.map((row) => listOpening(row, matchCount.get(row.card_id) ?? 0)),
		now,
		today
	};
}

/**
 * Calls `onChange` whenever a board of the team changes its projection rows. Returns the
 * unsubscribe function. A board's team never changes, so it is looked up once per board.
 */
export function watchTeam(
	db: Db,
	changes: BoardChanges,
	teamId: string,
	onChange: () => void,
	onError: (error: unknown) => void = () => undefined
): () => void {
	const teamOf = new Map<string, Promise<string | undefined>>();
	return changes.subscribe((boardId) => {
		let team = teamOf.get(boardId);
		if (!team) {
			team = selectBoardTeam(db, boardId);
			teamOf.set(boardId, team);
		}
		team
			.then((id) => {
				if (id === teamId) onChange();
			})
			.catch((error: unknown) => {
				teamOf.delete(boardId);
				onError(error);
			});
	});
}

/**
 * The team's matches for the CSV export, with the initials of the team's own citizens (never
 * more: the citizen is a pseudonymous id). Exporting initials is a read of each of those
 * citizens, so each gets an audit row in the same transaction.
 */
export async function exportTeamMatches(
	db: Db,
	actor: { userId: string; teamId: string },
	now: number
): Promise<ExportMatchRow[]> {
	return db.transaction().execute(async (trx) => {
		const rows = await selectMatchesForExport(trx, actor.teamId);
		const citizens = [...new Set(rows.filter((r) => r.initials !== null).map((r) => r.citizen_id))];
		await writeAudit(
			trx,
			citizens.map((id) => ({
				at: now,
				userId: actor.userId,
				action: 'read' as const,
				entity: 'citizen' as const,
				entityId: id,
				detail: 'export'
			}))
		);
		return rows;
	});
}
