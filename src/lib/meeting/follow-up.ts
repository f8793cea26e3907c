import type { FollowUpOutcome } from './minutes';

/**
 * What became of an action due since the last meeting, from its status now and its due date now
 * and when the meeting started. The minutes and the screen tell it the same way.
 */
export function followUpOutcome(status: string, due: string, dueAtStart: string): FollowUpOutcome {
	if (status === 'done') return 'done';
	if (status === 'dropped') return 'dropped';
	return due !== dueAtStart ? 'moved' : 'open';
}
