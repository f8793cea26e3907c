import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
	applyCrafted,
	buildBoard,
	craftUpdate,
	NOW,
	rawCardFields,
	setRawMap,
	USER_BO
} from '../../../tests/fixtures/board-fixtures';
import {
	addCard,
	deleteCard,
	deleteLane,
	moveCard,
	moveLane,
	renameLane,
	restoreCard,
	updateCard
} from './model';
import { checkBoard, isValidDueDate } from './schema';
import { LIMITS, SCHEMA_VERSION } from './types';

const ORIGIN = 'schema-test';

/** A valid board as the model makes it: the target of every attack below. */
function board() {
	return buildBoard({
		Ny: ['Kok, Kantine Nord', 'Lagerhjælp, Fjordlager'],
		Formidlet: ['Pedel, Skovskolen'],
		Besat: []
	});
}

function refusal(doc: Y.Doc): string {
	const result = checkBoard(doc);
	if (result.ok) throw new Error('checkBoard accepted the board');
	return result.reason;
}

describe('checkBoard accepts', () => {
	it('an empty document (before the server has initialised it)', () => {
		expect(checkBoard(new Y.Doc())).toEqual({ ok: true });
	});

	it('a board made by the model, through every operation', () => {
		const { doc, lane, card } = board();
		expect(checkBoard(doc)).toEqual({ ok: true });
		const note = addCard(
			doc,
			{
				laneId: lane('Besat'),
				kind: 'note',
				title: 'Jobmesse i uge 49',
				description: 'æøå ÆØÅ — "citat" & <tegn>',
				ownerId: USER_BO,
				due: '2026-02-28',
				createdBy: USER_BO,
				now: NOW
			},
			ORIGIN
		);
		updateCard(
			doc,
			note,
			{ due: '2028-02-29', title: 'x'.repeat(LIMITS.cardTitle) },
			NOW + 1,
			ORIGIN
		);
		moveCard(
			doc,
			{ cardId: card('Kok, Kantine Nord'), toLaneId: lane('Formidlet'), index: 0 },
			ORIGIN
		);
		moveLane(doc, lane('Besat'), 0, ORIGIN);
		renameLane(doc, lane('Ny'), 'y'.repeat(LIMITS.laneTitle), ORIGIN);
		const deleted = deleteCard(doc, card('Pedel, Skovskolen'), ORIGIN);
		restoreCard(doc, deleted, ORIGIN);
		expect(checkBoard(doc)).toEqual({ ok: true });
	});

	it('a card written by another client that leaves out the optional fields', () => {
		const { doc, lane } = board();
		applyCrafted(doc, (evil) => {
			const fields = rawCardFields('minimal-card', lane('Ny'));
			for (const optional of ['description', 'ownerId', 'due', 'createdBy', 'updatedAt'])
				delete fields[optional];
			setRawMap(evil.getMap('cards'), 'minimal-card', fields);
		});
		expect(checkBoard(doc)).toEqual({ ok: true });
	});

	it('exactly the maximum number of lanes', () => {
		const doc = new Y.Doc();
		applyCrafted(doc, (evil) => {
			for (let i = 0; i < LIMITS.lanes; i++)
				setRawMap(evil.getMap('lanes'), `lane-${i}`, {
					id: `lane-${i}`,
					title: `K${i}`,
					order: 'a0'
				});
		});
		expect(checkBoard(doc)).toEqual({ ok: true });
	});
});

