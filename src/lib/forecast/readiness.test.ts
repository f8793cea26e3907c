import { describe, expect, it } from 'vitest';
import { assessReadiness, type TaskScore, type WorkTask } from './readiness';
import { msOn } from './test-cases';

const TASKS: WorkTask[] = [
	{ id: 't1', citizenId: 'b1', text: 'Fylde varer på hylder' },
	{ id: 't2', citizenId: 'b1', text: 'Møde til tiden' }
];
const score = (taskId: string, value: number, date: string): TaskScore => ({
	taskId,
	score: value,
	at: msOn(date)
});

describe('assessReadiness', () => {
	it('is ready when every task’s latest score reaches the threshold', () => {
		const r = assessReadiness(TASKS, [
			score('t1', 8, '2026-11-20'),
			score('t1', 4, '2026-10-01'),
			score('t2', 7, '2026-11-20'),
			score('t2', 3, '2026-10-01')
		]);
		expect(r.ready).toBe(true);
		expect(r.threshold).toBe(7);
		expect(r.tasks[0]!.scores.map((s) => s.score)).toEqual([4, 8]);
		expect(r.tasks[1]!.latest!.score).toBe(7);
	});

	it('the latest score counts, not the best: a drop below the threshold is not ready', () => {
		const r = assessReadiness(TASKS, [
			score('t1', 9, '2026-10-01'),
			score('t1', 6, '2026-11-20'),
			score('t2', 8, '2026-11-20')
		]);
		expect(r.tasks.map((t) => t.meetsThreshold)).toEqual([false, true]);
		expect(r.ready).toBe(false);
	});

	it('a task without a score yet, or no tasks at all, is not ready', () => {
		expect(assessReadiness(TASKS, [score('t1', 10, '2026-11-20')]).ready).toBe(false);
		expect(assessReadiness([], []).ready).toBe(false);
	});

	it('uses the municipality’s threshold', () => {
		const scores = [score('t1', 6, '2026-11-20'), score('t2', 6, '2026-11-20')];
		expect(assessReadiness(TASKS, scores, 6).ready).toBe(true);
		expect(assessReadiness(TASKS, scores, 7).ready).toBe(false);
	});

	it('two scores at the same moment: the one saved later wins; other citizens’ tasks are ignored', () => {
		const r = assessReadiness(TASKS, [
			score('t1', 9, '2026-11-20'),
			score('t1', 5, '2026-11-20'),
			score('t2', 9, '2026-11-20'),
			score('other', 1, '2026-11-20')
		]);
		expect(r.tasks[0]!.latest!.score).toBe(5);
		expect(r.tasks).toHaveLength(2);
	});

	it('refuses scores outside 1-10 and broken thresholds', () => {
		expect(() => assessReadiness(TASKS, [score('t1', 11, '2026-11-20')])).toThrow(RangeError);
		expect(() => assessReadiness(TASKS, [score('t1', 0, '2026-11-20')])).toThrow(RangeError);
		expect(() => assessReadiness(TASKS, [score('t1', 7.5, '2026-11-20')])).toThrow(RangeError);
		expect(() => assessReadiness(TASKS, [], 0)).toThrow(RangeError);
	});
});
