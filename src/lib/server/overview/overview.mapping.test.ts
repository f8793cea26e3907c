import { describe, expect, it } from 'vitest';
import { computeOpeningFigures } from '../../openings/figures';
import { DAY_MS } from '../../openings/types';
import {
	copenhagenDay,
	mapMatchRow,
	mapOpeningRow,
	openingStageOf,
	toFigureInputs
} from './overview.mapping';
import type { OverviewOpeningRow, OverviewRows } from './overview.repository';

const NOW = Date.UTC(2026, 10, 27, 9, 0);
const TODAY = '2026-11-27';

function openingRow(overrides: Partial<OverviewOpeningRow> = {}): OverviewOpeningRow {
	return {
		board_id: 'board1',
		board_name: 'Jobåbninger',
		card_id: 'card1',
		company_id: 'company1',
		company_name: 'Demoby Logistik',
		position: 'Lagermedarbejder',
		job_type: 'ordinary',
		hours_per_week: 37,
		positions: 2,
		deadline: '2026-12-04',
		start_date: '',
		job_areas: 'Lager\nTruck',
		source: 'phone',
		owner_id: 'user1',
		stage: 'new',
		outcome: '',
		close_reason: '',
		created_at: NOW - 10 * DAY_MS,
		closed_at: null,
		...overrides
	};
}

function rows(overrides: Partial<OverviewRows> = {}): OverviewRows {
	return { openings: [], matches: [], companies: [], citizens: [], ...overrides };
}

describe('mapping projection rows to the figures’ inputs', () => {
	it('maps an opening row field by field', () => {
		expect(mapOpeningRow(openingRow())).toEqual({
			id: 'card1',
			companyId: 'company1',
			position: 'Lagermedarbejder',
			jobType: 'ordinary',
			hoursPerWeek: 37,
			positions: 2,
			deadline: '2026-12-04',
			startDate: '',
			jobAreas: ['Lager', 'Truck'],
			ownerId: 'user1',
			stage: 'new',
			createdAt: NOW - 10 * DAY_MS,
			closedAt: null
		});
		expect(mapOpeningRow(openingRow({ job_areas: '' }))?.jobAreas).toEqual([]);
	});

	it('takes the stage from the lane, else from the outcome, else counts the opening as new', () => {
		expect(openingStageOf({ stage: 'interview', outcome: '' })).toBe('interview');
		expect(openingStageOf({ stage: null, outcome: 'filled' })).toBe('filled');
		expect(openingStageOf({ stage: null, outcome: 'not-filled' })).toBe('not-filled');
		expect(openingStageOf({ stage: null, outcome: '' })).toBe('new');
		expect(openingStageOf({ stage: 'bogus', outcome: '' })).toBe('new');
	});

	it('leaves out rows it cannot read instead of failing the whole overview', () => {
		expect(mapOpeningRow(openingRow({ job_type: 'bogus' }))).toBeNull();
		expect(mapOpeningRow(openingRow({ deadline: '04-12-2026' }))).toBeNull();
		expect(
			mapMatchRow({
				board_id: 'b',
				match_id: 'm',
				opening_id: 'card1',
				citizen_id: 'c',
				status: 'bogus',
				proposed_at: 1,
				updated_at: 1
			})
		).toBeNull();
	});

	it('feeds computeOpeningFigures: companies by first opening, job-ready citizens, matches', () => {
		const input = toFigureInputs(
			rows({
				openings: [
					openingRow(),
					openingRow({
						card_id: 'card2',
						company_id: 'company2',
						deadline: '2026-11-20',
						job_type: 'smalljob'
					}),
					openingRow({
						card_id: 'card3',
						stage: 'filled',
						outcome: 'filled',
						created_at: NOW - 20 * DAY_MS,
						closed_at: NOW - 5 * DAY_MS
					})
				],
				matches: [
					{
						board_id: 'board1',
						match_id: 'm1',
						opening_id: 'card1',
						citizen_id: 'ready',
						status: 'proposed',
						proposed_at: NOW - DAY_MS,
						updated_at: NOW - DAY_MS
					},
					{
						board_id: 'board1',
						match_id: 'm2',
						opening_id: 'card2',
						citizen_id: 'not-ready',
						status: 'referred',
						proposed_at: NOW - DAY_MS,
						updated_at: NOW - DAY_MS
					}
				],
				// company1 had an opening on another team's board a year ago: known, not new.
				companies: [
					{ company_id: 'company1', first_opening_at: NOW - 365 * DAY_MS },
					{ company_id: 'company2', first_opening_at: NOW - 10 * DAY_MS }
				],
				citizens: [
					{ id: 'ready', job_ready: 1 },
					{ id: 'not-ready', job_ready: 0 }
				]
			}),
			NOW,
			TODAY
		);
		expect(input.now).toBe(NOW);
		expect(input.today).toBe(TODAY);
		expect(input.candidates.filter((c) => c.jobReady).map((c) => c.id)).toEqual(['ready']);
		const figures = computeOpeningFigures(input);
		expect(figures.open.ids).toEqual(['card1', 'card2']);
		expect(figures.overdueUnfilled.ids).toEqual(['card2']);
		expect(figures.smallJobs.ids).toEqual(['card2']);
		expect(figures.knownCompanies.companyIds).toEqual(['company1']);
		expect(figures.newCompanies.companyIds).toEqual(['company2']);
		expect(figures.offeredToJobReady.ids).toEqual(['card1']);
		expect(figures.fillRate30).toMatchObject({ value: 1, filled: 1, notFilled: 0 });
		expect(figures.medianDaysToFill.value).toBe(15);
		expect(figures.matchesPerOpening).toMatchObject({ value: 1, matches: 2 });
	});
});

describe('copenhagenDay', () => {
	it('is the date in Copenhagen, not in UTC', () => {
		expect(copenhagenDay(Date.UTC(2026, 10, 27, 22, 59))).toBe('2026-11-27');
		expect(copenhagenDay(Date.UTC(2026, 10, 27, 23, 0))).toBe('2026-11-28');
		expect(copenhagenDay(Date.UTC(2026, 5, 30, 22, 0))).toBe('2026-07-01');
	});
});
