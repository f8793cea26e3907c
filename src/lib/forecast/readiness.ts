/**
 * Readiness for paid hours (parathed til løntimer), issue 4 point 6. The consultant and the citizen
 * list concrete work tasks (arbejdsopgaver); at each follow-up the citizen scores how well they
 * solve each task, 1-10. A citizen is ready when there is at least one task and every task's
 * latest score is at or above the municipality's threshold (default 7). A task without any score
 * yet keeps the citizen not ready: an unassessed task is not a solved one.
 */

export const READINESS_THRESHOLD = 7;
export const MIN_SCORE = 1;
export const MAX_SCORE = 10;

export interface WorkTask {
	id: string;
	citizenId: string;
	/** What the task is, in the citizen's own words (no health details). */
	text: string;
}

export interface TaskScore {
	taskId: string;
	/** Whole number 1-10. */
	score: number;
	/** Epoch ms of the follow-up. */
	at: number;
}

export interface TaskReadiness {
	taskId: string;
	/** Oldest first: the scores over time, for the chart. */
	scores: TaskScore[];
	latest: TaskScore | null;
	meetsThreshold: boolean;
}

export interface Readiness {
	threshold: number;
	tasks: TaskReadiness[];
	ready: boolean;
}

function checkScore(score: number, what: string): void {
	if (!Number.isInteger(score) || score < MIN_SCORE || score > MAX_SCORE)
		throw new RangeError(`${what} must be a whole number ${MIN_SCORE}..${MAX_SCORE}, got ${score}`);
}

/**
 * Scores of tasks not in `tasks` are ignored. Two scores of a task at the same moment: the one
 * later in the input is the latest (the order the follow-up was saved in).
 */
export function assessReadiness(
	tasks: readonly WorkTask[],
	scores: readonly TaskScore[],
	threshold: number = READINESS_THRESHOLD
): Readiness {
	checkScore(threshold, 'threshold');
	const byTask = new Map<string, TaskScore[]>(tasks.map((t) => [t.id, []]));
	for (const s of scores) {
		checkScore(s.score, `score of task ${s.taskId}`);
		byTask.get(s.taskId)?.push(s);
	}
	const result = tasks.map((t): TaskReadiness => {
		// A stable sort keeps the input order among scores given at the same moment.
		const series = [...byTask.get(t.id)!].sort((a, b) => a.at - b.at);
		const latest = series.at(-1) ?? null;
		return {
			taskId: t.id,
			scores: series,
			latest,
			meetsThreshold: latest !== null && latest.score >= threshold
		};
	});
	return {
		threshold,
		tasks: result,
		ready: result.length > 0 && result.every((t) => t.meetsThreshold)
	};
}
