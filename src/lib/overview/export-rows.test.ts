import { describe, expect, it } from 'vitest';
import { computeOpeningFigures } from '$lib/openings/figures';
import { DAY_MS } from '$lib/openings/types';
import { writeCsv } from '$lib/csv/write';
import { figureRows, openingRows } from './export-rows';

const NOW = Date.UTC(2026, 10, 27, 9, 0);

describe('CSV rows', () => {
	it('write an opening with Danish dates, labels and a decimal comma', () => {
		const rows = openingRows(
			[
				{
					id: 'o1',
					boardId: 'b1',
					boardName: 'Jobåbninger',
					position: 'Opvasker',
					companyName: 'Café Solsiden',
					jobType: 'smalljob',
					hoursPerWeek: 7.5,
					positions: 2,
					deadline: '2026-11-20',
					startDate: '',
					jobAreas: ['Opvask', 'Café'],
					stage: 'needs',
					outcome: '',
					closeReason: '',
					createdAt: NOW - DAY_MS,
					closedAt: null,
					matches: 3
				}
			],
			'2026-11-27'
		);
		expect(writeCsv(rows).split('\r\n')[1]).toBe(
			'Jobåbninger;Opvasker;Café Solsiden;Småjob / løntimer;2;7,5;20-11-2026;Ja;;Opvask, Café;Behov afdækket;;26-11-2026;;3'
		);
	});

	it('write fill rates as percent numbers and leave them empty when nothing closed', () => {
		const figures = computeOpeningFigures({
			openings: [],
			matches: [],
			companies: [],
			candidates: [],
			now: NOW,
			today: '2026-11-27'
		});
		const csv = writeCsv(figureRows(figures));
		expect(csv).toContain('\r\nBesættelsesprocent, 30 dage (%);;0\r\n');
		expect(csv).toContain('\r\nMedian dage til besat;;0\r\n');
		expect(csv).toContain('\r\nÅbne jobåbninger;0;0\r\n');
	});
});