describe('checkBoard refuses the root', () => {
	it('an unknown root key', () => {
		const { doc } = board();
		applyCrafted(doc, (evil) => evil.getMap('secrets').set('x', 1));
		expect(refusal(doc)).toMatch(/unknown root "secrets"/);
	});

	it("'cards' created as a Y.Array on a fresh server doc", () => {
		const doc = new Y.Doc();
		Y.applyUpdate(
			doc,
			craftUpdate((evil) => evil.getArray('cards').push(['not a card']))
		);
		expect(refusal(doc)).toMatch(/root cards/);
	});

	it("'cards' pushed to as a Y.Array into a board the model already uses as a map", () => {
		const { doc } = board();
		// The evil client starts from an empty doc, so its root has no map type yet.
		Y.applyUpdate(
			doc,
			craftUpdate((evil) => evil.getArray('cards').push([1, 2, 3]))
		);
		expect(refusal(doc)).toMatch(/root cards/);
	});

	it("'lanes' as a Y.Text", () => {
		const doc = new Y.Doc();
		Y.applyUpdate(
			doc,
			craftUpdate((evil) => evil.getText('lanes').insert(0, 'hello'))
		);
		expect(refusal(doc)).toMatch(/root lanes/);
	});

	it("'meta' as an XML fragment", () => {
		const doc = new Y.Doc();
		Y.applyUpdate(
			doc,
			craftUpdate((evil) => evil.getXmlFragment('meta').insert(0, [new Y.XmlText('x')]))
		);
		expect(refusal(doc)).toMatch(/root meta/);
	});

	it('a root the doc under test already knows with a different type', () => {
		const doc = new Y.Doc();
		doc.getArray('lanes');
		expect(refusal(doc)).toMatch(/root lanes has the wrong type/);
	});

	it('an unknown field in meta', () => {
		const { doc } = board();
		applyCrafted(doc, (evil) => evil.getMap('meta').set('owner', 'me'));
		expect(refusal(doc)).toMatch(/meta: unknown field "owner"/);
	});

	it.each([
		['a newer version', SCHEMA_VERSION + 1],
		['a string', String(SCHEMA_VERSION)],
		['null', null]
	])('a schemaVersion that is %s', (_what, version) => {
		const { doc } = board();
		applyCrafted(doc, (evil) => evil.getMap('meta').set('schemaVersion', version));
		expect(refusal(doc)).toMatch(/unsupported schemaVersion/);
	});

	it('a schemaVersion that is a nested Y type', () => {
		const { doc } = board();
		applyCrafted(doc, (evil) => evil.getMap('meta').set('schemaVersion', new Y.Map()));
		expect(refusal(doc)).toMatch(/unsupported schemaVersion/);
	});

	it('more lanes than the limit', () => {
		const doc = new Y.Doc();
		applyCrafted(doc, (evil) => {
			for (let i = 0; i <= LIMITS.lanes; i++)
				setRawMap(evil.getMap('lanes'), `lane-${i}`, {
					id: `lane-${i}`,
					title: `K${i}`,
					order: 'a0'
				});
		});
		expect(refusal(doc)).toBe(`more than ${LIMITS.lanes} lanes`);
	});

	it('more cards than the limit', () => {
		const { doc } = board();
		applyCrafted(doc, (evil) => {
			const cards = evil.getMap('cards');
			// The count is checked before any card, so bare entries are enough to reach it.
			for (let i = cards.size; i <= LIMITS.cards; i++) cards.set(`card-${i}`, i);
		});
		expect(refusal(doc)).toBe(`more than ${LIMITS.cards} cards`);
	});
});

