/**
 * An in-process hub that tells listeners "the projection rows of this board changed". The sync
 * room publishes after its transaction commits; the overview's event stream subscribes. One hub
 * per process: the SvelteKit bundle and server/ each hold a copy of this module, so the hub lives
 * on globalThis under a registered symbol, like the runtime.
 */

export type BoardChangeListener = (boardId: string) => void;

export interface BoardChanges {
	publish(boardId: string): void;
	/** Returns the unsubscribe function. */
	subscribe(listener: BoardChangeListener): () => void;
	listenerCount(): number;
}

export function createBoardChanges(onError?: (error: unknown) => void): BoardChanges {
	const listeners = new Set<BoardChangeListener>();
	return {
		publish(boardId) {
			for (const listener of [...listeners]) {
				// A broken listener (a closed stream) must not keep the others from hearing, nor the room.
				try {
					listener(boardId);
				} catch (error) {
					onError?.(error);
				}
			}
		},
		subscribe(listener) {
			listeners.add(listener);
			return () => {
				listeners.delete(listener);
			};
		},
		listenerCount: () => listeners.size
	};
}

const KEY = Symbol.for('tavlen.board-changes');
type Holder = { [KEY]?: BoardChanges };

/** The process-wide hub. */
export function boardChanges(): BoardChanges {
	const holder = globalThis as Holder;
	holder[KEY] ??= createBoardChanges((error) =>
		console.error('board change listener failed', error)
	);
	return holder[KEY];
}
