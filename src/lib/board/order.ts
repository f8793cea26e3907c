import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing';
import { LIMITS } from './types';

export interface Ordered {
	id: string;
	order: string;
}

/** Total order used everywhere: by key, then by id, so equal keys from concurrent moves still sort the same on every device. */
export function compareOrdered(a: Ordered, b: Ordered): number {
	if (a.order < b.order) return -1;
	if (a.order > b.order) return 1;
	return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

// fractional-indexing maps characters outside its base-62 alphabet to digit 0 without complaint,
// and then generates a "next" key that sorts before the one it was given.
const KEY_ALPHABET = /^[0-9A-Za-z]+$/;

export function isValidOrderKey(key: unknown): key is string {
	if (typeof key !== 'string' || key.length === 0 || key.length > LIMITS.orderKey) return false;
	if (!KEY_ALPHABET.test(key)) return false;
	try {
		generateKeyBetween(key, null);
		return true;
	} catch {
		return false;
	}
}

/**
 * Keys grow by about one character every six inserts at the same spot. Past this length a lane
 * is re-keyed evenly, well before the schema's limit would make the server refuse the update.
 */
export const REBALANCE_KEY_LENGTH = 32;

export interface OrderPlan {
	/** Key for the item being placed. */
	key: string;
	/** Neighbours whose keys must change so that keys stay strictly increasing. */
	rekeyed: Ordered[];
}

/**
 * Finds a key that places an item at `index` among `siblings` (not containing the item).
 * Two concurrent moves can leave equal keys behind; those runs are re-keyed in the same
 * transaction, keeping their visible order, so a key between two neighbours always exists.
 */
export function planInsert(siblings: readonly Ordered[], index: number): OrderPlan {
	const sorted = [...siblings].sort(compareOrdered);
	const at = Math.max(
		0,
		Math.min(Number.isFinite(index) ? Math.trunc(index) : sorted.length, sorted.length)
	);
	const rekeyed = repairKeys(sorted);
	const changed = new Map(rekeyed.map((r) => [r.id, r.order]));
	const keys = sorted.map((s) => changed.get(s.id) ?? s.order);
	const key = generateKeyBetween(keys[at - 1] ?? null, keys[at] ?? null);
	if (
		key.length <= REBALANCE_KEY_LENGTH &&
		rekeyed.every((r) => r.order.length <= REBALANCE_KEY_LENGTH)
	)
		return { key, rekeyed };
	return rebalance(sorted, at);
}

/** Spreads fresh short keys over the whole list, with a slot for the new item at `at`. */
function rebalance(sorted: readonly Ordered[], at: number): OrderPlan {
	const keys = generateNKeysBetween(null, null, sorted.length + 1);
	const rekeyed: Ordered[] = [];
	sorted.forEach((s, i) => {
		const order = keys[i < at ? i : i + 1]!;
		if (order !== s.order) rekeyed.push({ id: s.id, order });
	});
	return { key: keys[at]!, rekeyed };
}

/** Returns new keys for the items whose key is not greater than their predecessor's. */
export function repairKeys(sorted: readonly Ordered[]): Ordered[] {
	const changes: Ordered[] = [];
	let prev: string | null = null;
	let i = 0;
	while (i < sorted.length) {
		const current = sorted[i]!;
		if (prev === null || current.order > prev) {
			prev = current.order;
			i++;
			continue;
		}
		let j = i;
		while (j < sorted.length && sorted[j]!.order <= prev) j++;
		const upper = sorted[j]?.order ?? null;
		const keys = generateNKeysBetween(prev, upper, j - i);
		for (let k = i; k < j; k++) changes.push({ id: sorted[k]!.id, order: keys[k - i]! });
		prev = keys[keys.length - 1]!;
		i = j;
	}
	return changes;
}

export function keysAfter(last: string | null, n: number): string[] {
	return generateNKeysBetween(last, null, n);
}
