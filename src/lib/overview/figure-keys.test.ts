import { describe, expect, it } from 'vitest';
import { computeOpeningFigures } from '../openings/figures';
import { DAY_MS, JOB_TYPES, type Opening } from '../openings/types';
import { FIGURE_KEYS, isFigureKey, openingIdsOf, typeFigureKey } from './figure-keys';

const NOW = Date.UTC(2026, 10, 27, 9, 0);

function opening(id: string, overrides: Partial<Opening> = {}): Opening {
	return {
		id,
		companyId: 'c1',
		position: 'Opvasker',
		jobType: 'ordinary',
		hoursPerWeek: null,
		positions: 1,
		deadline: '2026-12-20',
		startDate: '',
		jobAreas: [],
		ownerId: '',
		stage: 'new',
		createdAt: NOW - DAY_MS,
		closedAt: null,
		...overrides
	};
}

describe('figure keys', () => {
	const figures = computeOpeningFigures({
		openings: [
			opening('soon', { deadline: '2026-11-29', jobType: 'smalljob' }),
			opening('late', { deadline: '2026-11-20', jobType: 'flexjob' }),
			opening('filled', { stage: 'filled', closedAt: NOW - 2 * DAY_MS })
		],
		matches: [],
		companies: [],
		candidates: [],
		now: NOW,
		today: '2026-11-27'
	});

	it('name every figure once, one per job type included', () => {
		expect(new Set(FIGURE_KEYS).size).toBe(FIGURE_KEYS.length);
		for (const type of JOB_TYPES) expect(isFigureKey(typeFigureKey(type))).toBe(true);
		expect(isFigureKey('bogus')).toBe(false);
		expect(isFigureKey(undefined)).toBe(false);
	});

	it('lead to the openings behind each figure', () => {
		expect(openingIdsOf(figures, 'open')).toEqual(['soon', 'late']);
		expect(openingIdsOf(figures, 'due-soon')).toEqual(['soon']);
		expect(openingIdsOf(figures, 'overdue')).toEqual(['late']);
		expect(openingIdsOf(figures, 'smalljob')).toEqual(['soon']);
		expect(openingIdsOf(figures, 'type-flexjob')).toEqual(['late']);
		expect(openingIdsOf(figures, 'type-ordinary')).toEqual([]);
		expect(openingIdsOf(figures, 'fill-rate-30')).toEqual(['filled']);
		expect(openingIdsOf(figures, 'days-to-fill')).toEqual(['filled']);
	});
});
