import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
	applyCrafted,
	COMPANY_FJORDLAGER,
	expectRefused,
	NOW,
	openingInput,
	rawCardFields,
	rawOpeningFields,
	setRawMap,
	transactionsOf,
	USER_ANNA,
	USER_BO
} from '../../../tests/fixtures/board-fixtures';
import {
	addCard,
	addLane,
	deleteCard,
	getCards,
	getLanes,
	initBoard,
	initBoardWithStages,
	laneOfStage,
	readBoard,
	renameLane,
	restoreCard,
	setLaneStage,
	stageOfLane,
	updateCard
} from './model';
import {
	addOpening,
	closeOpening,
	getOpening,
	openingStage,
	openingTitle,
	reopenOpening,
	updateOpening,
	type AddOpeningInput
} from './openings';
import { checkBoard, isValidHoursPerWeek } from './schema';
import { DEFAULT_LANES } from '../server/boards/board.service';
import { isOpening, LIMITS } from './types';

const ORIGIN = { user: 'opening-test' };

/** The default pipeline, with stages, as a new team board has it. */
function pipeline() {
	const doc = new Y.Doc();
	const ids = initBoardWithStages(doc, DEFAULT_LANES, 'server');
	const lane = (title: string) => ids[DEFAULT_LANES.findIndex((l) => l.title === title)]!;
	return { doc, lane };
}

function refusal(doc: Y.Doc): string {
	const result = checkBoard(doc);
	if (result.ok) throw new Error('checkBoard accepted the board');
	return result.reason;
}

describe('lane stages', () => {
	it('are written by initBoardWithStages and survive a rename', () => {
		const { doc, lane } = pipeline();
		expect(readBoard(doc).lanes.map((l) => l.stage)).toEqual([
			'new',
			'needs',
			'candidates',
			'referred',
			'interview',
			'filled',
			'not-filled'
		]);
		renameLane(doc, lane('Besat'), 'Lukket: besat', ORIGIN);
		expect(stageOfLane(doc, lane('Besat'))).toBe('filled');
		expect(laneOfStage(doc, 'filled')?.title).toBe('Lukket: besat');
		expect(checkBoard(doc)).toEqual({ ok: true });
	});

	it('are absent on lanes made without one, and initBoard stays as it was', () => {
		const doc = new Y.Doc();
		const [ny] = initBoard(doc, ['Ny'], ORIGIN);
		expect(readBoard(doc).lanes[0]).not.toHaveProperty('stage');
		expect(getLanes(doc).get(ny!)!.has('stage')).toBe(false);
		expect(stageOfLane(doc, ny!)).toBeNull();
		expect(stageOfLane(doc, 'no-such-lane')).toBeNull();
	});

	it('can be given to a new lane, set, moved and cleared', () => {
		const doc = new Y.Doc();
		const [ny] = initBoard(doc, ['Ny'], ORIGIN);
		const besat = addLane(doc, { title: 'Besat', stage: 'filled' }, ORIGIN);
		expect(stageOfLane(doc, besat)).toBe('filled');
		setLaneStage(doc, ny!, 'new', ORIGIN);
		expect(stageOfLane(doc, ny!)).toBe('new');
		setLaneStage(doc, besat, null, ORIGIN);
		expect(stageOfLane(doc, besat)).toBeNull();
		expect(getLanes(doc).get(besat)!.has('stage')).toBe(false);
		expect(transactionsOf(doc, () => setLaneStage(doc, ny!, 'new', ORIGIN))).toEqual([]);
		expect(checkBoard(doc)).toEqual({ ok: true });
	});

	it('refuses an unknown stage in the model', () => {
		const doc = new Y.Doc();
		const [ny] = initBoard(doc, ['Ny'], ORIGIN);
		const bad = 'besat' as 'filled';
		expectRefused(doc, 'invalid', () => setLaneStage(doc, ny!, bad, ORIGIN));
		expectRefused(doc, 'invalid', () => addLane(doc, { title: 'X', stage: bad }, ORIGIN));
		expectRefused(doc, 'invalid', () =>
			initBoardWithStages(doc, [{ title: 'X', stage: bad }], ORIGIN)
		);
	});

	it.each([
		['an unknown stage', 'besat'],
		['a number', 5],
		['null', null]
	])('refuses %s in the schema', (_what, stage) => {
		const { doc } = pipeline();
		applyCrafted(doc, (evil) =>
			setRawMap(evil.getMap('lanes'), 'evil-lane', {
				id: 'evil-lane',
				title: 'X',
				order: 'a5',
				stage
			})
		);
		expect(refusal(doc)).toMatch(/lane evil-lane: bad stage/);
	});
});

