import { describe, expect, it } from 'vitest';
import { escalatedActions, productionByWeek, type ActionFigureInput } from './figures';

function action(overrides: Partial<ActionFigureInput>): ActionFigureInput {
	return {
		id: 'a1',
		boardId: 'b1',
		title: 'Ring til Fjordlager',
		ownerId: 'user-bo',
		due: '2026-11-20',
		status: 'open',
		timeTag: '',
		doneAt: null,
		...overrides
	};
}

describe('escalatedActions', () => {
	it('lists open actions more than three days past due, longest first, with days overdue', () => {
		const actions = [
			action({ id: 'three', due: '2026-11-24' }),
			action({ id: 'four', due: '2026-11-23' }),
			action({ id: 'ten', due: '2026-11-17' }),
			action({ id: 'done', due: '2026-11-01', status: 'done', doneAt: 1 }),
			action({ id: 'dropped', due: '2026-11-01', status: 'dropped' }),
			action({ id: 'undated', due: '' }),
			action({ id: 'future', due: '2026-12-24' })
		];
		expect(escalatedActions(actions, '2026-11-27')).toEqual([
			{
				id: 'ten',
				boardId: 'b1',
				title: 'Ring til Fjordlager',
				ownerId: 'user-bo',
				due: '2026-11-17',
				daysOverdue: 10
			},
			{
				id: 'four',
				boardId: 'b1',
				title: 'Ring til Fjordlager',
				ownerId: 'user-bo',
				due: '2026-11-23',
				daysOverdue: 4
			}
		]);
	});

	it('counts calendar days across a month and a year end, and takes another threshold', () => {
		expect(escalatedActions([action({ due: '2026-12-30' })], '2027-01-03')).toMatchObject([
			{ daysOverdue: 4 }
		]);
		expect(escalatedActions([action({ due: '2026-11-25' })], '2026-11-27', 1)).toMatchObject([
			{ daysOverdue: 2 }
		]);
		expect(escalatedActions([action({ due: '2026-11-25' })], '2026-11-27', 3)).toEqual([]);
		expect(escalatedActions([action({ due: '2026-11-25' })], '2026-11-27', 2), 'exactly N').toEqual(
			[]
		);
		expect(() => escalatedActions([], '27.11.2026')).toThrow(RangeError);
	});
});

describe('productionByWeek', () => {
	// Friday 27 November 2026, 10:00 in Copenhagen (UTC+1): ISO week 48.
	const NOW = Date.UTC(2026, 10, 27, 9, 0);

	it('gives the last eight ISO weeks, oldest first, the current one last', () => {
		const rows = productionByWeek([], NOW);
		expect(rows.map((r) => r.week)).toEqual([41, 42, 43, 44, 45, 46, 47, 48]);
		expect(rows.every((r) => r.total === 0 && r.counts.outreach === 0)).toBe(true);
	});

	it('counts done actions per time tag in the Copenhagen week of doneAt', () => {
		const rows = productionByWeek(
			[
				action({ id: '1', status: 'done', timeTag: 'outreach', doneAt: Date.UTC(2026, 10, 23, 8) }),
				action({ id: '2', status: 'done', timeTag: 'outreach', doneAt: Date.UTC(2026, 10, 27, 8) }),
				action({
					id: '3',
					status: 'done',
					timeTag: 'citizen-talk',
					doneAt: Date.UTC(2026, 10, 26, 8)
				}),
				// Sunday 22 November 23:30 UTC is Monday 00:30 in Copenhagen: week 48, not 47.
				action({
					id: '4',
					status: 'done',
					timeTag: 'documentation',
					doneAt: Date.UTC(2026, 10, 22, 23, 30)
				}),
				action({ id: '5', status: 'done', timeTag: '', doneAt: Date.UTC(2026, 10, 18, 8) }),
				// Not counted: dropped, open, too old, in the future.
				action({ id: '6', status: 'dropped', timeTag: 'outreach', doneAt: Date.UTC(2026, 10, 25) }),
				action({ id: '7', status: 'open', timeTag: 'outreach' }),
				action({ id: '8', status: 'done', timeTag: 'outreach', doneAt: Date.UTC(2026, 8, 1) }),
				action({ id: '9', status: 'done', timeTag: 'outreach', doneAt: Date.UTC(2026, 11, 10) })
			],
			NOW
		);
		const week48 = rows.at(-1)!;
		expect(week48).toMatchObject({ year: 2026, week: 48, total: 4 });
		expect(week48.counts).toEqual({
			'': 0,
			outreach: 2,
			'citizen-talk': 1,
			'follow-up': 0,
			documentation: 1
		});
		expect(rows.at(-2)).toMatchObject({ week: 47, total: 1, counts: { '': 1 } });
		expect(rows.reduce((sum, r) => sum + r.total, 0)).toBe(5);
	});

	it('names weeks across a year end by the ISO year', () => {
		const rows = productionByWeek([], Date.UTC(2027, 0, 6, 12));
		expect(rows.at(-1)).toMatchObject({ year: 2027, week: 1 });
		expect(rows.at(-2)).toMatchObject({ year: 2026, week: 53 });
	});
});
