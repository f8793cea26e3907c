import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
	applyCrafted,
	expectRefused,
	NOW,
	openingInput,
	rawCardFields,
	setRawMap,
	transactionsOf,
	USER_ANNA,
	USER_BO
} from '../../../tests/fixtures/board-fixtures';
import {
	addAction,
	completeAction,
	dropAction,
	getAction,
	linkActionCitizen,
	moveAction,
	reopenAction,
	type AddActionInput
} from './actions';
import { addCard, deleteCard, initBoardWithStages, readBoard, restoreCard } from './model';
import { addOpening } from './openings';
import { checkBoard } from './schema';
import { DEFAULT_LANES } from '../server/boards/board.service';
import { isAction, LIMITS } from './types';

const ORIGIN = { user: 'action-test' };
const LATER = NOW + 60_000;

function board() {
	const doc = new Y.Doc();
	const ids = initBoardWithStages(doc, DEFAULT_LANES, 'server');
	return { doc, laneId: ids[0]! };
}

function actionInput(laneId: string, overrides: Partial<AddActionInput> = {}): AddActionInput {
	return {
		laneId,
		title: 'Ring til Fjordlager om lagerpladsen',
		ownerId: USER_BO,
		due: '2026-12-01',
		followUp: '2026-12-03',
		timeTag: 'outreach',
		createdBy: USER_ANNA,
		now: NOW,
		...overrides
	};
}

function refusal(doc: Y.Doc): string {
	const result = checkBoard(doc);
	if (result.ok) throw new Error('checkBoard accepted the board');
	return result.reason;
}

describe('addAction', () => {
	it('adds an open action with one owner, its dates and tag, in one transaction with the origin', () => {
		const { doc, laneId } = board();
		let id = '';
		const origins = transactionsOf(doc, () => {
			id = addAction(doc, actionInput(laneId), ORIGIN);
		});
		expect(origins).toEqual([ORIGIN]);
		expect(checkBoard(doc)).toEqual({ ok: true });
		const card = getAction(doc, id)!;
		expect(card).toMatchObject({
			kind: 'action',
			title: 'Ring til Fjordlager om lagerpladsen',
			ownerId: USER_BO,
			due: '2026-12-01',
			createdBy: USER_ANNA
		});
		expect(card.action).toEqual({
			followUp: '2026-12-03',
			status: 'open',
			dropReason: '',
			doneAt: null,
			openingId: '',
			citizenId: '',
			timeTag: 'outreach'
		});
	});

	it('links an opening on the board and a citizen by pseudonymous id', () => {
		const { doc, laneId } = board();
		const opening = addOpening(doc, openingInput(laneId), ORIGIN);
		const id = addAction(
			doc,
			actionInput(laneId, { openingId: opening, citizenId: 'citizen-7f3a' }),
			ORIGIN
		);
		expect(getAction(doc, id)!.action).toMatchObject({
			openingId: opening,
			citizenId: 'citizen-7f3a'
		});
	});

	it.each<[string, Partial<AddActionInput>]>([
		['no owner', { ownerId: '' }],
		['an owner that is no id', { ownerId: 'Bo Hansen' }],
		['no due date', { due: '' }],
		['an impossible due date', { due: '2026-02-30' }],
		['no follow-up date', { followUp: '' }],
		['a follow-up date in Danish notation', { followUp: '03.12.2026' }],
		['a blank title', { title: '  ' }],
		['an unknown time tag', { timeTag: 'coffee' as never }],
		['an opening that is not on the board', { openingId: 'no-such-opening' }],
		['a citizen id that is not an id', { citizenId: 'Karen Jensen' }]
	])('refuses %s without touching the document', (_what, overrides) => {
		const { doc, laneId } = board();
		expectRefused(doc, 'invalid', () => addAction(doc, actionInput(laneId, overrides), ORIGIN));
	});

	it('refuses a link to a card that is not an opening', () => {
		const { doc, laneId } = board();
		const note = addCard(
			doc,
			{ laneId, kind: 'note', title: 'Husk kaffe', createdBy: USER_ANNA, now: NOW },
			ORIGIN
		);
		expectRefused(doc, 'invalid', () =>
			addAction(doc, actionInput(laneId, { openingId: note }), ORIGIN)
		);
	});
});

