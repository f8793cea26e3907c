import { describe, expect, it } from 'vitest';
import type { OpeningOutcome } from '../board/types';
import { positionsFilled } from './positions-filled';
import type { Match, MatchStatus } from './types';

const T0 = Date.UTC(2026, 10, 27, 9, 0, 0);
let counter = 0;

function withStatus(citizenId: string, status: MatchStatus, openingId = 'o1', at = T0): Match {
	return {
		id: `m${++counter}`,
		openingId,
		citizenId,
		status,
		proposedBy: 'u1',
		proposedAt: T0,
		updatedAt: at
	};
}

const open = (positions: number, outcome: OpeningOutcome = '') => ({
	id: 'o1',
	positions,
	outcome
});

describe('positionsFilled', () => {
	it('offers the move to Besat when the only position is hired', () => {
		expect(positionsFilled(open(1), [withStatus('a', 'hired')])).toEqual({
			hired: 1,
			positions: 1,
			offerClose: true
		});
	});

	it('does not offer it while a position is still open', () => {
		const matches = [withStatus('a', 'hired'), withStatus('b', 'interview')];
		expect(positionsFilled(open(2), matches)).toEqual({
			hired: 1,
			positions: 2,
			offerClose: false
		});
	});

	it('offers it when more are hired than there are positions', () => {
		const matches = [withStatus('a', 'hired'), withStatus('b', 'hired'), withStatus('c', 'hired')];
		expect(positionsFilled(open(2), matches)).toMatchObject({ hired: 3, offerClose: true });
	});

	it('counts neither not-chosen nor earlier statuses as hired', () => {
		const matches = (['proposed', 'referred', 'interview', 'not-chosen'] as const).map((s, i) =>
			withStatus(`c${i}`, s)
		);
		expect(positionsFilled(open(1), matches)).toMatchObject({ hired: 0, offerClose: false });
	});

	it('does not offer it for an opening already closed, as Besat or as Ikke besat', () => {
		const matches = [withStatus('a', 'hired')];
		expect(positionsFilled(open(1, 'filled'), matches).offerClose).toBe(false);
		expect(positionsFilled(open(1, 'not-filled'), matches).offerClose).toBe(false);
	});

	it("counts only this opening's matches", () => {
		expect(positionsFilled(open(1), [withStatus('a', 'hired', 'o2')])).toMatchObject({
			hired: 0,
			offerClose: false
		});
	});

	it('counts a citizen proposed twice once, by the match changed last', () => {
		const twice = [withStatus('a', 'hired', 'o1', T0), withStatus('a', 'not-chosen', 'o1', T0 + 1)];
		expect(positionsFilled(open(1), twice)).toMatchObject({ hired: 0, offerClose: false });
		const sameHire = [withStatus('a', 'hired', 'o1', T0), withStatus('a', 'hired', 'o1', T0 + 1)];
		expect(positionsFilled(open(2), sameHire)).toMatchObject({ hired: 1, offerClose: false });
	});

	it('never offers it for an opening without matches, nor for zero positions from a bad row', () => {
		expect(positionsFilled(open(1), []).offerClose).toBe(false);
		expect(positionsFilled(open(0), []).offerClose).toBe(false);
	});
});
