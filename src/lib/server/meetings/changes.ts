import { createBoardChanges, type BoardChanges } from '../overview/changes';

/**
 * Tells listeners "the meeting on this board changed" (published by the meeting service after
 * its transaction commits). The sync server writes the new state into the live board, so the TV
 * and every device follow. Process-wide on globalThis, like the other hubs, because the SvelteKit
 * bundle and server/ each hold a copy of this module.
 */

const KEY = Symbol.for('tavlen.meeting-changes');
type Holder = { [KEY]?: BoardChanges };

/** The process-wide hub; listeners receive a board id. */
export function meetingChanges(): BoardChanges {
	const holder = globalThis as Holder;
	holder[KEY] ??= createBoardChanges((error) =>
		console.error('meeting change listener failed', error)
	);
	return holder[KEY];
}
