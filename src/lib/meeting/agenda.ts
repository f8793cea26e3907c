import * as v from 'valibot';
import { looksLikeCpr } from '../privacy/cpr';

/**
 * The meeting's agenda (dagsorden). The five standard items follow the morning meeting the
 * design describes, in its order; their titles are messages (so the TV speaks the viewer's
 * language), only a team's own extra items carry a typed title. Time is whole minutes per item.
 */

export const STANDARD_KINDS = [
	'deadlines',
	'openings',
	'actions',
	'forecast',
	'new-actions'
] as const;
export type StandardKind = (typeof STANDARD_KINDS)[number];
export type AgendaKind = StandardKind | 'custom';

export interface AgendaItem {
	kind: AgendaKind;
	/** Only for 'custom'; '' for standard items. */
	title: string;
	minutes: number;
}

export const AGENDA_LIMITS = {
	items: 8,
	minMinutes: 1,
	maxMinutes: 30,
	title: 60
} as const;

export const DEFAULT_AGENDA: readonly AgendaItem[] = [
	{ kind: 'deadlines', title: '', minutes: 3 },
	{ kind: 'openings', title: '', minutes: 3 },
	{ kind: 'actions', title: '', minutes: 3 },
	{ kind: 'forecast', title: '', minutes: 2 },
	{ kind: 'new-actions', title: '', minutes: 2 }
];

const minutes = v.pipe(
	v.number(),
	v.integer(),
	v.minValue(AGENDA_LIMITS.minMinutes),
	v.maxValue(AGENDA_LIMITS.maxMinutes)
);

/** The fields of an agenda item, per kind; meeting state extends them with its clock. */
export const agendaItemEntries = {
	standard: { kind: v.picklist(STANDARD_KINDS), title: v.literal(''), minutes },
	custom: {
		kind: v.literal('custom'),
		title: v.pipe(
			v.string(),
			v.minLength(1),
			v.maxLength(AGENDA_LIMITS.title),
			v.check((t) => t.trim() === t && !looksLikeCpr(t))
		),
		minutes
	}
};

export const agendaItemSchema = v.variant('kind', [
	v.strictObject(agendaItemEntries.standard),
	v.strictObject(agendaItemEntries.custom)
]);

export const agendaSchema = v.pipe(
	v.array(agendaItemSchema),
	v.minLength(1),
	v.maxLength(AGENDA_LIMITS.items)
);

export function isStandardKind(kind: string): kind is StandardKind {
	return (STANDARD_KINDS as readonly string[]).includes(kind);
}

/** Planned length of the whole agenda in minutes. */
export function plannedMinutes(agenda: readonly Pick<AgendaItem, 'minutes'>[]): number {
	return agenda.reduce((sum, item) => sum + item.minutes, 0);
}
