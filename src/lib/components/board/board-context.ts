import { getContext, setContext } from 'svelte';
import type { BoardSession } from '$lib/board/board-session.svelte';
import type { CitizenDirectory } from '$lib/components/actions/citizen-directory.svelte';
import type { MoveDirection, MoveTarget } from '$lib/board/view';

/** What every board component may need, handed down once by Board instead of through every prop. */

export interface BoardMember {
	id: string;
	name: string;
	/** Viewers can be shown as owners of old cards but are not offered as new owners. */
	canOwn: boolean;
}

export interface BoardActions {
	openCard(cardId: string): void;
	/** `keyboard`: the move came from the keyboard, so focus follows the card. */
	moveCard(target: MoveTarget, keyboard: boolean): void;
	stepCard(cardId: string, direction: MoveDirection): void;
	addCard(laneId: string, title: string): boolean;
	/** Opens the opening form (jobåbning) for a new opening in this lane. */
	newOpening(laneId: string): void;
	/** Opens "Ny handling" for a new action in this lane. */
	newAction(laneId: string): void;
	/** "Sortér efter frist", with undo offered. */
	sortLaneByDeadline(laneId: string): void;
	deleteLane(laneId: string): void;
	moveLane(laneId: string, index: number): void;
	renameLane(laneId: string, title: string): boolean;
	/** Moment of a drop, so the click that ends a drag does not also open the card. */
	noteDrop(): void;
}

export interface BoardContext {
	readonly session: BoardSession;
	readonly members: ReadonlyMap<string, BoardMember>;
	readonly actions: BoardActions;
	/** Today's date as YYYY-MM-DD, for due-date status. */
	readonly today: string;
	/** Today's date in Europe/Copenhagen, for openings' deadline countdown. */
	readonly deadlineToday: string;
	/** The team's citizens' initials for actions, once this device has fetched them. */
	readonly citizens: CitizenDirectory;
}

const KEY = Symbol('tavlen-board');

export function setBoardContext(context: BoardContext): void {
	setContext(KEY, context);
}

export function getBoardContext(): BoardContext {
	const context = getContext<BoardContext | undefined>(KEY);
	if (!context) throw new Error('board components must be rendered inside <Board>');
	return context;
}