describe('checkBoard refuses a lane', () => {
	const lane = (overrides: Record<string, unknown>) => ({
		id: 'evil-lane',
		title: 'Ond kolonne',
		order: 'a5',
		...overrides
	});

	it.each<[string, string, Record<string, unknown>, RegExp]>([
		['an unknown field', 'evil-lane', lane({ color: 'red' }), /unknown field "color"/],
		['a key that differs from its id', 'evil-lane', lane({ id: 'other-lane' }), /bad id/],
		['a key that is not an id', 'Evil Lane', lane({ id: 'Evil Lane' }), /bad id/],
		['a title that is a number', 'evil-lane', lane({ title: 7 }), /bad title/],
		['an empty title', 'evil-lane', lane({ title: '  ' }), /bad title/],
		[
			'a title over the limit',
			'evil-lane',
			lane({ title: 'x'.repeat(LIMITS.laneTitle + 1) }),
			/bad title/
		],
		['a bad order key', 'evil-lane', lane({ order: 'a' }), /bad order key/],
		['an order key outside base 62', 'evil-lane', lane({ order: 'a~' }), /bad order key/],
		['a missing order key', 'evil-lane', { id: 'evil-lane', title: 'X' }, /bad order key/],
		['a title that is a Y.Text', 'evil-lane', lane({ title: new Y.Text('nested') }), /bad title/]
	])('with %s', (_what, key, fields, reason) => {
		const { doc } = board();
		applyCrafted(doc, (evil) => setRawMap(evil.getMap('lanes'), key, fields));
		expect(refusal(doc)).toMatch(reason);
	});

	it('that is not a map', () => {
		const { doc } = board();
		applyCrafted(doc, (evil) => evil.getMap('lanes').set('evil-lane', new Y.Array()));
		expect(refusal(doc)).toMatch(/lane evil-lane: not a map/);
	});

	it('that is a plain object instead of a Y.Map', () => {
		const { doc } = board();
		applyCrafted(doc, (evil) => evil.getMap('lanes').set('evil-lane', lane({})));
		expect(refusal(doc)).toMatch(/lane evil-lane: not a map/);
	});
});

