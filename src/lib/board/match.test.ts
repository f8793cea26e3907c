import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
	applyCrafted,
	buildBoard,
	expectRefused,
	NOW,
	openingInput,
	rawMatchFields,
	setRawMap,
	transactionsOf,
	USER_ANNA,
	USER_BO
} from '../../../tests/fixtures/board-fixtures';
import {
	addCard,
	deleteCard,
	getMatch,
	getMatches,
	listMatches,
	readBoard,
	readMatches,
	restoreCard
} from './model';
import {
	addOpening,
	proposeCandidate,
	removeMatch,
	restoreMatch,
	setMatchStatus
} from './openings';
import { checkBoard, ROOT_KEYS } from './schema';
import { LIMITS, type MatchStatus } from './types';

const ORIGIN = { user: 'match-test' };
const CITIZEN_A = 'citizen-a7k2';
const CITIZEN_B = 'citizen-b3m9';

function boardWithOpenings() {
	const built = buildBoard({ Ny: ['Ring til Fjordlager'], Besat: [] });
	const first = addOpening(built.doc, openingInput(built.lane('Ny')), ORIGIN);
	const second = addOpening(
		built.doc,
		{ ...openingInput(built.lane('Ny')), title: 'Kok, Kantine Nord', position: 'Kok' },
		ORIGIN
	);
	return { ...built, first, second };
}

function refusal(doc: Y.Doc): string {
	const result = checkBoard(doc);
	if (result.ok) throw new Error('checkBoard accepted the board');
	return result.reason;
}

