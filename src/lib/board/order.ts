import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing';

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

export function isValidOrderKey(key: unknown): key is string {
	if (typeof key !== 'string' || key.length === 0 || key.length > 80) return false;
	try {
		generateKeyBetween(key, null);
		return true;
	} catch {
		return false;
	}
}

export interface OrderPlan {
	/** Key for the item being placed. */
	key: string;
	/** Neighbours whose keys must change so that keys stay strictly increasing. */
	rekeyed: Ordered[];
}

/**
 * Finds a key that places an item at `index` among `siblings` (sorted, not containing the item).
 * Two concurrent moves can leave equal keys behind; those runs are re-keyed in the same
 * transaction, keeping their visible order, so a key between two neighbours always exists.
 */
export function planInsert(siblings: readonly Ordered[], index: number): OrderPlan {
	const sorted = [...siblings].sort(compareOrdered);
	const at = Math.max(0, Math.min(index, sorted.length));
	const rekeyed = repairKeys(sorted);
	const keys = sorted.map((s) => rekeyed.find((r) => r.id === s.id)?.order ?? s.order);
	const key = generateKeyBetween(keys[at - 1] ?? null, keys[at] ?? null);
	return { key, rekeyed };
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
