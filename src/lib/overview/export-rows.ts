import { csvDate, csvMomentDate, csvNumber, type CsvValue } from '$lib/csv/write';
import { isOverdueUnfilled } from '$lib/openings/deadline';
import type { OpeningFigures } from '$lib/openings/figures';
import { m } from '$lib/paraglide/messages.js';
import type { OverviewOpening } from '$lib/server/overview/overview.service';
import type { ExportMatchRow } from '$lib/server/overview/overview.repository';
import { FIGURE_KEYS, openingIdsOf, type FigureKey } from './figure-keys';
import {
	closeReasonLabel,
	figureLabel,
	jobTypeLabel,
	matchStatusLabel,
	stageLabel
} from './labels';

/** The tables behind the three CSV downloads: header row first, in the catalogue's words. */

type Rows = CsvValue[][];

export function openingRows(openings: readonly OverviewOpening[], today: string): Rows {
	return [
		[
			m.export_col_board(),
			m.export_col_position(),
			m.export_col_company(),
			m.export_col_type(),
			m.export_col_positions(),
			m.export_col_hours(),
			m.export_col_deadline(),
			m.export_col_overdue(),
			m.export_col_start(),
			m.export_col_job_areas(),
			m.export_col_stage(),
			m.export_col_close_reason(),
			m.export_col_created(),
			m.export_col_closed(),
			m.export_col_matches()
		],
		...openings.map((o) => [
			o.boardName,
			o.position,
			o.companyName,
			jobTypeLabel(o.jobType),
			o.positions,
			o.hoursPerWeek,
			csvDate(o.deadline),
			isOverdueUnfilled(o, today) ? m.export_yes() : m.export_no(),
			csvDate(o.startDate),
			o.jobAreas.join(', '),
			stageLabel(o.stage),
			o.closeReason === '' ? '' : closeReasonLabel(o.closeReason),
			csvMomentDate(o.createdAt),
			csvMomentDate(o.closedAt),
			o.matches
		])
	];
}

export function matchRows(matches: readonly ExportMatchRow[]): Rows {
	return [
		[
			m.export_col_position(),
			m.export_col_company(),
			m.export_col_citizen(),
			m.export_col_initials(),
			m.export_col_status(),
			m.export_col_proposed_by(),
			m.export_col_proposed(),
			m.export_col_updated()
		],
		...matches.map((r) => [
			r.position,
			r.company_name,
			r.citizen_id,
			r.initials ?? '',
			matchStatusLabel(r.status),
			r.proposed_by_name ?? '',
			csvMomentDate(Number(r.proposed_at)),
			csvMomentDate(Number(r.updated_at))
		])
	];
}

function figureValue(figures: OpeningFigures, key: FigureKey): number | null {
	switch (key) {
		case 'open-positions':
			return figures.openPositions.value;
		case 'fill-rate-30':
			return figures.fillRate30.value === null ? null : figures.fillRate30.value * 100;
		case 'fill-rate-90':
			return figures.fillRate90.value === null ? null : figures.fillRate90.value * 100;
		case 'new-companies':
			return figures.newCompanies.value;
		case 'known-companies':
			return figures.knownCompanies.value;
		case 'matches-per-opening':
			return figures.matchesPerOpening.value;
		case 'days-to-fill':
			return figures.medianDaysToFill.value;
		default:
			return openingIdsOf(figures, key).length;
	}
}

export function figureRows(figures: OpeningFigures): Rows {
	return [
		[m.export_col_figure(), m.export_col_value(), m.export_col_openings_behind()],
		...FIGURE_KEYS.map((key) => {
			const label = figureLabel(key);
			const percent = key === 'fill-rate-30' || key === 'fill-rate-90';
			const value = figureValue(figures, key);
			return [
				percent ? m.export_percent({ label }) : label,
				value === null ? '' : csvNumber(value, 1),
				openingIdsOf(figures, key).length
			];
		})
	];
}
