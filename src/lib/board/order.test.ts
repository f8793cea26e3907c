import fc from 'fast-check';
import { generateNKeysBetween } from 'fractional-indexing';
import { describe, expect, it } from 'vitest';
import {
	compareOrdered,
	isValidOrderKey,
	planInsert,
	REBALANCE_KEY_LENGTH,
	repairKeys,
	type Ordered
} from './order';
import { LIMITS } from './types';

const item = (id: string, order: string): Ordered => ({ id, order });

/** The visible order after applying a plan: ids sorted by (key, id), the new item as `new`. */
function visibleAfter(siblings: readonly Ordered[], changes: readonly Ordered[], extra?: Ordered) {
	const changed = new Map(changes.map((c) => [c.id, c.order]));
	const all = siblings.map((s) => item(s.id, changed.get(s.id) ?? s.order));
	if (extra) all.push(extra);
	return all.sort(compareOrdered);
}

function expectStrictlyIncreasing(keys: readonly string[]): void {
	for (let i = 1; i < keys.length; i++) expect(keys[i]! > keys[i - 1]!).toBe(true);
}

describe('compareOrdered', () => {
	it('sorts by key first, whatever the ids say', () => {
		expect(compareOrdered(item('z', 'a0'), item('a', 'a1'))).toBeLessThan(0);
		expect(compareOrdered(item('a', 'a1'), item('z', 'a0'))).toBeGreaterThan(0);
	});

	it('breaks ties of equal keys by id, the same way on every device', () => {
		expect(compareOrdered(item('a', 'a0'), item('b', 'a0'))).toBeLessThan(0);
		expect(compareOrdered(item('b', 'a0'), item('a', 'a0'))).toBeGreaterThan(0);
		expect(compareOrdered(item('a', 'a0'), item('a', 'a0'))).toBe(0);
	});

	it('gives one order for any arrival order of the same items', () => {
		const items = [item('c', 'a0'), item('a', 'a0'), item('b', 'Zz'), item('d', 'a1')];
		const expected = ['b', 'a', 'c', 'd'];
		expect([...items].sort(compareOrdered).map((i) => i.id)).toEqual(expected);
		expect(
			[...items]
				.reverse()
				.sort(compareOrdered)
				.map((i) => i.id)
		).toEqual(expected);
	});
});

describe('isValidOrderKey', () => {
	it('accepts keys the library generates', () => {
		for (const key of ['a0', 'a1', 'Zz', 'a0V', 'b01', ...generateNKeysBetween('a0', 'a1', 20)])
			expect(isValidOrderKey(key), key).toBe(true);
	});

	it.each([
		['empty', ''],
		['a head without its integer digits', 'a'],
		['an integer part that is too short', 'b0'],
		['a trailing zero in the fraction', 'a00'],
		['the smallest integer, which has no key before it', 'A' + '0'.repeat(26)],
		['an invalid head character', '!a0'],
		['a character outside base 62', 'a!'],
		['a character that sorts after every digit', 'a~'],
		['a space', 'a0 '],
		['a non-ASCII character', 'a\u00e6'],
		['a character above 255', 'a\u0100'],
		['more than the limit', 'a0' + 'V'.repeat(LIMITS.orderKey - 1)]
	])('refuses %s', (_what, key) => {
		expect(isValidOrderKey(key)).toBe(false);
	});

	it('accepts a key exactly at the length limit', () => {
		expect(isValidOrderKey('a0' + 'V'.repeat(LIMITS.orderKey - 2))).toBe(true);
	});

	it('refuses values that are not strings', () => {
		for (const value of [null, undefined, 1, {}, ['a0']])
			expect(isValidOrderKey(value)).toBe(false);
	});
});