describe('addOpening', () => {
	it('stores every field and reads it back as an opening card', () => {
		const { doc, lane } = pipeline();
		const id = addOpening(doc, openingInput(lane('Ny')), ORIGIN);
		const card = getOpening(doc, id)!;
		expect(isOpening(card)).toBe(true);
		expect(card).toEqual({
			id,
			kind: 'opening',
			laneId: lane('Ny'),
			order: expect.any(String),
			title: 'Lagerhjælp, Fjordlager ApS',
			description: '',
			ownerId: USER_BO,
			due: '',
			createdAt: NOW,
			createdBy: USER_ANNA,
			updatedAt: NOW,
			opening: {
				companyId: COMPANY_FJORDLAGER,
				companyName: 'Fjordlager ApS',
				position: 'Lagerhjælp',
				jobType: 'smalljob',
				hoursPerWeek: 12.5,
				positions: 2,
				deadline: '2026-12-04',
				startDate: '2027-01-04',
				jobAreas: ['Lager', 'Logistik'],
				requirements: 'Truckcertifikat er en fordel',
				source: 'phone',
				outcome: '',
				closeReason: '',
				closedAt: null
			}
		});
		expect(openingStage(doc, id)).toBe('new');
		expect(readBoard(doc).lanes[0]!.cards).toEqual([card]);
		expect(checkBoard(doc)).toEqual({ ok: true });
	});

	it('stores job areas joined by a line break, without hours when none are given', () => {
		const { doc, lane } = pipeline();
		const id = addOpening(
			doc,
			{
				...openingInput(lane('Ny')),
				hoursPerWeek: null,
				jobAreas: [' Lager ', '', 'lager', 'Kantine'],
				startDate: undefined
			},
			ORIGIN
		);
		const map = getCards(doc).get(id)!;
		expect(map.get('jobAreas')).toBe('Lager\nKantine');
		expect(map.has('hoursPerWeek')).toBe(false);
		expect(map.has('closedAt')).toBe(false);
		expect(getOpening(doc, id)!.opening).toMatchObject({
			hoursPerWeek: null,
			startDate: '',
			jobAreas: ['Lager', 'Kantine']
		});
	});

	it('is one transaction with the given origin', () => {
		const { doc, lane } = pipeline();
		expect(transactionsOf(doc, () => addOpening(doc, openingInput(lane('Ny')), ORIGIN))).toEqual([
			ORIGIN
		]);
	});

	it.each<[string, Partial<AddOpeningInput>]>([
		['an empty title', { title: ' ' }],
		['a company id that is not an id', { companyId: 'Fjordlager ApS' }],
		['an empty company name', { companyName: '' }],
		['a company name over the limit', { companyName: 'x'.repeat(LIMITS.companyName + 1) }],
		['an empty position', { position: '  ' }],
		['an unknown job type', { jobType: 'fulltime' as AddOpeningInput['jobType'] }],
		['negative hours', { hoursPerWeek: -1 }],
		['hours over 80', { hoursPerWeek: 80.5 }],
		['hours with two decimals', { hoursPerWeek: 12.25 }],
		['hours that are not a number', { hoursPerWeek: Number.NaN }],
		['zero positions', { positions: 0 }],
		['negative positions', { positions: -2 }],
		['fractional positions', { positions: 1.5 }],
		['too many positions', { positions: LIMITS.positions + 1 }],
		['a deadline in Danish notation', { deadline: '04.12.2026' }],
		['an empty deadline', { deadline: '' }],
		['a deadline that does not exist', { deadline: '2026-02-30' }],
		['a bad start date', { startDate: '2027-13-01' }],
		['a job area over the limit', { jobAreas: ['x'.repeat(LIMITS.jobAreaTag + 1)] }],
		['a job area with a line break', { jobAreas: ['Lager\nKantine'] }],
		[
			'too many job areas',
			{ jobAreas: Array.from({ length: LIMITS.jobAreaTags + 1 }, (_, i) => `Område ${i}`) }
		],
		['requirements over the limit', { requirements: 'x'.repeat(LIMITS.requirements + 1) }],
		['an unknown source', { source: 'email' as AddOpeningInput['source'] }],
		['an owner that is not an id', { ownerId: 'bo@demoby.dk' }],
		['a bad time', { now: NOW + 0.5 }]
	])('refuses %s and leaves the doc unchanged', (_what, patch) => {
		const { doc, lane } = pipeline();
		expectRefused(doc, 'invalid', () =>
			addOpening(doc, { ...openingInput(lane('Ny')), ...patch }, ORIGIN)
		);
	});

	it('refuses a missing required field (data from outside typed code)', () => {
		const { doc, lane } = pipeline();
		const input: Partial<AddOpeningInput> = openingInput(lane('Ny'));
		delete input.deadline;
		expectRefused(doc, 'invalid', () => addOpening(doc, input as AddOpeningInput, ORIGIN));
	});

	it('refuses an unknown lane', () => {
		const { doc } = pipeline();
		expectRefused(doc, 'not-found', () => addOpening(doc, openingInput('no-such-lane'), ORIGIN));
	});

	it('is the only way to make an opening: addCard refuses the kind', () => {
		const { doc, lane } = pipeline();
		expectRefused(doc, 'invalid', () =>
			addCard(
				doc,
				{ laneId: lane('Ny'), kind: 'opening', title: 'X', createdBy: '', now: NOW },
				ORIGIN
			)
		);
	});

	it('accepts the limits exactly', () => {
		const { doc, lane } = pipeline();
		const id = addOpening(
			doc,
			{
				...openingInput(lane('Ny')),
				hoursPerWeek: 80,
				positions: LIMITS.positions,
				companyName: 'x'.repeat(LIMITS.companyName),
				jobAreas: Array.from({ length: LIMITS.jobAreaTags }, (_, i) =>
					`${i}`.padEnd(LIMITS.jobAreaTag, 'x')
				),
				requirements: 'y'.repeat(LIMITS.requirements)
			},
			ORIGIN
		);
		addOpening(doc, { ...openingInput(lane('Ny')), hoursPerWeek: 0, positions: 1 }, ORIGIN);
		expect(getOpening(doc, id)!.opening.jobAreas).toHaveLength(LIMITS.jobAreaTags);
		expect(checkBoard(doc)).toEqual({ ok: true });
	});
});