describe('proposeCandidate', () => {
	it('adds a proposed match in one transaction and shows it under its opening', () => {
		const { doc, first, second } = boardWithOpenings();
		let id = '';
		const origins = transactionsOf(doc, () => {
			id = proposeCandidate(
				doc,
				{ openingId: first, citizenId: CITIZEN_A, proposedBy: USER_ANNA, now: NOW },
				ORIGIN
			);
		});
		expect(origins).toEqual([ORIGIN]);
		const match = {
			id,
			openingId: first,
			citizenId: CITIZEN_A,
			status: 'proposed',
			proposedBy: USER_ANNA,
			proposedAt: NOW,
			updatedAt: NOW
		};
		expect(getMatch(doc, id)).toEqual(match);
		expect(readMatches(doc, first)).toEqual([match]);
		expect(readMatches(doc, second)).toEqual([]);
		expect(readBoard(doc).matches).toEqual({ [first]: [match] });
		expect(checkBoard(doc)).toEqual({ ok: true });
	});

	it('lists matches by time proposed, and lets one citizen be proposed for several openings', () => {
		const { doc, first, second } = boardWithOpenings();
		const late = proposeCandidate(
			doc,
			{ openingId: first, citizenId: CITIZEN_B, proposedBy: USER_BO, now: NOW + 5 },
			ORIGIN
		);
		const early = proposeCandidate(
			doc,
			{ openingId: first, citizenId: CITIZEN_A, proposedBy: USER_ANNA, now: NOW },
			ORIGIN
		);
		const other = proposeCandidate(
			doc,
			{ openingId: second, citizenId: CITIZEN_A, proposedBy: USER_ANNA, now: NOW + 1 },
			ORIGIN
		);
		expect(listMatches(doc).map((m) => m.id)).toEqual([early, other, late]);
		expect(readBoard(doc).matches[first]!.map((m) => m.id)).toEqual([early, late]);
	});

	it.each<[string, Record<string, unknown>, 'invalid' | 'not-found']>([
		['a citizen id that is not an id', { citizenId: 'K.J.' }, 'invalid'],
		['citizen initials instead of an id', { citizenId: 'KJ 12' }, 'invalid'],
		['an empty proposer', { proposedBy: '' }, 'invalid'],
		['a bad time', { now: Number.NaN }, 'invalid'],
		['an unknown opening', { openingId: 'no-such-card' }, 'not-found'],
		['a taken id', { id: 'taken' }, 'invalid'],
		['an id that is not an id', { id: 'Not An Id' }, 'invalid']
	])('refuses %s', (_what, patch, code) => {
		const { doc, first } = boardWithOpenings();
		proposeCandidate(
			doc,
			{ openingId: first, citizenId: CITIZEN_B, proposedBy: USER_BO, now: NOW, id: 'taken' },
			ORIGIN
		);
		const input = {
			openingId: first,
			citizenId: CITIZEN_A,
			proposedBy: USER_ANNA,
			now: NOW,
			...patch
		} as Parameters<typeof proposeCandidate>[1];
		expectRefused(doc, code, () => proposeCandidate(doc, input, ORIGIN));
	});

	it('refuses a card that is not an opening', () => {
		const { doc, card } = boardWithOpenings();
		expectRefused(doc, 'invalid', () =>
			proposeCandidate(
				doc,
				{
					openingId: card('Ring til Fjordlager'),
					citizenId: CITIZEN_A,
					proposedBy: USER_ANNA,
					now: NOW
				},
				ORIGIN
			)
		);
	});

	it('refuses a citizen already proposed for the opening', () => {
		const { doc, first } = boardWithOpenings();
		const input = { openingId: first, citizenId: CITIZEN_A, proposedBy: USER_ANNA, now: NOW };
		proposeCandidate(doc, input, ORIGIN);
		expectRefused(doc, 'invalid', () =>
			proposeCandidate(doc, { ...input, proposedBy: USER_BO, now: NOW + 1 }, ORIGIN)
		);
	});

	it('keeps both matches when two devices propose the same citizen at once, and the board stays valid', () => {
		const { doc, first } = boardWithOpenings();
		const other = new Y.Doc();
		Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
		const input = { openingId: first, citizenId: CITIZEN_A, proposedBy: USER_ANNA, now: NOW };
		proposeCandidate(doc, input, ORIGIN);
		proposeCandidate(other, { ...input, proposedBy: USER_BO }, ORIGIN);
		Y.applyUpdate(doc, Y.encodeStateAsUpdate(other));
		Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
		expect(checkBoard(doc)).toEqual({ ok: true });
		expect(readMatches(doc, first)).toHaveLength(2);
		expect(readBoard(other)).toEqual(readBoard(doc));
	});

	it('refuses a match beyond the limit', () => {
		const { doc, first } = boardWithOpenings();
		// Bare entries are enough: the count covers every entry, valid or not, like the schema's.
		doc.transact(() => {
			for (let i = 0; i < LIMITS.matches; i++)
				getMatches(doc).set(`m${i}`, new Y.Map<string | number>());
		});
		expectRefused(doc, 'limit', () =>
			proposeCandidate(
				doc,
				{ openingId: first, citizenId: CITIZEN_A, proposedBy: USER_ANNA, now: NOW },
				ORIGIN
			)
		);
	});
});

