import type { OpeningFigures } from '../openings/figures';
import { JOB_TYPES, type JobType } from '../openings/types';

/**
 * The URL names of the overview's figures (?figure=<key>), and which openings stand behind each.
 * Pure, so the page, the listing and the CSV export agree on one list.
 */

export const FIGURE_KEYS = [
	'open',
	'open-positions',
	'due-soon',
	'overdue',
	'fill-rate-30',
	'fill-rate-90',
	'smalljob',
	...JOB_TYPES.map((type) => `type-${type}` as const),
	'new-companies',
	'known-companies',
	'matches-per-opening',
	'days-to-fill',
	'job-ready'
] as const;

export type FigureKey = (typeof FIGURE_KEYS)[number];

export function isFigureKey(value: unknown): value is FigureKey {
	return typeof value === 'string' && (FIGURE_KEYS as readonly string[]).includes(value);
}

export function typeFigureKey(type: JobType): FigureKey {
	return `type-${type}`;
}

/** The ids of the openings behind a figure. */
export function openingIdsOf(figures: OpeningFigures, key: FigureKey): string[] {
	switch (key) {
		case 'open':
			return figures.open.ids;
		case 'open-positions':
			return figures.openPositions.ids;
		case 'due-soon':
			return figures.dueSoon.ids;
		case 'overdue':
			return figures.overdueUnfilled.ids;
		case 'fill-rate-30':
			return figures.fillRate30.ids;
		case 'fill-rate-90':
			return figures.fillRate90.ids;
		case 'smalljob':
			return figures.smallJobs.ids;
		case 'new-companies':
			return figures.newCompanies.ids;
		case 'known-companies':
			return figures.knownCompanies.ids;
		case 'matches-per-opening':
			return figures.matchesPerOpening.ids;
		case 'days-to-fill':
			return figures.medianDaysToFill.ids;
		case 'job-ready':
			return figures.offeredToJobReady.ids;
		default:
			return figures.byType[key.slice('type-'.length) as JobType].ids;
	}
}
