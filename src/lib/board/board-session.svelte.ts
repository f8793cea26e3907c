import type { ForecastSummary } from '../forecast/summary';
import type { MeetingState } from '../meeting/state';
import { getServerData, parseForecastSummary, parseMeetingState, SERVER_KEYS } from './server-data';
import type * as Y from 'yjs';
import {
	openBoardConnection,
	type BoardConnection,
	type ConnectionProblem,
	type ConnectionSnapshot,
	type ConnectionState,
	type Peer,
	type PresenceUser
} from './connection';
import {
	addAction,
	completeAction,
	dropAction,
	linkActionCitizen,
	moveAction,
	reopenAction,
	type ActionInput,
	type MoveActionInput
} from './actions';
import {
	addCard,
	addLane,
	BoardError,
	deleteCard,
	deleteLane,
	moveCard,
	moveLane,
	readBoard,
	renameLane,
	restoreCard,
	updateCard,
	type CardFields
} from './model';
import {
	addOpening,
	closeOpening,
	proposeCandidate,
	removeMatch,
	reopenOpening,
	restoreMatch,
	setMatchStatus,
	updateOpening,
	type CloseOpeningInput,
	type OpeningInput,
	type OpeningPatch
} from './openings';
import { arrangeLane, sortLaneByDeadline } from './sort-lane';
import { LIMITS, type BoardView, type Card, type Match, type MatchStatus } from './types';
import {
	findCard,
	groupFocus,
	groupPresence,
	planStep,
	type MoveDirection,
	type MoveTarget,
	type PresenceEntry
} from './view';

export { isValidDueDate } from './schema';
export type { OpeningInput, OpeningPatch } from './openings';
export type { ActionInput } from './actions';
export type { CardFields, ConnectionProblem, ConnectionState, PresenceEntry, PresenceUser };

/**
 * The runes adapter: turns the board's Y.Doc and awareness into read-only reactive state for
 * components, and offers the edits as methods. Components never see Y.*; this class and
 * connection.ts are the only client code that does.
 */

/** Marks this person's own edits in transactions (the provider and cache use their own origins). */
export const LOCAL_ORIGIN = 'tavlen-ui';

/** Openings per transaction in addOpenings: at most ~5 KiB each (2,000 characters of requirements), so ~250 KiB per update. */
const IMPORT_CHUNK = 50;

export type EditError = 'read-only' | 'not-found' | 'lane-not-empty' | 'invalid' | 'limit';
export type EditResult<T = void> = { ok: true; value: T } | { ok: false; error: EditError };

export interface DeletedLane {
	id: string;
	title: string;
	index: number;
}

export interface BoardSessionOptions {
	boardId: string;
	user: { id: string; name: string };
	/** The role's right to edit, as the page load decided it. The server enforces it too. */
	canEdit: boolean;
	/** Set on a meeting-room screen opened through a screen link (read-only, no cache). */
	screenToken?: string;
}

const EMPTY_BOARD: BoardView = { lanes: [], orphans: [], cardCount: 0, matches: {} };