describe('setMatchStatus, removeMatch and restoreMatch', () => {
	it('walks a match through its statuses, bumping updatedAt only on a change', () => {
		const { doc, first } = boardWithOpenings();
		const id = proposeCandidate(
			doc,
			{ openingId: first, citizenId: CITIZEN_A, proposedBy: USER_ANNA, now: NOW },
			ORIGIN
		);
		const statuses: MatchStatus[] = ['referred', 'interview', 'hired'];
		statuses.forEach((status, i) => {
			expect(
				transactionsOf(doc, () =>
					setMatchStatus(doc, { matchId: id, status, now: NOW + i + 1 }, ORIGIN)
				)
			).toEqual([ORIGIN]);
		});
		expect(getMatch(doc, id)).toMatchObject({ status: 'hired', updatedAt: NOW + 3 });
		expect(
			transactionsOf(doc, () =>
				setMatchStatus(doc, { matchId: id, status: 'hired', now: NOW + 9 }, ORIGIN)
			)
		).toEqual([]);
		expect(getMatch(doc, id)!.updatedAt).toBe(NOW + 3);
		expect(checkBoard(doc)).toEqual({ ok: true });
	});

	it('refuses an unknown status, a bad time and an unknown match', () => {
		const { doc, first } = boardWithOpenings();
		const id = proposeCandidate(
			doc,
			{ openingId: first, citizenId: CITIZEN_A, proposedBy: USER_ANNA, now: NOW },
			ORIGIN
		);
		expectRefused(doc, 'invalid', () =>
			setMatchStatus(doc, { matchId: id, status: 'ansat' as MatchStatus, now: NOW }, ORIGIN)
		);
		expectRefused(doc, 'invalid', () =>
			setMatchStatus(doc, { matchId: id, status: 'referred', now: -5 }, ORIGIN)
		);
		expectRefused(doc, 'not-found', () =>
			setMatchStatus(doc, { matchId: 'no-such-match', status: 'referred', now: NOW }, ORIGIN)
		);
		expectRefused(doc, 'not-found', () => removeMatch(doc, 'no-such-match', ORIGIN));
	});

	it('removes a match and puts it back with undo, unless the citizen was proposed again', () => {
		const { doc, first } = boardWithOpenings();
		const input = { openingId: first, citizenId: CITIZEN_A, proposedBy: USER_ANNA, now: NOW };
		const id = proposeCandidate(doc, input, ORIGIN);
		setMatchStatus(doc, { matchId: id, status: 'interview', now: NOW + 1 }, ORIGIN);
		const before = readBoard(doc);
		const removed = removeMatch(doc, id, ORIGIN);
		expect(getMatch(doc, id)).toBeUndefined();
		expect(readBoard(doc).matches).toEqual({});
		restoreMatch(doc, removed, ORIGIN);
		expect(readBoard(doc)).toEqual(before);
		expectRefused(doc, 'invalid', () => restoreMatch(doc, removed, ORIGIN));
		removeMatch(doc, id, ORIGIN);
		proposeCandidate(doc, input, ORIGIN);
		expectRefused(doc, 'invalid', () => restoreMatch(doc, removed, ORIGIN));
		expectRefused(doc, 'invalid', () =>
			restoreMatch(doc, { ...removed, id: 'other', citizenId: 'K J' }, ORIGIN)
		);
	});

	it("hides the matches of a deleted opening and brings them back with the card's undo", () => {
		const { doc, first } = boardWithOpenings();
		proposeCandidate(
			doc,
			{ openingId: first, citizenId: CITIZEN_A, proposedBy: USER_ANNA, now: NOW },
			ORIGIN
		);
		const before = readBoard(doc);
		const deleted = deleteCard(doc, first, ORIGIN);
		expect(readBoard(doc).matches).toEqual({});
		expect(listMatches(doc)).toHaveLength(1);
		expect(checkBoard(doc)).toEqual({ ok: true });
		restoreCard(doc, deleted, ORIGIN);
		expect(readBoard(doc)).toEqual(before);
	});

	it('accepts a match proposed while another device deletes the opening (a race, not an attack)', () => {
		const { doc, first } = boardWithOpenings();
		const other = new Y.Doc();
		Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
		deleteCard(doc, first, ORIGIN);
		proposeCandidate(
			other,
			{ openingId: first, citizenId: CITIZEN_A, proposedBy: USER_BO, now: NOW },
			ORIGIN
		);
		Y.applyUpdate(doc, Y.encodeStateAsUpdate(other));
		expect(checkBoard(doc)).toEqual({ ok: true });
		expect(readBoard(doc).matches).toEqual({});
	});
});

