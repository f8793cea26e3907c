/**
 * How a citizen on an opening's match is named on screen. The board document holds only the
 * pseudonymous citizen id; initials come from the audited candidates endpoint. Wherever initials
 * must not show (the shared screen, a viewer, or before this device fetched them) the citizen
 * gets a neutral number instead: "Kandidat 1", "Kandidat 2", by proposal order, the same on
 * every device. The UI turns a label into text through the message catalogue.
 */
import type { Match } from './types';

export type CitizenLabel =
	{ kind: 'initials'; initials: string; number: number } | { kind: 'neutral'; number: number };

function byProposal(a: Match, b: Match): number {
	if (a.proposedAt !== b.proposedAt) return a.proposedAt - b.proposedAt;
	return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Labels per citizen id for one opening's matches. Numbers count distinct citizens from 1 in
 * proposal order (proposedAt, then match id). Initials are used only when `showInitials` is true
 * and `initialsById` (the fetched candidates, null when not fetched) knows the citizen.
 */
export function labelCitizens(
	matches: readonly Match[],
	initialsById: ReadonlyMap<string, string> | null,
	showInitials: boolean
): Map<string, CitizenLabel> {
	const labels = new Map<string, CitizenLabel>();
	for (const match of [...matches].sort(byProposal)) {
		if (labels.has(match.citizenId)) continue;
		const number = labels.size + 1;
		const initials = showInitials ? initialsById?.get(match.citizenId) : undefined;
		labels.set(
			match.citizenId,
			initials === undefined ? { kind: 'neutral', number } : { kind: 'initials', initials, number }
		);
	}
	return labels;
}
