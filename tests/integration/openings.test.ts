import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import {
	addCard,
	addOpening,
	closeOpening,
	getCard,
	getCards,
	getMatch,
	getOpening,
	proposeCandidate,
	readBoard,
	setMatchStatus
} from '../../src/lib/board/model';
import {
	cleanupAfterEach,
	countUpdateRows,
	hasClient,
	loadStoredDoc,
	providerClosed,
	roundTrip,
	startTestBoard,
	waitFor
} from '../fixtures/sync-harness';

const defer = cleanupAfterEach();

afterEach(() => {
	vi.restoreAllMocks();
});

/** Every field of a valid opening as raw values; each case below breaks one of them. */
function rawOpening(id: string, laneId: string): Record<string, string | number> {
	return {
		id,
		kind: 'opening',
		laneId,
		order: 'a0',
		title: 'Lagerhjælp, Fjordlager ApS',
		createdAt: 1,
		companyId: 'company-fjordlager',
		companyName: 'Fjordlager ApS',
		position: 'Lagerhjælp',
		jobType: 'smalljob',
		positions: 2,
		deadline: '2026-12-04',
		source: 'phone'
	};
}

describe('an opening that breaks the schema, sent by the stock y-websocket client', () => {
	const cases: { name: string; fields: Record<string, unknown>; reason: string }[] = [
		{ name: 'positions of the wrong type', fields: { positions: '2' }, reason: 'bad positions' },
		{
			name: 'a company name that is a number',
			fields: { companyName: 7 },
			reason: 'bad companyName'
		},
		{
			name: 'a deadline that is not a date',
			fields: { deadline: '04.12.2026' },
			reason: 'bad deadline'
		},
		{ name: 'negative positions', fields: { positions: -1 }, reason: 'bad positions' },
		{ name: 'an unknown job type', fields: { jobType: 'fulltime' }, reason: 'unknown jobType' }
	];

	for (const c of cases) {
		it(`with ${c.name} is refused with 4422, not stored and not broadcast`, async () => {
			// The stock client logs the refusal with console.warn.
			vi.spyOn(console, 'warn').mockImplementation(() => undefined);
			const board = await startTestBoard(defer);
			const bad = board.client(board.team.cookies.consultant);
			const observer = board.client(board.team.cookies.leader);
			const editor = board.client(board.team.cookies.consultant);
			await Promise.all([bad.synced, observer.synced, editor.synced]);
			const rowsBefore = await countUpdateRows(board.db, board.team.boardId);
			const closed = providerClosed(bad.provider);

			// Bypasses the model, as a client with its own (buggy or hostile) code would.
			bad.doc.transact(() => {
				const card = new Y.Map<unknown>();
				for (const [key, value] of Object.entries({
					...rawOpening('bad-opening', board.laneIds[0]!),
					...c.fields
				}))
					card.set(key, value);
				getCards(bad.doc).set('bad-opening', card as Y.Map<string | number>);
			});
			expect(await closed).toEqual({
				code: 4422,
				reason: `invalid update: card bad-opening: ${c.reason}`
			});

			// An honest edit after the refusal makes a round trip: anything broadcast before it came first.
			const honest = addCard(
				editor.doc,
				{ laneId: board.laneIds[0]!, title: 'Ærlig redigering', createdBy: '', now: 9 },
				'e'
			);
			await waitFor(observer.doc, () => getCard(observer.doc, honest) !== undefined);
			await roundTrip(editor.provider);
			expect(getCards(observer.doc).has('bad-opening')).toBe(false);
			expect(hasClient(observer.doc, bad.doc.clientID)).toBe(false);
			expect(await countUpdateRows(board.db, board.team.boardId)).toBe(rowsBefore + 1);
			const stored = await loadStoredDoc(board.db, board.team.boardId);
			expect(getCards(stored).has('bad-opening')).toBe(false);
			expect(hasClient(stored, bad.doc.clientID)).toBe(false);
		});
	}
});

describe('a valid opening with a match', () => {
	it('syncs to a second client and is stored, and closing it moves it to Besat everywhere', async () => {
		const board = await startTestBoard(defer);
		const anna = board.client(board.team.cookies.consultant);
		const leader = board.client(board.team.cookies.leader);
		await Promise.all([anna.synced, leader.synced]);
		const [ny] = board.laneIds;
		const user = board.team.userIds.consultant;

		const openingId = addOpening(
			anna.doc,
			{
				laneId: ny!,
				title: 'Lagerhjælp, Fjordlager ApS',
				companyId: 'company-fjordlager',
				companyName: 'Fjordlager ApS',
				position: 'Lagerhjælp',
				jobType: 'smalljob',
				hoursPerWeek: 12.5,
				positions: 1,
				deadline: '2026-12-04',
				jobAreas: ['Lager'],
				source: 'phone',
				ownerId: user,
				createdBy: user,
				now: 1000
			},
			'ui'
		);
		const matchId = proposeCandidate(
			anna.doc,
			{ openingId, citizenId: 'citizen-k7x2', proposedBy: user, now: 1001 },
			'ui'
		);
		await waitFor(leader.doc, () => getMatch(leader.doc, matchId) !== undefined);
		expect(getOpening(leader.doc, openingId)!.opening).toMatchObject({
			companyName: 'Fjordlager ApS',
			hoursPerWeek: 12.5,
			jobAreas: ['Lager']
		});
		expect(readBoard(leader.doc).matches[openingId]).toEqual([getMatch(anna.doc, matchId)]);

		setMatchStatus(anna.doc, { matchId, status: 'hired', now: 1002 }, 'ui');
		closeOpening(anna.doc, { cardId: openingId, outcome: 'filled', now: 1003 }, 'ui');
		await waitFor(
			leader.doc,
			() => getOpening(leader.doc, openingId)?.opening.outcome === 'filled'
		);
		const besat = readBoard(leader.doc).lanes.find((l) => l.stage === 'filled')!;
		expect(besat.title).toBe('Besat');
		expect(besat.cards.map((c) => c.id)).toEqual([openingId]);
		expect(getMatch(leader.doc, matchId)!.status).toBe('hired');
		expect(readBoard(leader.doc)).toEqual(readBoard(anna.doc));

		await roundTrip(anna.provider);
		const stored = await loadStoredDoc(board.db, board.team.boardId);
		expect(readBoard(stored)).toEqual(readBoard(anna.doc));
	});
});