describe('checkBoard on matches', () => {
	it('accepts a match from another client without updatedAt', () => {
		const { doc, first } = boardWithOpenings();
		applyCrafted(doc, (evil) => {
			const fields = rawMatchFields('raw-match', first);
			delete fields.updatedAt;
			setRawMap(evil.getMap(ROOT_KEYS.matches), 'raw-match', fields);
		});
		expect(checkBoard(doc)).toEqual({ ok: true });
		expect(getMatch(doc, 'raw-match')!.updatedAt).toBe(NOW);
	});

	it.each<[string, Record<string, unknown>, RegExp]>([
		['an unknown field', { initials: 'KJ' }, /unknown field "initials"/],
		['a key that differs from its id', { id: 'other' }, /bad id/],
		['a missing openingId', { openingId: undefined }, /bad openingId/],
		['an openingId that is a number', { openingId: 7 }, /bad openingId/],
		['a missing citizenId', { citizenId: undefined }, /bad citizenId/],
		['a citizenId with initials and spaces', { citizenId: 'K J' }, /bad citizenId/],
		['an unknown status', { status: 'ansat' }, /unknown status/],
		['a missing status', { status: undefined }, /unknown status/],
		['a missing proposedBy', { proposedBy: undefined }, /bad proposedBy/],
		['an empty proposedBy', { proposedBy: '' }, /bad proposedBy/],
		['a string proposedAt', { proposedAt: String(NOW) }, /bad timestamp/],
		['a missing proposedAt', { proposedAt: undefined }, /bad timestamp/],
		['a fractional updatedAt', { updatedAt: NOW + 0.5 }, /bad timestamp/],
		['a status that is a Y.Text', { status: new Y.Text('hired') }, /unknown status/]
	])('refuses a match with %s', (_what, overrides, reason) => {
		const { doc, first } = boardWithOpenings();
		applyCrafted(doc, (evil) => {
			const fields = rawMatchFields('evil-match', first, overrides);
			for (const [key, value] of Object.entries(overrides))
				if (value === undefined) delete fields[key];
			setRawMap(evil.getMap(ROOT_KEYS.matches), 'evil-match', fields);
		});
		expect(refusal(doc)).toMatch(new RegExp(`^match evil-match: ${reason.source}`));
	});

	it('refuses a match that is not a map, with a bounded reason', () => {
		const { doc } = boardWithOpenings();
		const key = 'm'.repeat(10_000);
		applyCrafted(doc, (evil) => evil.getMap(ROOT_KEYS.matches).set(key, 'KJ'));
		const reason = refusal(doc);
		expect(reason).toMatch(/not a map/);
		expect(reason.length).toBeLessThan(200);
	});

	it("refuses 'matches' as a Y.Array", () => {
		const doc = new Y.Doc();
		Y.applyUpdate(
			doc,
			(() => {
				const evil = new Y.Doc();
				evil.getArray(ROOT_KEYS.matches).push(['x']);
				return Y.encodeStateAsUpdate(evil);
			})()
		);
		expect(refusal(doc)).toMatch(/root matches/);
	});

	it('refuses more matches than the limit', () => {
		const { doc } = boardWithOpenings();
		applyCrafted(doc, (evil) => {
			const matches = evil.getMap(ROOT_KEYS.matches);
			for (let i = 0; i <= LIMITS.matches; i++) matches.set(`m${i}`, i);
		});
		expect(refusal(doc)).toBe(`more than ${LIMITS.matches} matches`);
	});

	it('does not check that the opening exists or is an opening', () => {
		const { doc } = boardWithOpenings();
		const note = addCard(
			doc,
			{ laneId: readBoard(doc).lanes[0]!.id, title: 'Note', createdBy: '', now: NOW },
			ORIGIN
		);
		applyCrafted(doc, (evil) => {
			setRawMap(evil.getMap(ROOT_KEYS.matches), 'gone', rawMatchFields('gone', 'deleted-opening'));
			setRawMap(evil.getMap(ROOT_KEYS.matches), 'on-note', rawMatchFields('on-note', note));
		});
		expect(checkBoard(doc)).toEqual({ ok: true });
		expect(readBoard(doc).matches).toEqual({});
	});
});
