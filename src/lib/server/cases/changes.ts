import { createBoardChanges, type BoardChanges } from '../overview/changes';

/**
 * Tells listeners "the cases of this team changed" (published by the case service after its
 * transaction commits). The sync server recomputes the team's board summary; the forecast pages'
 * event streams reload. Process-wide on globalThis, like the board change hub, because the
 * SvelteKit bundle and server/ each hold a copy of this module.
 */

const KEY = Symbol.for('tavlen.case-changes');
type Holder = { [KEY]?: BoardChanges };

/** The process-wide hub; listeners receive a team id. */
export function caseChanges(): BoardChanges {
	const holder = globalThis as Holder;
	holder[KEY] ??= createBoardChanges((error) =>
		console.error('case change listener failed', error)
	);
	return holder[KEY];
}