describe('openingTitle', () => {
	it('joins position and company name and stays within the title limit', () => {
		expect(openingTitle(' Kok ', 'Kantine Nord ')).toBe('Kok, Kantine Nord');
		const long = openingTitle('p'.repeat(LIMITS.position), 'c'.repeat(LIMITS.companyName));
		expect(long).toHaveLength(LIMITS.cardTitle);
		expect(long.endsWith('…')).toBe(true);
	});
});

describe('isValidHoursPerWeek', () => {
	it('accepts 0-80 with at most one decimal', () => {
		for (const h of [0, 0.5, 7.3, 12.5, 37, 79.9, 80])
			expect(isValidHoursPerWeek(h), `${h}`).toBe(true);
		for (const h of [-0.1, 80.1, 12.25, 1 / 3, Infinity, Number.NaN, '12'])
			expect(isValidHoursPerWeek(h), `${h}`).toBe(false);
	});
});

describe('updateOpening', () => {
	it('sets only the fields that changed and bumps updatedAt', () => {
		const { doc, lane } = pipeline();
		const id = addOpening(doc, openingInput(lane('Ny')), ORIGIN);
		const changed: string[] = [];
		getCards(doc)
			.get(id)!
			.observe((event) => changed.push(...event.keysChanged));
		updateOpening(
			doc,
			id,
			{
				position: 'Lagerhjælp',
				positions: 3,
				jobAreas: ['Lager', 'Logistik'],
				deadline: '2026-12-11',
				title: 'Lagerhjælp (3), Fjordlager ApS'
			},
			NOW + 1,
			ORIGIN
		);
		expect(changed.sort()).toEqual(['deadline', 'positions', 'title', 'updatedAt']);
		expect(getOpening(doc, id)).toMatchObject({
			title: 'Lagerhjælp (3), Fjordlager ApS',
			updatedAt: NOW + 1,
			opening: { positions: 3, deadline: '2026-12-11' }
		});
	});

	it('clears the hours with null and sets them again', () => {
		const { doc, lane } = pipeline();
		const id = addOpening(doc, openingInput(lane('Ny')), ORIGIN);
		updateOpening(doc, id, { hoursPerWeek: null }, NOW + 1, ORIGIN);
		expect(getCards(doc).get(id)!.has('hoursPerWeek')).toBe(false);
		expect(getOpening(doc, id)!.opening.hoursPerWeek).toBeNull();
		updateOpening(doc, id, { hoursPerWeek: 37 }, NOW + 2, ORIGIN);
		expect(getOpening(doc, id)!.opening.hoursPerWeek).toBe(37);
		expect(checkBoard(doc)).toEqual({ ok: true });
	});

	it('does not bump updatedAt when nothing changed', () => {
		const { doc, lane } = pipeline();
		const id = addOpening(doc, openingInput(lane('Ny')), ORIGIN);
		updateOpening(
			doc,
			id,
			{ companyName: ' Fjordlager ApS ', hoursPerWeek: 12.5 },
			NOW + 5,
			ORIGIN
		);
		expect(getOpening(doc, id)!.updatedAt).toBe(NOW);
	});

	it('keeps concurrent edits of different fields from two devices', () => {
		const { doc, lane } = pipeline();
		const id = addOpening(doc, openingInput(lane('Ny')), ORIGIN);
		const other = new Y.Doc();
		Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
		updateOpening(doc, id, { positions: 4 }, NOW + 1, ORIGIN);
		updateOpening(other, id, { deadline: '2026-12-18' }, NOW + 2, ORIGIN);
		Y.applyUpdate(doc, Y.encodeStateAsUpdate(other));
		Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
		expect(getOpening(doc, id)!.opening).toMatchObject({ positions: 4, deadline: '2026-12-18' });
		expect(readBoard(other)).toEqual(readBoard(doc));
	});

	it('refuses bad fields, a card that is not an opening and an unknown card', () => {
		const { doc, lane } = pipeline();
		const id = addOpening(doc, openingInput(lane('Ny')), ORIGIN);
		const note = addCard(
			doc,
			{ laneId: lane('Ny'), kind: 'note', title: 'Note', createdBy: '', now: NOW },
			ORIGIN
		);
		expectRefused(doc, 'invalid', () => updateOpening(doc, id, { positions: -1 }, NOW + 1, ORIGIN));
		expectRefused(doc, 'invalid', () => updateOpening(doc, id, { deadline: '' }, NOW + 1, ORIGIN));
		expectRefused(doc, 'invalid', () => updateOpening(doc, id, { title: '' }, NOW + 1, ORIGIN));
		expectRefused(doc, 'invalid', () =>
			updateOpening(doc, note, { positions: 2 }, NOW + 1, ORIGIN)
		);
		expectRefused(doc, 'not-found', () =>
			updateOpening(doc, 'no-such-card', { positions: 2 }, NOW + 1, ORIGIN)
		);
	});

	it('leaves the opening fields alone when the common card fields are edited', () => {
		const { doc, lane } = pipeline();
		const id = addOpening(doc, openingInput(lane('Ny')), ORIGIN);
		updateCard(doc, id, { description: 'Ring tilbage fredag' }, NOW + 1, ORIGIN);
		expect(getOpening(doc, id)!.opening.positions).toBe(2);
		expect(checkBoard(doc)).toEqual({ ok: true });
	});
});