describe('completing, moving, dropping and reopening', () => {
	it('marks done with doneAt, and done again keeps the first doneAt', () => {
		const { doc, laneId } = board();
		const id = addAction(doc, actionInput(laneId), ORIGIN);
		expect(
			transactionsOf(doc, () => completeAction(doc, { cardId: id, now: LATER }, ORIGIN))
		).toEqual([ORIGIN]);
		expect(getAction(doc, id)!.action).toMatchObject({ status: 'done', doneAt: LATER });
		expect(getAction(doc, id)!.updatedAt).toBe(LATER);
		completeAction(doc, { cardId: id, now: LATER + 5000 }, ORIGIN);
		expect(getAction(doc, id)!.action.doneAt).toBe(LATER);
	});

	it('moves an open action to new dates; the follow-up date stays unless given', () => {
		const { doc, laneId } = board();
		const id = addAction(doc, actionInput(laneId), ORIGIN);
		moveAction(doc, { cardId: id, due: '2026-12-08', now: LATER }, ORIGIN);
		expect(getAction(doc, id)).toMatchObject({
			due: '2026-12-08',
			action: { followUp: '2026-12-03' }
		});
		moveAction(doc, { cardId: id, due: '2026-12-09', followUp: '2026-12-10', now: LATER }, ORIGIN);
		expect(getAction(doc, id)).toMatchObject({
			due: '2026-12-09',
			action: { followUp: '2026-12-10' }
		});
	});

	it('refuses to move to a bad date, or to move an action that is not open', () => {
		const { doc, laneId } = board();
		const id = addAction(doc, actionInput(laneId), ORIGIN);
		expectRefused(doc, 'invalid', () =>
			moveAction(doc, { cardId: id, due: '', now: LATER }, ORIGIN)
		);
		expectRefused(doc, 'invalid', () =>
			moveAction(doc, { cardId: id, due: '2026-12-08', followUp: 'soon', now: LATER }, ORIGIN)
		);
		completeAction(doc, { cardId: id, now: LATER }, ORIGIN);
		expectRefused(doc, 'invalid', () =>
			moveAction(doc, { cardId: id, due: '2026-12-08', now: LATER }, ORIGIN)
		);
	});

	it('drops with a required reason, and reopening clears reason and doneAt', () => {
		const { doc, laneId } = board();
		const id = addAction(doc, actionInput(laneId), ORIGIN);
		expectRefused(doc, 'invalid', () =>
			dropAction(doc, { cardId: id, reason: ' ', now: LATER }, ORIGIN)
		);
		expectRefused(doc, 'invalid', () =>
			dropAction(doc, { cardId: id, reason: 'x'.repeat(LIMITS.dropReason + 1), now: LATER }, ORIGIN)
		);
		completeAction(doc, { cardId: id, now: LATER }, ORIGIN);
		dropAction(doc, { cardId: id, reason: ' Virksomheden har lukket ', now: LATER }, ORIGIN);
		expect(getAction(doc, id)!.action).toMatchObject({
			status: 'dropped',
			dropReason: 'Virksomheden har lukket',
			doneAt: null
		});
		reopenAction(doc, { cardId: id, now: LATER }, ORIGIN);
		expect(getAction(doc, id)!.action).toMatchObject({
			status: 'open',
			dropReason: '',
			doneAt: null
		});
		expect(checkBoard(doc)).toEqual({ ok: true });
	});

	it('refuses these operations on a card that is not an action, and on a missing card', () => {
		const { doc, laneId } = board();
		const note = addCard(
			doc,
			{ laneId, kind: 'note', title: 'Husk kaffe', createdBy: USER_ANNA, now: NOW },
			ORIGIN
		);
		expectRefused(doc, 'invalid', () => completeAction(doc, { cardId: note, now: LATER }, ORIGIN));
		expectRefused(doc, 'not-found', () =>
			reopenAction(doc, { cardId: 'gone', now: LATER }, ORIGIN)
		);
	});

	it('links a citizen by pseudonymous id, changes and clears the link, in one transaction each', () => {
		const { doc, laneId } = board();
		const id = addAction(doc, actionInput(laneId), ORIGIN);
		const origins = transactionsOf(doc, () =>
			linkActionCitizen(doc, { cardId: id, citizenId: 'citizen-7f3a', now: LATER }, ORIGIN)
		);
		expect(origins).toEqual([ORIGIN]);
		expect(getAction(doc, id)).toMatchObject({
			updatedAt: LATER,
			action: { citizenId: 'citizen-7f3a', status: 'open' }
		});
		linkActionCitizen(doc, { cardId: id, citizenId: '', now: LATER + 1 }, ORIGIN);
		expect(getAction(doc, id)).toMatchObject({ updatedAt: LATER + 1, action: { citizenId: '' } });
		// The same value again writes nothing, so a second device's save does not bump the time.
		const before = Y.encodeStateVector(doc);
		linkActionCitizen(doc, { cardId: id, citizenId: '', now: LATER + 2 }, ORIGIN);
		expect(Y.encodeStateVector(doc)).toEqual(before);
		expect(getAction(doc, id)!.updatedAt).toBe(LATER + 1);
		expect(checkBoard(doc)).toEqual({ ok: true });
	});

	it('refuses initials or a name as the citizen link, and a link on a card that is not an action', () => {
		const { doc, laneId } = board();
		const id = addAction(doc, actionInput(laneId), ORIGIN);
		expectRefused(doc, 'invalid', () =>
			linkActionCitizen(doc, { cardId: id, citizenId: 'Karen Jensen', now: LATER }, ORIGIN)
		);
		const note = addCard(
			doc,
			{ laneId, kind: 'note', title: 'Husk kaffe', createdBy: USER_ANNA, now: NOW },
			ORIGIN
		);
		expectRefused(doc, 'invalid', () =>
			linkActionCitizen(doc, { cardId: note, citizenId: 'citizen-7f3a', now: LATER }, ORIGIN)
		);
	});

	it('merges a completion on one device with a move on another field by field', () => {
		const { doc, laneId } = board();
		const id = addAction(doc, actionInput(laneId), ORIGIN);
		const other = new Y.Doc();
		Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
		completeAction(doc, { cardId: id, now: LATER }, ORIGIN);
		dropAction(other, { cardId: id, reason: 'Ikke relevant', now: LATER }, ORIGIN);
		Y.applyUpdate(doc, Y.encodeStateAsUpdate(other));
		Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
		expect(checkBoard(doc)).toEqual({ ok: true });
		expect(getAction(doc, id)).toEqual(getAction(other, id));
	});

	it('restores a deleted action with every action field', () => {
		const { doc, laneId } = board();
		const id = addAction(doc, actionInput(laneId, { citizenId: 'citizen-7f3a' }), ORIGIN);
		completeAction(doc, { cardId: id, now: LATER }, ORIGIN);
		const before = getAction(doc, id)!;
		const deleted = deleteCard(doc, id, ORIGIN);
		restoreCard(doc, deleted, ORIGIN);
		expect(getAction(doc, id)).toEqual(before);
		expect(() => restoreCard(doc, { ...deleted, id: 'other', kind: 'note' }, ORIGIN)).toThrow(
			/action fields/
		);
	});
});

