/** Plain, checked views of the board document. Components and the server only see these. */

export const CARD_KINDS = ['action', 'note'] as const;
export type CardKind = (typeof CARD_KINDS)[number];

export interface Lane {
	id: string;
	title: string;
	/** Fractional index key; lanes sort by (order, id). */
	order: string;
}

export interface Card {
	id: string;
	kind: CardKind;
	laneId: string;
	/** Fractional index key within the lane; cards sort by (order, id). */
	order: string;
	title: string;
	description: string;
	/** User id of the owner (ansvarlig), or '' when nobody owns it yet. */
	ownerId: string;
	/** Due date as YYYY-MM-DD, or ''. */
	due: string;
	createdAt: number;
	createdBy: string;
	updatedAt: number;
}

export interface LaneView extends Lane {
	cards: Card[];
}

export interface BoardView {
	lanes: LaneView[];
	/** Cards whose lane was deleted concurrently with a move into it; shown, never lost. */
	orphans: Card[];
	cardCount: number;
}

/** Limits shared by the model, the schema check and the UI's form fields. */
export const LIMITS = {
	laneTitle: 80,
	cardTitle: 200,
	cardDescription: 4000,
	id: 40,
	orderKey: 80,
	lanes: 40,
	cards: 3000,
	/** Bytes in one update message the server accepts. */
	updateBytes: 512 * 1024
} as const;

export const SCHEMA_VERSION = 1;
