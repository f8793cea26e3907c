import { describe, expect, it } from 'vitest';
import { DEFAULT_AGENDA } from './agenda';
import {
	canAddRow,
	customRow,
	editableRows,
	moveRow,
	removeRow,
	typedTotalMinutes
} from './agenda-editor';
import { agendaRows } from './agenda-form';

describe('the agenda editor', () => {
	it('gives each row a key and its own problems, so both travel with the row when it moves', () => {
		const rows = editableRows(
			[
				{ kind: 'deadlines', title: '', minutes: '0' },
				{ kind: 'custom', title: 'Nyt fra ledelsen', minutes: '2' }
			],
			[{ minutes: 'invalid_minutes' }, {}],
			10
		);
		expect(rows.map((r) => r.key)).toEqual([10, 11]);
		const moved = moveRow(rows, 0, 1);
		expect(moved.map((r) => [r.key, r.minutes, r.issues])).toEqual([
			[11, '2', {}],
			[10, '0', { minutes: 'invalid_minutes' }]
		]);
		// The original is not changed: the page replaces its state with the result.
		expect(rows[0]!.key).toBe(10);
	});

	it('moves up and down within bounds and removes by position', () => {
		const rows = ['a', 'b', 'c'];
		expect(moveRow(rows, 2, 0)).toEqual(['c', 'a', 'b']);
		expect(moveRow(rows, 0, -1)).toEqual(['a', 'b', 'c']);
		expect(moveRow(rows, 2, 3)).toEqual(['a', 'b', 'c']);
		expect(removeRow(rows, 1)).toEqual(['a', 'c']);
		expect(removeRow(rows, 5)).toEqual(['a', 'b', 'c']);
	});

	it('adds own items up to the limit of eight', () => {
		expect(customRow(7)).toEqual({ key: 7, kind: 'custom', title: '', minutes: '2', issues: {} });
		expect(canAddRow(7)).toBe(true);
		expect(canAddRow(8)).toBe(false);
	});

	it('adds up the valid minutes and says when some are not valid yet', () => {
		expect(typedTotalMinutes(agendaRows(DEFAULT_AGENDA))).toEqual({ minutes: 13, complete: true });
		expect(
			typedTotalMinutes([{ minutes: ' 4 ' }, { minutes: '0' }, { minutes: '2,5' }, { minutes: '' }])
		).toEqual({ minutes: 4, complete: false });
		expect(typedTotalMinutes([{ minutes: '31' }, { minutes: '30' }])).toEqual({
			minutes: 30,
			complete: false
		});
	});
});