describe('closeOpening and reopenOpening', () => {
	it('closes as filled and moves the card to the end of the Besat lane, renamed or not', () => {
		const { doc, lane } = pipeline();
		addOpening(doc, { ...openingInput(lane('Besat')), title: 'Allerede besat' }, ORIGIN);
		const id = addOpening(doc, openingInput(lane('Samtale/prøveforløb')), ORIGIN);
		renameLane(doc, lane('Besat'), 'Lukket', ORIGIN);
		const origins = transactionsOf(doc, () =>
			closeOpening(doc, { cardId: id, outcome: 'filled', now: NOW + 10 }, ORIGIN)
		);
		expect(origins).toEqual([ORIGIN]);
		const card = getOpening(doc, id)!;
		expect(card.laneId).toBe(lane('Besat'));
		expect(card.opening).toMatchObject({ outcome: 'filled', closeReason: '', closedAt: NOW + 10 });
		expect(card.updatedAt).toBe(NOW + 10);
		expect(
			readBoard(doc)
				.lanes[5]!.cards.map((c) => c.id)
				.at(-1)
		).toBe(id);
		expect(openingStage(doc, id)).toBe('filled');
		expect(checkBoard(doc)).toEqual({ ok: true });
	});

	it('closes as not filled with a reason into Ikke besat', () => {
		const { doc, lane } = pipeline();
		const id = addOpening(doc, openingInput(lane('Ny')), ORIGIN);
		closeOpening(
			doc,
			{ cardId: id, outcome: 'not-filled', closeReason: 'deadline-passed', now: NOW + 1 },
			ORIGIN
		);
		expect(getOpening(doc, id)).toMatchObject({
			laneId: lane('Ikke besat'),
			opening: { outcome: 'not-filled', closeReason: 'deadline-passed', closedAt: NOW + 1 }
		});
	});

	it('stays in its lane when no lane has the stage', () => {
		const doc = new Y.Doc();
		const [ny] = initBoard(doc, ['Ny', 'Besat'], ORIGIN);
		const id = addOpening(doc, openingInput(ny!), ORIGIN);
		closeOpening(doc, { cardId: id, outcome: 'filled', now: NOW + 1 }, ORIGIN);
		expect(getOpening(doc, id)).toMatchObject({ laneId: ny, opening: { outcome: 'filled' } });
	});

	it('keeps the first closedAt when closed again with the same outcome', () => {
		const { doc, lane } = pipeline();
		const id = addOpening(doc, openingInput(lane('Ny')), ORIGIN);
		closeOpening(doc, { cardId: id, outcome: 'filled', now: NOW + 1 }, ORIGIN);
		closeOpening(doc, { cardId: id, outcome: 'filled', now: NOW + 2 }, ORIGIN);
		expect(getOpening(doc, id)!.opening.closedAt).toBe(NOW + 1);
		closeOpening(
			doc,
			{ cardId: id, outcome: 'not-filled', closeReason: 'closed-by-company', now: NOW + 3 },
			ORIGIN
		);
		expect(getOpening(doc, id)!.opening).toMatchObject({
			outcome: 'not-filled',
			closedAt: NOW + 3
		});
	});

	it('reopens: outcome and reason cleared, closedAt removed, the card stays where it is', () => {
		const { doc, lane } = pipeline();
		const id = addOpening(doc, openingInput(lane('Ny')), ORIGIN);
		closeOpening(
			doc,
			{ cardId: id, outcome: 'not-filled', closeReason: 'other', now: NOW + 1 },
			ORIGIN
		);
		expect(
			transactionsOf(doc, () => reopenOpening(doc, { cardId: id, now: NOW + 2 }, ORIGIN))
		).toEqual([ORIGIN]);
		const card = getOpening(doc, id)!;
		expect(card.laneId).toBe(lane('Ikke besat'));
		expect(card.opening).toMatchObject({ outcome: '', closeReason: '', closedAt: null });
		expect(getCards(doc).get(id)!.has('closedAt')).toBe(false);
		expect(checkBoard(doc)).toEqual({ ok: true });
	});

	it('refuses a filled opening with a reason, a not-filled one without, and bad outcomes', () => {
		const { doc, lane } = pipeline();
		const id = addOpening(doc, openingInput(lane('Ny')), ORIGIN);
		const note = addCard(
			doc,
			{ laneId: lane('Ny'), title: 'Handling', createdBy: '', now: NOW },
			ORIGIN
		);
		const close = (input: Partial<Parameters<typeof closeOpening>[1]>) => () =>
			closeOpening(doc, { cardId: id, outcome: 'filled', now: NOW + 1, ...input }, ORIGIN);
		expectRefused(doc, 'invalid', close({ closeReason: 'other' }));
		expectRefused(doc, 'invalid', close({ outcome: 'not-filled' }));
		expectRefused(doc, 'invalid', close({ outcome: '' as 'filled' }));
		expectRefused(
			doc,
			'invalid',
			close({ outcome: 'not-filled', closeReason: 'bored' as 'other' })
		);
		expectRefused(doc, 'invalid', close({ now: -1 }));
		expectRefused(doc, 'invalid', close({ cardId: note }));
		expectRefused(doc, 'not-found', close({ cardId: 'no-such-card' }));
		expectRefused(doc, 'invalid', () => reopenOpening(doc, { cardId: note, now: NOW }, ORIGIN));
	});

	it('concurrent close and reopen still give a board the schema accepts', () => {
		const { doc, lane } = pipeline();
		const id = addOpening(doc, openingInput(lane('Ny')), ORIGIN);
		const other = new Y.Doc();
		Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
		closeOpening(doc, { cardId: id, outcome: 'filled', now: NOW + 1 }, ORIGIN);
		reopenOpening(other, { cardId: id, now: NOW + 2 }, ORIGIN);
		Y.applyUpdate(doc, Y.encodeStateAsUpdate(other));
		Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
		expect(checkBoard(doc)).toEqual({ ok: true });
		expect(readBoard(other)).toEqual(readBoard(doc));
	});
});