export class BoardSession {
	readonly boardId: string;
	readonly userId: string;
	readonly #connection: BoardConnection;
	readonly #doc: Y.Doc;
	readonly #roleCanEdit: boolean;
	readonly #unsubscribe: (() => void)[] = [];
	#board = $state.raw<BoardView>(EMPTY_BOARD);
	#connectionSnapshot = $state.raw<ConnectionSnapshot>({
		state: 'connecting',
		problem: null,
		pending: false,
		cacheLoaded: false,
		everSynced: false
	});
	#peers = $state.raw<Peer[]>([]);
	/** The server's forecast summary; re-parsed only when its stored text changes. */
	#forecast = $state.raw<ForecastSummary | null>(null);
	#forecastText: unknown = undefined;
	/** The running meeting the server keeps on the board; re-parsed only when its text changes. */
	#meeting = $state.raw<MeetingState | null>(null);
	#meetingText: unknown = undefined;
	#presence = $derived.by(() => groupPresence(this.#peers, this.userId));
	#focusByCard = $derived(groupFocus(this.#presence));

	constructor(options: BoardSessionOptions) {
		this.boardId = options.boardId;
		this.userId = options.user.id;
		this.#roleCanEdit = options.canEdit;
		this.#connection = openBoardConnection({
			boardId: options.boardId,
			user: options.user,
			screenToken: options.screenToken
		});
		this.#doc = this.#connection.doc;
		this.#board = readBoard(this.#doc);
		this.#readServerData();
		this.#connectionSnapshot = this.#connection.snapshot;
		this.#peers = this.#connection.peers();
		// Synchronous refresh: a drop's moveCard must show its result before the drag preview goes.
		const onUpdate = () => {
			this.#board = readBoard(this.#doc);
			this.#readServerData();
		};
		this.#doc.on('update', onUpdate);
		this.#unsubscribe.push(
			() => this.#doc.off('update', onUpdate),
			this.#connection.subscribe(() => {
				this.#connectionSnapshot = this.#connection.snapshot;
			}),
			this.#connection.onPeers((peers) => {
				this.#peers = peers;
			})
		);
	}

	get board(): BoardView {
		return this.#board;
	}

	/** The team's forecast summary the server keeps on the board; null when the team has none. */
	get forecast(): ForecastSummary | null {
		return this.#forecast;
	}

	/** The board's running meeting (agenda, timer, focus card, attendance); null when none runs. */
	get meeting(): MeetingState | null {
		return this.#meeting;
	}

	#readServerData(): void {
		const data = getServerData(this.#doc);
		const forecast = data.get(SERVER_KEYS.forecast);
		if (forecast !== this.#forecastText) {
			this.#forecastText = forecast;
			this.#forecast = parseForecastSummary(forecast);
		}
		const meeting = data.get(SERVER_KEYS.meeting);
		if (meeting !== this.#meetingText) {
			this.#meetingText = meeting;
			this.#meeting = parseMeetingState(meeting);
		}
	}

	/** False until the cache or the server has delivered the board, so an empty view is not mistaken for an empty board. */
	get loaded(): boolean {
		const c = this.#connectionSnapshot;
		return c.everSynced || (c.cacheLoaded && this.#board.lanes.length > 0);
	}

	get connectionState(): ConnectionState {
		return this.#connectionSnapshot.state;
	}

	get problem(): ConnectionProblem | null {
		return this.#connectionSnapshot.problem;
	}

	/** Edits kept on this device that the server has not been sent yet. */
	get pending(): boolean {
		return this.#connectionSnapshot.pending;
	}

	/** The role may edit (false for viewers), whatever the connection's state. */
	get roleCanEdit(): boolean {
		return this.#roleCanEdit;
	}

	get canEdit(): boolean {
		const problem = this.#connectionSnapshot.problem;
		// After an expired session edits are still kept locally and sent after sign-in.
		return this.#roleCanEdit && (problem === null || problem.kind === 'session-expired');
	}

	/** Everyone on the board, one entry per person (not per tab), this person first. */
	get presence(): PresenceEntry[] {
		return this.#presence;
	}

	/** Other people's focus per card id, for the "being looked at" marker. */
	get focusByCard(): ReadonlyMap<string, PresenceEntry[]> {
		return this.#focusByCard;
	}

	setFocus(cardId: string | null): void {
		this.#connection.setFocus(cardId);
	}

	addCard(laneId: string, fields: CardFields, index?: number): EditResult<string> {
		return this.#edit(() =>
			addCard(
				this.#doc,
				{ ...fields, laneId, index, createdBy: this.userId, now: Date.now() },
				LOCAL_ORIGIN
			)
		);
	}

	updateCard(cardId: string, patch: Partial<CardFields>): EditResult {
		return this.#edit(() => updateCard(this.#doc, cardId, patch, Date.now(), LOCAL_ORIGIN));
	}

	moveCard(target: MoveTarget): EditResult {
		const at = findCard(this.#board, target.cardId);
		// A drop on the card's own place is not an edit; writing a new key would still send an update.
		if (at && at.lane.id === target.toLaneId && at.index === target.index)
			return { ok: true, value: undefined };
		return this.#edit(() => moveCard(this.#doc, target, LOCAL_ORIGIN));
	}

	/** One keyboard step; returns false when the card is already at that edge. */
	stepCard(cardId: string, direction: MoveDirection): EditResult<boolean> {
		const target = planStep(this.#board, cardId, direction);
		if (!target) return { ok: true, value: false };
		const result = this.moveCard(target);
		return result.ok ? { ok: true, value: true } : result;
	}

	/** Removes the card and returns it for restoreCard (undo). */
	deleteCard(cardId: string): EditResult<Card> {
		return this.#edit(() => deleteCard(this.#doc, cardId, LOCAL_ORIGIN));
	}

	restoreCard(card: Card): EditResult {
		return this.#edit(() => restoreCard(this.#doc, card, LOCAL_ORIGIN));
	}

	/** Adds an opening card (jobåbning) to the lane, last unless index is given. */
	addOpening(
		laneId: string,
		fields: Omit<CardFields, 'due'> & OpeningInput,
		index?: number
	): EditResult<string> {
		return this.#edit(() =>
			addOpening(
				this.#doc,
				{ ...fields, laneId, index, createdBy: this.userId, now: Date.now() },
				LOCAL_ORIGIN
			)
		);
	}

	/**
	 * Adds many openings to the end of a lane (CSV import), checked for the card limit first so it
	 * is all or nothing. Written in transactions of IMPORT_CHUNK cards: one update each, well
	 * under the server's update size limit even with the longest texts.
	 */
	addOpenings(
		laneId: string,
		openings: readonly (Omit<CardFields, 'due'> & OpeningInput)[]
	): EditResult<string[]> {
		if (this.#board.cardCount + openings.length > LIMITS.cards)
			return { ok: false, error: 'limit' };
		return this.#edit(() => {
			const ids: string[] = [];
			const now = Date.now();
			for (let start = 0; start < openings.length; start += IMPORT_CHUNK)
				this.#doc.transact(() => {
					for (const fields of openings.slice(start, start + IMPORT_CHUNK))
						ids.push(
							addOpening(
								this.#doc,
								{ ...fields, laneId, createdBy: this.userId, now },
								LOCAL_ORIGIN
							)
						);
				}, LOCAL_ORIGIN);
			return ids;
		});
	}

	updateOpening(cardId: string, patch: OpeningPatch): EditResult {
		return this.#edit(() => updateOpening(this.#doc, cardId, patch, Date.now(), LOCAL_ORIGIN));
	}

	/** Closes as Besat / Ikke besat and moves the card to the lane of that stage, if any. */
	closeOpening(input: Omit<CloseOpeningInput, 'now'>): EditResult {
		return this.#edit(() => closeOpening(this.#doc, { ...input, now: Date.now() }, LOCAL_ORIGIN));
	}

	reopenOpening(cardId: string): EditResult {
		return this.#edit(() => reopenOpening(this.#doc, { cardId, now: Date.now() }, LOCAL_ORIGIN));
	}

	/** Adds an open action (handling) to the lane, last unless index is given. */
	addAction(laneId: string, fields: ActionInput, index?: number): EditResult<string> {
		return this.#edit(() =>
			addAction(
				this.#doc,
				{ ...fields, laneId, index, createdBy: this.userId, now: Date.now() },
				LOCAL_ORIGIN
			)
		);
	}

	/** "Udført". */
	completeAction(cardId: string): EditResult {
		return this.#edit(() => completeAction(this.#doc, { cardId, now: Date.now() }, LOCAL_ORIGIN));
	}

	/** "Flyt": new due date, and a new follow-up date when given. */
	moveAction(input: Omit<MoveActionInput, 'now'>): EditResult {
		return this.#edit(() => moveAction(this.#doc, { ...input, now: Date.now() }, LOCAL_ORIGIN));
	}

	/** "Drop" with a reason. */
	dropAction(cardId: string, reason: string): EditResult {
		return this.#edit(() =>
			dropAction(this.#doc, { cardId, reason, now: Date.now() }, LOCAL_ORIGIN)
		);
	}

	/** "Genåbn". */
	reopenAction(cardId: string): EditResult {
		return this.#edit(() => reopenAction(this.#doc, { cardId, now: Date.now() }, LOCAL_ORIGIN));
	}

	/** Links a citizen (pseudonymous id) to an action; '' clears the link. */
	linkActionCitizen(cardId: string, citizenId: string): EditResult {
		return this.#edit(() =>
			linkActionCitizen(this.#doc, { cardId, citizenId, now: Date.now() }, LOCAL_ORIGIN)
		);
	}

	/** Proposes a citizen (by pseudonymous id only) for an opening; returns the match id. */
	proposeCandidate(openingId: string, citizenId: string): EditResult<string> {
		return this.#edit(() =>
			proposeCandidate(
				this.#doc,
				{ openingId, citizenId, proposedBy: this.userId, now: Date.now() },
				LOCAL_ORIGIN
			)
		);
	}

	setMatchStatus(matchId: string, status: MatchStatus): EditResult {
		return this.#edit(() =>
			setMatchStatus(this.#doc, { matchId, status, now: Date.now() }, LOCAL_ORIGIN)
		);
	}

	/** Removes a match and returns it for restoreMatch (undo). */
	removeMatch(matchId: string): EditResult<Match> {
		return this.#edit(() => removeMatch(this.#doc, matchId, LOCAL_ORIGIN));
	}

	restoreMatch(match: Match): EditResult {
		return this.#edit(() => restoreMatch(this.#doc, match, LOCAL_ORIGIN));
	}

	/**
	 * "Sortér efter frist": openings by deadline, other cards last, in one transaction. Returns the
	 * previous order for undo (arrangeLane), or null when the lane was already in that order.
	 */
	sortLaneByDeadline(laneId: string): EditResult<string[] | null> {
		return this.#edit(() => sortLaneByDeadline(this.#doc, laneId, LOCAL_ORIGIN));
	}

	/** Puts a lane's cards in the given order (undo of a sort); cards not named keep their place after them. */
	arrangeLane(laneId: string, cardIds: readonly string[]): EditResult {
		return this.#edit(() => {
			arrangeLane(this.#doc, laneId, cardIds, LOCAL_ORIGIN);
		});
	}

	addLane(title: string, index?: number): EditResult<string> {
		return this.#edit(() => addLane(this.#doc, { title, index }, LOCAL_ORIGIN));
	}

	renameLane(laneId: string, title: string): EditResult {
		return this.#edit(() => renameLane(this.#doc, laneId, title, LOCAL_ORIGIN));
	}

	moveLane(laneId: string, index: number): EditResult {
		return this.#edit(() => moveLane(this.#doc, laneId, index, LOCAL_ORIGIN));
	}

	/** Only an empty lane can go; returns what undo needs to put it back. */
	deleteLane(laneId: string): EditResult<DeletedLane> {
		const index = this.#board.lanes.findIndex((l) => l.id === laneId);
		const lane = this.#board.lanes[index];
		if (!lane) return { ok: false, error: 'not-found' };
		return this.#edit(() => {
			deleteLane(this.#doc, laneId, LOCAL_ORIGIN);
			return { id: lane.id, title: lane.title, index };
		});
	}

	restoreLane(lane: DeletedLane): EditResult<string> {
		return this.#edit(() =>
			addLane(this.#doc, { title: lane.title, index: lane.index, id: lane.id }, LOCAL_ORIGIN)
		);
	}

	/** Throws away this board's local copy and reloads it from the server (after a refused update). */
	async resetLocalCopy(): Promise<void> {
		for (const unsubscribe of this.#unsubscribe.splice(0)) unsubscribe();
		await this.#connection.clearCache();
	}

	destroy(): void {
		for (const unsubscribe of this.#unsubscribe.splice(0)) unsubscribe();
		this.#connection
			.destroy()
			.catch((error: unknown) => console.warn('could not close the board connection', error));
	}

	#edit<T>(run: () => T): EditResult<T> {
		if (!this.canEdit) return { ok: false, error: 'read-only' };
		try {
			return { ok: true, value: run() };
		} catch (error) {
			if (error instanceof BoardError) return { ok: false, error: error.code };
			throw error;
		}
	}
}
