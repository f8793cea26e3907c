import { oneLine } from '../openings/danish-input';
import { looksLikeCpr } from '../privacy/cpr';
import { MAX_SCORE, MIN_SCORE } from '../forecast/readiness';

/**
 * The readiness forms (parathed til løntimer): a work task's text and a follow-up's scores.
 * Pure, shared by the page and the service, so the browser and the server refuse the same input
 * with the same issue codes. The page turns codes into Danish sentences next to each field.
 */

/** One line; long enough for "Fylde varer på hylderne i frostafdelingen uden hjælp". */
export const TASK_TEXT_MAX = 200;

export type TaskTextIssue = 'required' | 'too_long' | 'looks_like_cpr';

export type TaskTextResult = { ok: true; text: string } | { ok: false; issue: TaskTextIssue };

/** White space collapsed to one line; refused when empty, too long or CPR-like. */
export function parseTaskText(input: string): TaskTextResult {
	const text = oneLine(input);
	if (text === '') return { ok: false, issue: 'required' };
	if (text.length > TASK_TEXT_MAX) return { ok: false, issue: 'too_long' };
	if (looksLikeCpr(text)) return { ok: false, issue: 'looks_like_cpr' };
	return { ok: true, text };
}

/** The form field of a task's score in the follow-up form. */
export function scoreField(taskId: string): string {
	return `score-${taskId}`;
}

export type ScoreIssue = 'invalid_score';
/** The whole follow-up: no score at all, or a score for a task that is not open (any more). */
export type FollowUpIssue = 'no_scores' | 'unknown_task';

export interface FollowUpScore {
	taskId: string;
	score: number;
}

export type FollowUpResult =
	| { ok: true; scores: FollowUpScore[] }
	| { ok: false; issues: Record<string, ScoreIssue>; formIssue?: FollowUpIssue };

/**
 * A score as typed: empty means "not scored this time" (allowed); otherwise a whole number
 * MIN_SCORE..MAX_SCORE written with digits only ("7", " 10 "). "7,5", "7.0" and "syv" are refused.
 */
export function parseScore(input: string): number | null | undefined {
	const text = input.trim();
	if (text === '') return null;
	if (!/^\d{1,2}$/.test(text)) return undefined;
	const score = Number(text);
	return score >= MIN_SCORE && score <= MAX_SCORE ? score : undefined;
}

/**
 * The scores of one follow-up for the open tasks, in their order. Every wrong score is
 * reported by task id (so each message sits next to its field); a follow-up without any score
 * is refused as a whole. Nothing is partly accepted: one wrong score refuses them all.
 */
export function parseFollowUp(
	values: Readonly<Record<string, string | undefined>>,
	openTaskIds: readonly string[]
): FollowUpResult {
	const scores: FollowUpScore[] = [];
	const issues: Record<string, ScoreIssue> = {};
	for (const taskId of openTaskIds) {
		const score = parseScore(values[scoreField(taskId)] ?? '');
		if (score === undefined) issues[taskId] = 'invalid_score';
		else if (score !== null) scores.push({ taskId, score });
	}
	if (Object.keys(issues).length > 0) return { ok: false, issues };
	if (scores.length === 0) return { ok: false, issues, formIssue: 'no_scores' };
	return { ok: true, scores };
}
