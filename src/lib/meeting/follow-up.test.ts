import { describe, expect, it } from 'vitest';
import { followUpOutcome } from './follow-up';

describe('a follow-up action’s outcome', () => {
	it('is done or dropped by status, moved when its due date changed, otherwise still open', () => {
		expect(followUpOutcome('done', '2026-11-20', '2026-11-20')).toBe('done');
		expect(followUpOutcome('dropped', '2026-12-20', '2026-11-20')).toBe('dropped');
		expect(followUpOutcome('open', '2026-12-01', '2026-11-20')).toBe('moved');
		// Moved to an earlier date is still moved: only the change counts.
		expect(followUpOutcome('open', '2026-11-18', '2026-11-20')).toBe('moved');
		expect(followUpOutcome('open', '2026-11-20', '2026-11-20')).toBe('open');
	});
});