describe('checkBoard refuses a card', () => {
	it.each<[string, Record<string, unknown>, RegExp]>([
		['an unknown field', { salary: 31000 }, /unknown field "salary"/],
		['a key that differs from its id', { id: 'another-card' }, /bad id/],
		['an unknown kind', { kind: 'citizen' }, /unknown kind/],
		['a laneId that is not an id', { laneId: 'Ny kolonne' }, /bad laneId/],
		['a number title', { title: 42 }, /bad title/],
		['an empty title', { title: '' }, /bad title/],
		['a title over the limit', { title: 'x'.repeat(LIMITS.cardTitle + 1) }, /bad title/],
		['an object description', { description: { text: 'hidden' } }, /bad description/],
		['an array description', { description: ['a', 'b'] }, /bad description/],
		[
			'a description over the limit',
			{ description: 'x'.repeat(LIMITS.cardDescription + 1) },
			/bad description/
		],
		['a null description', { description: null }, /bad description/],
		['an ownerId that is not an id', { ownerId: 'anna@demoby.dk' }, /bad ownerId/],
		['an ownerId that is a number', { ownerId: 7 }, /bad ownerId/],
		['a bad order key', { order: 'a00' }, /bad order key/],
		[
			'an order key over the limit',
			{ order: 'a0' + 'V'.repeat(LIMITS.orderKey - 1) },
			/bad order key/
		],
		['a due date in Danish notation', { due: '27.11.2026' }, /bad due date/],
		['a due date that does not exist', { due: '2026-02-30' }, /bad due date/],
		['a due date as a number', { due: 20261127 }, /bad due date/],
		['a fractional createdAt', { createdAt: NOW + 0.5 }, /bad timestamp/],
		['a missing createdAt', { createdAt: undefined }, /bad timestamp/],
		['a string updatedAt', { updatedAt: String(NOW) }, /bad timestamp/],
		['a negative updatedAt', { updatedAt: -1 }, /bad timestamp/],
		['a createdBy that is not an id', { createdBy: 'Anna Hansen' }, /bad createdBy/],
		['a title that is a Y.Text', { title: new Y.Text('nested') }, /bad title/],
		['a description that is a Y.Map', { description: new Y.Map() }, /bad description/],
		['a due date that is a Y.Array', { due: new Y.Array() }, /bad due date/]
	])('with %s', (_what, overrides, reason) => {
		const { doc, lane } = board();
		applyCrafted(doc, (evil) => {
			const fields = rawCardFields('evil-card', lane('Ny'), overrides);
			if ('createdAt' in overrides && overrides.createdAt === undefined) delete fields.createdAt;
			setRawMap(evil.getMap('cards'), 'evil-card', fields);
		});
		expect(refusal(doc)).toMatch(reason);
	});

	it('whose key is not an id, with a bounded reason even for a huge key', () => {
		const { doc, lane } = board();
		const key = 'X'.repeat(100_000);
		applyCrafted(doc, (evil) =>
			setRawMap(evil.getMap('cards'), key, rawCardFields(key, lane('Ny')))
		);
		const reason = refusal(doc);
		expect(reason).toMatch(/bad id/);
		expect(reason.length).toBeLessThan(200);
	});

	it('that is not a map, with a bounded reason', () => {
		const { doc } = board();
		const key = 'k'.repeat(10_000);
		applyCrafted(doc, (evil) => evil.getMap('cards').set(key, 'just a string'));
		const reason = refusal(doc);
		expect(reason).toMatch(/not a map/);
		expect(reason.length).toBeLessThan(200);
	});

	it('that is a Y.Map hiding list content', () => {
		const { doc, lane } = board();
		// Two evil docs with one client id: the first creates the card as a Y.Map at clock 0, the
		// second creates an array at the same id and pushes to it. Sent together, the pushed items
		// land inside the Y.Map, where Y.Map readers never look.
		const asMap = new Y.Doc();
		const asList = new Y.Doc();
		asMap.clientID = asList.clientID = 424242;
		setRawMap(asMap.getMap('cards'), 'evil-card', {});
		asList.getMap('cards').set('evil-card', new Y.Array<unknown>());
		const creation = Y.encodeStateAsUpdate(asMap);
		const before = Y.encodeStateVector(asList);
		const list = asList.getMap('cards').get('evil-card') as Y.Array<unknown>;
		list.push(['hidden data']);
		const hidden = Y.encodeStateAsUpdate(asList, before);
		Y.applyUpdate(doc, creation);
		// Make the map itself valid, so only the list content can be the reason.
		applyCrafted(doc, (evil) => {
			const map = evil.getMap('cards').get('evil-card') as Y.Map<unknown>;
			for (const [k, v] of Object.entries(rawCardFields('evil-card', lane('Ny')))) map.set(k, v);
		});
		expect(checkBoard(doc)).toEqual({ ok: true });
		Y.applyUpdate(doc, hidden);
		expect(doc.getMap('cards').get('evil-card')).toBeInstanceOf(Y.Map);
		expect(refusal(doc)).toMatch(/card evil-card: not a map/);
	});

	it('that was valid and is broken later by a field update', () => {
		const { doc, card } = board();
		const id = card('Lagerhjælp, Fjordlager');
		applyCrafted(doc, (evil) => {
			const map = evil.getMap('cards').get(id);
			if (!(map instanceof Y.Map)) throw new Error('fixture card missing');
			map.set('title', { html: '<script>' });
		});
		expect(refusal(doc)).toMatch(new RegExp(`card ${id}: bad title`));
	});
});

describe('checkBoard does not check references', () => {
	it('accepts a card whose lane is gone (a legitimate race shown as an orphan)', () => {
		const { doc, lane, card } = board();
		const other = new Y.Doc();
		Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
		deleteLane(doc, lane('Besat'), ORIGIN);
		moveCard(
			other,
			{ cardId: card('Pedel, Skovskolen'), toLaneId: lane('Besat'), index: 0 },
			ORIGIN
		);
		Y.applyUpdate(doc, Y.encodeStateAsUpdate(other));
		expect(checkBoard(doc)).toEqual({ ok: true });
	});
});

describe('isValidDueDate', () => {
	it('accepts real calendar dates, leap days included', () => {
		for (const date of ['2026-11-27', '2026-01-31', '2028-02-29', '2000-02-29', '2026-12-31'])
			expect(isValidDueDate(date), date).toBe(true);
	});

	it('refuses dates that do not exist and other notations', () => {
		for (const date of [
			'2026-02-29',
			'1900-02-29',
			'2026-04-31',
			'2026-00-10',
			'2026-1-5',
			'26-11-27',
			'2026-11-27T00:00',
			''
		])
			expect(isValidDueDate(date), date).toBe(false);
		expect(isValidDueDate(20261127)).toBe(false);
	});
});