describe('planInsert', () => {
	const lane = [item('x', 'a0'), item('y', 'a1'), item('z', 'a2')];

	it('gives a first key in an empty list', () => {
		const plan = planInsert([], 0);
		expect(isValidOrderKey(plan.key)).toBe(true);
		expect(plan.rekeyed).toEqual([]);
	});

	it('places at the start', () => {
		const plan = planInsert(lane, 0);
		expect(plan.key < 'a0').toBe(true);
		expect(plan.rekeyed).toEqual([]);
	});

	it('places in the middle', () => {
		const plan = planInsert(lane, 2);
		expect(plan.key > 'a1' && plan.key < 'a2').toBe(true);
		expect(visibleAfter(lane, plan.rekeyed, item('new', plan.key)).map((i) => i.id)).toEqual([
			'x',
			'y',
			'new',
			'z'
		]);
	});

	it('places at the end', () => {
		expect(planInsert(lane, 3).key > 'a2').toBe(true);
	});

	it('clamps an index past the end to the end and a negative one to the start', () => {
		expect(planInsert(lane, 99).key > 'a2').toBe(true);
		expect(planInsert(lane, -5).key < 'a0').toBe(true);
	});

	it('treats a non-finite index as the end instead of producing an unrelated key', () => {
		expect(planInsert(lane, Number.NaN).key > 'a2').toBe(true);
	});

	it('sorts siblings itself and does not mutate them', () => {
		const shuffled = [lane[2]!, lane[0]!, lane[1]!];
		const copy = shuffled.map((s) => ({ ...s }));
		const plan = planInsert(shuffled, 1);
		expect(plan.key > 'a0' && plan.key < 'a1').toBe(true);
		expect(shuffled).toEqual(copy);
	});

	it('re-keys a run of equal keys and still places the item between the right neighbours', () => {
		// Two devices moved b and c to the same spot at once: both got the key between a and d.
		const siblings = [item('a', 'a0'), item('b', 'a0V'), item('c', 'a0V'), item('d', 'a1')];
		const plan = planInsert(siblings, 2);
		expect(plan.rekeyed.map((r) => r.id)).toEqual(['c']);
		const visible = visibleAfter(siblings, plan.rekeyed, item('new', plan.key));
		expect(visible.map((i) => i.id)).toEqual(['a', 'b', 'new', 'c', 'd']);
		expectStrictlyIncreasing(visible.map((i) => i.order));
	});

	it('re-keys the whole list when keys grow past the rebalance length, keeping the order', () => {
		const long = 'a0' + 'V'.repeat(REBALANCE_KEY_LENGTH);
		const siblings = [item('a', 'a0'), item('b', long), item('c', long + 'V'), item('d', 'a1')];
		const plan = planInsert(siblings, 2);
		const visible = visibleAfter(siblings, plan.rekeyed, item('new', plan.key));
		expect(visible.map((i) => i.id)).toEqual(['a', 'b', 'new', 'c', 'd']);
		for (const v of visible) expect(v.order.length).toBeLessThanOrEqual(REBALANCE_KEY_LENGTH);
		expectStrictlyIncreasing(visible.map((i) => i.order));
	});

	it('keeps keys short and the order right through any sequence of inserts', () => {
		fc.assert(
			fc.property(fc.array(fc.nat(), { minLength: 1, maxLength: 600 }), (positions) => {
				let list: Ordered[] = [];
				const expected: string[] = [];
				positions.forEach((p, n) => {
					const index = p % (list.length + 1);
					const plan = planInsert(list, index);
					list = visibleAfter(list, plan.rekeyed, item(`i${n}`, plan.key));
					expected.splice(index, 0, `i${n}`);
				});
				expect(list.map((i) => i.id)).toEqual(expected);
				for (const i of list) expect(isValidOrderKey(i.order)).toBe(true);
				for (const i of list) expect(i.order.length).toBeLessThanOrEqual(REBALANCE_KEY_LENGTH);
				expectStrictlyIncreasing(list.map((i) => i.order));
			}),
			{ numRuns: 40 }
		);
	});

	it('survives hundreds of inserts at the same spot (keys used to outgrow the schema limit)', () => {
		let list = [item('first', 'a0'), item('last', 'a1')];
		for (let n = 0; n < 700; n++) {
			const plan = planInsert(list, 1);
			list = visibleAfter(list, plan.rekeyed, item(`i${n}`, plan.key));
		}
		expect(list[0]!.id).toBe('first');
		expect(list[1]!.id).toBe('i699');
		expect(list.at(-1)!.id).toBe('last');
		for (const i of list) expect(isValidOrderKey(i.order), i.order).toBe(true);
	});
});

describe('repairKeys', () => {
	it('changes nothing when keys are strictly increasing', () => {
		expect(repairKeys([item('a', 'a0'), item('b', 'a1'), item('c', 'a2')])).toEqual([]);
	});

	it('keeps the first of a run and gives the others keys before the next item', () => {
		const sorted = [
			item('a', 'a0'),
			item('b', 'a1'),
			item('c', 'a1'),
			item('d', 'a1'),
			item('e', 'a2')
		];
		const changes = repairKeys(sorted);
		expect(changes.map((c) => c.id)).toEqual(['c', 'd']);
		const visible = visibleAfter(sorted, changes);
		expect(visible.map((i) => i.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
		expectStrictlyIncreasing(visible.map((i) => i.order));
	});

	it('repairs runs at the start and at the end of the list', () => {
		const sorted = [
			item('a', 'a0'),
			item('b', 'a0'),
			item('c', 'a1'),
			item('d', 'a2'),
			item('e', 'a2')
		];
		const changes = repairKeys(sorted);
		expect(changes.map((c) => c.id)).toEqual(['b', 'e']);
		const visible = visibleAfter(sorted, changes);
		expect(visible.map((i) => i.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
		expectStrictlyIncreasing(visible.map((i) => i.order));
	});

	it('repairs a list where every key is the same', () => {
		const sorted = ['a', 'b', 'c', 'd'].map((id) => item(id, 'a5'));
		const visible = visibleAfter(sorted, repairKeys(sorted));
		expect(visible.map((i) => i.id)).toEqual(['a', 'b', 'c', 'd']);
		expectStrictlyIncreasing(visible.map((i) => i.order));
	});

	it('leaves keys strictly increasing and the visible order unchanged for any run pattern', () => {
		const pool = ['Zz', 'a0', 'a0V', 'a1', 'a1V', 'a2', 'b01'];
		fc.assert(
			fc.property(fc.array(fc.constantFrom(...pool), { maxLength: 40 }), (keys) => {
				const sorted = keys
					.map((k, i) => item(`c${String(i).padStart(2, '0')}`, k))
					.sort(compareOrdered);
				const changes = repairKeys(sorted);
				const visible = visibleAfter(sorted, changes);
				expect(visible.map((i) => i.id)).toEqual(sorted.map((i) => i.id));
				expectStrictlyIncreasing(visible.map((i) => i.order));
				for (const c of changes) expect(isValidOrderKey(c.order)).toBe(true);
				// Only items that collided are touched.
				expect(changes.length).toBe(sorted.length - new Set(keys).size);
			})
		);
	});
});