describe('checkBoard on action cards', () => {
	it('reads an action written without its own fields (an older client) with the defaults', () => {
		const { doc, laneId } = board();
		applyCrafted(doc, (evil) =>
			setRawMap(evil.getMap('cards'), 'old-action', rawCardFields('old-action', laneId))
		);
		expect(checkBoard(doc)).toEqual({ ok: true });
		const card = readBoard(doc).lanes[0]!.cards[0]!;
		expect(isAction(card)).toBe(true);
		expect(card.action).toEqual({
			followUp: '',
			status: 'open',
			dropReason: '',
			doneAt: null,
			openingId: '',
			citizenId: '',
			timeTag: ''
		});
	});

	it.each<[string, Record<string, unknown>, RegExp]>([
		['a followUp that is not a date', { followUp: 'fredag' }, /bad followUp/],
		['a followUp that does not exist', { followUp: '2026-11-31' }, /bad followUp/],
		['a followUp that is a number', { followUp: 20261203 }, /bad followUp/],
		['an unknown status', { status: 'maybe' }, /unknown status/],
		['a status that is null', { status: null }, /unknown status/],
		[
			'a dropReason over the limit',
			{ dropReason: 'x'.repeat(LIMITS.dropReason + 1) },
			/bad dropReason/
		],
		['a dropReason that is a Y.Text', { dropReason: new Y.Text('nej') }, /bad dropReason/],
		['a fractional doneAt', { doneAt: NOW + 0.5 }, /bad doneAt/],
		['a doneAt that is null', { doneAt: null }, /bad doneAt/],
		['a doneAt as text', { doneAt: '2026-11-27' }, /bad doneAt/],
		['an openingId that is no id', { openingId: 'Lager, Fjordlager' }, /bad openingId/],
		['a citizenId that is no id', { citizenId: 'Karen Jensen' }, /bad citizenId/],
		['a citizenId as a number', { citizenId: 42 }, /bad citizenId/],
		['an unknown timeTag', { timeTag: 'coffee' }, /unknown timeTag/],
		['citizen initials smuggled in', { citizenInitials: 'KJ' }, /unknown field "citizenInitials"/]
	])('refuses one with %s', (_what, overrides, reason) => {
		const { doc, laneId } = board();
		applyCrafted(doc, (evil) =>
			setRawMap(
				evil.getMap('cards'),
				'evil-action',
				rawCardFields('evil-action', laneId, overrides)
			)
		);
		expect(refusal(doc)).toMatch(new RegExp(`card evil-action: ${reason.source}`));
	});

	it.each(['note', 'opening'])('refuses action fields on a card of kind %s', (kind) => {
		const { doc, laneId } = board();
		applyCrafted(doc, (evil) =>
			setRawMap(
				evil.getMap('cards'),
				'evil-card',
				rawCardFields('evil-card', laneId, { kind, status: 'done' })
			)
		);
		expect(refusal(doc)).toBe(`card evil-card: action field "status" on a ${kind}`);
	});

	it('refuses an action broken later by a field update', () => {
		const { doc, laneId } = board();
		const id = addAction(doc, actionInput(laneId), ORIGIN);
		applyCrafted(doc, (evil) =>
			(evil.getMap('cards').get(id) as Y.Map<unknown>).set('timeTag', 'nap')
		);
		expect(refusal(doc)).toBe(`card ${id}: unknown timeTag`);
		expect(readBoard(doc).lanes[0]!.cards).toEqual([]);
	});
});