describe('deleting and restoring an opening', () => {
	it('puts back every opening field, closed state included', () => {
		const { doc, lane } = pipeline();
		const id = addOpening(doc, { ...openingInput(lane('Ny')), hoursPerWeek: null }, ORIGIN);
		closeOpening(doc, { cardId: id, outcome: 'filled', now: NOW + 1 }, ORIGIN);
		const before = readBoard(doc);
		const deleted = deleteCard(doc, id, ORIGIN);
		restoreCard(doc, deleted, ORIGIN);
		expect(readBoard(doc)).toEqual(before);
		expect(getCards(doc).get(id)!.has('hoursPerWeek')).toBe(false);
		expect(checkBoard(doc)).toEqual({ ok: true });
	});

	it('refuses to restore an opening whose fields fail the checks, or opening fields on a note', () => {
		const { doc, lane } = pipeline();
		const id = addOpening(doc, openingInput(lane('Ny')), ORIGIN);
		const deleted = deleteCard(doc, id, ORIGIN);
		const opening = deleted.opening!;
		expectRefused(doc, 'invalid', () =>
			restoreCard(doc, { ...deleted, opening: { ...opening, positions: 0 } }, ORIGIN)
		);
		expectRefused(doc, 'invalid', () =>
			restoreCard(doc, { ...deleted, opening: { ...opening, outcome: 'won' as '' } }, ORIGIN)
		);
		expectRefused(doc, 'invalid', () => restoreCard(doc, { ...deleted, kind: 'note' }, ORIGIN));
		const { opening: _dropped, ...bare } = deleted;
		expectRefused(doc, 'invalid', () => restoreCard(doc, bare, ORIGIN));
	});
});

