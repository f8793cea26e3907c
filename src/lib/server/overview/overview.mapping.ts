import { dayNumber } from '../../openings/deadline';
import type { OpeningFiguresInput } from '../../openings/figures';
import {
	JOB_TYPES,
	MATCH_STATUSES,
	OPENING_STAGES,
	type JobType,
	type Match,
	type MatchStatus,
	type Opening,
	type OpeningStage
} from '../../openings/types';
import type { OverviewRows } from './overview.repository';

/**
 * Pure: projection rows → the inputs of computeOpeningFigures. Rows come from checked board
 * documents, but the overview must never fail for one odd row, so a row it cannot read (an
 * unknown job type or status, a deadline that is not a date) is left out rather than thrown on.
 */

function isOneOf<T extends string>(list: readonly T[], value: string): value is T {
	return (list as readonly string[]).includes(value);
}

/**
 * The stage the figures count an opening in: its lane's stage (what the board shows). In a lane
 * that stands for no stage, a closed opening counts by its outcome and an open one as "new".
 */
export function openingStageOf(row: { stage: string | null; outcome: string }): OpeningStage {
	if (row.stage !== null && isOneOf(OPENING_STAGES, row.stage)) return row.stage;
	if (row.outcome === 'filled' || row.outcome === 'not-filled') return row.outcome;
	return 'new';
}

function splitTags(text: string): string[] {
	return text === '' ? [] : text.split('\n');
}

export function mapOpeningRow(row: OverviewRows['openings'][number]): Opening | null {
	if (!isOneOf<JobType>(JOB_TYPES, row.job_type)) return null;
	if (dayNumber(row.deadline) === null) return null;
	return {
		id: row.card_id,
		companyId: row.company_id,
		position: row.position,
		jobType: row.job_type,
		hoursPerWeek: row.hours_per_week,
		positions: row.positions,
		deadline: row.deadline,
		startDate: row.start_date,
		jobAreas: splitTags(row.job_areas),
		ownerId: row.owner_id,
		stage: openingStageOf(row),
		createdAt: Number(row.created_at),
		closedAt: row.closed_at === null ? null : Number(row.closed_at)
	};
}

export function mapMatchRow(row: OverviewRows['matches'][number]): Match | null {
	if (!isOneOf<MatchStatus>(MATCH_STATUSES, row.status)) return null;
	return {
		id: row.match_id,
		openingId: row.opening_id,
		citizenId: row.citizen_id,
		status: row.status,
		proposedBy: '',
		proposedAt: Number(row.proposed_at),
		updatedAt: Number(row.updated_at)
	};
}

export function toFigureInputs(
	rows: OverviewRows,
	now: number,
	today: string
): OpeningFiguresInput {
	const openings = rows.openings.map(mapOpeningRow).filter((o): o is Opening => o !== null);
	const matches = rows.matches.map(mapMatchRow).filter((m): m is Match => m !== null);
	return {
		openings,
		matches,
		// Names are not needed for any figure; the opening rows carry them for display.
		companies: rows.companies.map((c) => ({
			id: c.company_id,
			name: '',
			firstOpeningAt: c.first_opening_at === null ? null : Number(c.first_opening_at)
		})),
		candidates: rows.citizens.map((c) => ({
			id: c.id,
			initials: '',
			targetGroup: '',
			jobAreas: [],
			hoursWanted: null,
			jobReady: c.job_ready === 1,
			lastOfferedAt: null
		})),
		now,
		today
	};
}

const COPENHAGEN_DAY = new Intl.DateTimeFormat('en-CA', {
	timeZone: 'Europe/Copenhagen',
	year: 'numeric',
	month: '2-digit',
	day: '2-digit'
});

/** The calendar date (YYYY-MM-DD) in Europe/Copenhagen at an instant. */
export function copenhagenDay(now: number): string {
	return COPENHAGEN_DAY.format(new Date(now));
}
