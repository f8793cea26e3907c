import { describe, expect, it } from 'vitest';
import { isClosedStage, JOB_TYPES, MATCH_STATUSES, OPENING_STAGES } from './types';

describe('openings types', () => {
	it('closes an opening only as Besat or Ikke besat', () => {
		expect(OPENING_STAGES.filter(isClosedStage)).toEqual(['filled', 'not-filled']);
	});

	it('lists every value once', () => {
		for (const list of [JOB_TYPES, OPENING_STAGES, MATCH_STATUSES]) {
			expect(new Set(list).size).toBe(list.length);
		}
		expect(JOB_TYPES).toHaveLength(7);
		expect(MATCH_STATUSES).toHaveLength(5);
	});
});