describe('checkBoard on opening cards', () => {
	it('accepts an opening written by another client that leaves out the optional fields', () => {
		const { doc, lane } = pipeline();
		applyCrafted(doc, (evil) => {
			const fields = rawOpeningFields('minimal-opening', lane('Ny'));
			for (const optional of [
				'hoursPerWeek',
				'startDate',
				'jobAreas',
				'requirements',
				'outcome',
				'closeReason'
			])
				delete fields[optional];
			setRawMap(evil.getMap('cards'), 'minimal-opening', fields);
		});
		expect(checkBoard(doc)).toEqual({ ok: true });
		expect(readBoard(doc).lanes[0]!.cards[0]!.opening).toMatchObject({
			hoursPerWeek: null,
			startDate: '',
			jobAreas: [],
			requirements: '',
			outcome: '',
			closeReason: '',
			closedAt: null
		});
	});

	it.each<[string, Record<string, unknown>, RegExp]>([
		['a missing companyId', { companyId: undefined }, /bad companyId/],
		['a companyId that is a number', { companyId: 42 }, /bad companyId/],
		['an empty companyName', { companyName: ' ' }, /bad companyName/],
		[
			'a companyName over the limit',
			{ companyName: 'x'.repeat(LIMITS.companyName + 1) },
			/bad companyName/
		],
		['a position that is a Y.Text', { position: new Y.Text('Kok') }, /bad position/],
		['an unknown jobType', { jobType: 'fulltime' }, /unknown jobType/],
		['hours as a string', { hoursPerWeek: '37' }, /bad hoursPerWeek/],
		['hours that are null', { hoursPerWeek: null }, /bad hoursPerWeek/],
		['hours with two decimals', { hoursPerWeek: 37.25 }, /bad hoursPerWeek/],
		['hours over 80', { hoursPerWeek: 81 }, /bad hoursPerWeek/],
		['negative positions', { positions: -1 }, /bad positions/],
		['zero positions', { positions: 0 }, /bad positions/],
		['fractional positions', { positions: 1.5 }, /bad positions/],
		['positions as a string', { positions: '2' }, /bad positions/],
		['a missing deadline', { deadline: undefined }, /bad deadline/],
		['a deadline that is not a date', { deadline: 'next friday' }, /bad deadline/],
		['a deadline in Danish notation', { deadline: '04.12.2026' }, /bad deadline/],
		['an empty deadline', { deadline: '' }, /bad deadline/],
		['a start date that does not exist', { startDate: '2027-02-29' }, /bad startDate/],
		['jobAreas as an array', { jobAreas: ['Lager'] }, /bad jobAreas/],
		['an empty job area', { jobAreas: 'Lager\n\nKantine' }, /bad jobAreas/],
		['an untrimmed job area', { jobAreas: ' Lager' }, /bad jobAreas/],
		['a job area over the limit', { jobAreas: 'x'.repeat(LIMITS.jobAreaTag + 1) }, /bad jobAreas/],
		[
			'too many job areas',
			{ jobAreas: Array.from({ length: LIMITS.jobAreaTags + 1 }, (_, i) => `t${i}`).join('\n') },
			/bad jobAreas/
		],
		[
			'requirements over the limit',
			{ requirements: 'x'.repeat(LIMITS.requirements + 1) },
			/bad requirements/
		],
		['an unknown source', { source: 'email' }, /unknown source/],
		['a missing source', { source: undefined }, /unknown source/],
		['an unknown outcome', { outcome: 'won' }, /unknown outcome/],
		['an unknown closeReason', { closeReason: 'bored' }, /unknown closeReason/],
		['a fractional closedAt', { closedAt: NOW + 0.5 }, /bad closedAt/],
		['a closedAt that is null', { closedAt: null }, /bad closedAt/],
		['an unknown field', { salary: 31000 }, /unknown field "salary"/],
		['citizen initials smuggled in', { citizenInitials: 'KJ' }, /unknown field "citizenInitials"/]
	])('refuses one with %s', (_what, overrides, reason) => {
		const { doc, lane } = pipeline();
		applyCrafted(doc, (evil) => {
			const fields = rawOpeningFields('evil-opening', lane('Ny'), overrides);
			for (const [key, value] of Object.entries(overrides))
				if (value === undefined) delete fields[key];
			setRawMap(evil.getMap('cards'), 'evil-opening', fields);
		});
		expect(refusal(doc)).toMatch(new RegExp(`^card evil-opening: ${reason.source}`));
	});

	it.each(['action', 'note'])('refuses opening fields on a card of kind %s', (kind) => {
		const { doc, lane } = pipeline();
		applyCrafted(doc, (evil) =>
			setRawMap(
				evil.getMap('cards'),
				'evil-card',
				rawCardFields('evil-card', lane('Ny'), { kind, deadline: '2026-12-04' })
			)
		);
		expect(refusal(doc)).toBe(`card evil-card: opening field "deadline" on a ${kind}`);
	});

	it('refuses an opening broken later by a field update', () => {
		const { doc, lane } = pipeline();
		const id = addOpening(doc, openingInput(lane('Ny')), ORIGIN);
		applyCrafted(doc, (evil) =>
			(evil.getMap('cards').get(id) as Y.Map<unknown>).set('positions', -3)
		);
		expect(refusal(doc)).toBe(`card ${id}: bad positions`);
		expect(readBoard(doc).lanes[0]!.cards).toEqual([]);
	});
});
