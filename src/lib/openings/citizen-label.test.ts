import { describe, expect, it } from 'vitest';
import { labelCitizens } from './citizen-label';
import type { Match } from './types';

const T0 = Date.UTC(2026, 10, 27, 9, 0, 0);

/** A proposal of a citizen at minute `minute`; the status does not matter for labels. */
function proposed(id: string, citizenId: string, minute: number): Match {
	const at = T0 + minute * 60_000;
	return {
		id,
		openingId: 'o1',
		citizenId,
		status: 'proposed',
		proposedBy: 'u1',
		proposedAt: at,
		updatedAt: at
	};
}

const INITIALS = new Map([
	['c-ah', 'AH'],
	['c-mo', 'MØ']
]);

describe('labelCitizens', () => {
	it('numbers citizens by proposal order, whatever order the matches come in', () => {
		const labels = labelCitizens(
			[proposed('m9', 'c-mo', 2), proposed('m1', 'c-ah', 1), proposed('m5', 'c-pe', 3)],
			null,
			true
		);
		expect([...labels]).toEqual([
			['c-ah', { kind: 'neutral', number: 1 }],
			['c-mo', { kind: 'neutral', number: 2 }],
			['c-pe', { kind: 'neutral', number: 3 }]
		]);
	});

	it('breaks a tie in time by match id, so every device shows the same numbers', () => {
		const labels = labelCitizens([proposed('mb', 'c-x', 1), proposed('ma', 'c-y', 1)], null, false);
		expect(labels.get('c-y')).toEqual({ kind: 'neutral', number: 1 });
		expect(labels.get('c-x')).toEqual({ kind: 'neutral', number: 2 });
	});

	it('shows initials only when allowed and fetched', () => {
		const matches = [proposed('m1', 'c-ah', 1), proposed('m2', 'c-mo', 2)];
		expect(labelCitizens(matches, INITIALS, true).get('c-mo')).toEqual({
			kind: 'initials',
			initials: 'MØ',
			number: 2
		});
		// The shared screen and viewers: never initials, even if some were known.
		expect(labelCitizens(matches, INITIALS, false).get('c-mo')).toEqual({
			kind: 'neutral',
			number: 2
		});
		// Allowed but not fetched yet.
		expect(labelCitizens(matches, null, true).get('c-ah')).toEqual({ kind: 'neutral', number: 1 });
	});

	it('keeps a neutral label for a citizen the fetched list does not know (closed, other team)', () => {
		const labels = labelCitizens(
			[proposed('m1', 'c-gone', 1), proposed('m2', 'c-ah', 2)],
			INITIALS,
			true
		);
		expect(labels.get('c-gone')).toEqual({ kind: 'neutral', number: 1 });
		expect(labels.get('c-ah')).toEqual({ kind: 'initials', initials: 'AH', number: 2 });
	});

	it('gives a citizen proposed twice (two devices at once) one number, from the first proposal', () => {
		const labels = labelCitizens(
			[proposed('m3', 'c-ah', 5), proposed('m1', 'c-mo', 1), proposed('m2', 'c-ah', 2)],
			null,
			false
		);
		expect([...labels.values()].map((l) => l.number)).toEqual([1, 2]);
		expect(labels.get('c-ah')).toEqual({ kind: 'neutral', number: 2 });
	});

	it('labels nothing for an opening without matches', () => {
		expect(labelCitizens([], INITIALS, true).size).toBe(0);
	});
});
