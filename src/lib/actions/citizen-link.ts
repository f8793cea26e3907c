/**
 * An action's linked citizen (borger), named on one device. The board document holds only the
 * pseudonymous citizen id; initials come from the audited candidates list, which only leaders and
 * consultants may fetch. Wherever initials may not show (a viewer, the shared screen, or a device
 * that has not fetched the list) a linked citizen gets a neutral label instead, never a guess.
 */

export interface CitizenChoice {
	id: string;
	initials: string;
	/** The target group's name, to tell apart citizens who share initials. */
	targetGroup: string;
}

export type ActionCitizenLabel =
	| { kind: 'none' }
	| { kind: 'initials'; initials: string }
	/** Linked, but this device may not or cannot name the citizen. */
	| { kind: 'neutral' };

/**
 * `initialsById` is the fetched list (null when not fetched); initials are used only when
 * `showInitials` is true and the list knows the citizen (a closed citizen drops off the list).
 */
export function actionCitizenLabel(
	citizenId: string,
	initialsById: ReadonlyMap<string, string> | null,
	showInitials: boolean
): ActionCitizenLabel {
	if (citizenId === '') return { kind: 'none' };
	const initials = showInitials ? initialsById?.get(citizenId) : undefined;
	return initials === undefined ? { kind: 'neutral' } : { kind: 'initials', initials };
}

/** Initials by citizen id, for looking up the labels of many cards. */
export function initialsById(choices: readonly CitizenChoice[]): ReadonlyMap<string, string> {
	return new Map(choices.map((choice) => [choice.id, choice.initials]));
}

const collator = new Intl.Collator('da', { sensitivity: 'base' });

/** The citizens offered in the "Borger" field: by initials in Danish order (Æ, Ø, Å last). */
export function sortCitizenChoices(choices: readonly CitizenChoice[]): CitizenChoice[] {
	return [...choices].sort(
		(a, b) =>
			collator.compare(a.initials, b.initials) ||
			collator.compare(a.targetGroup, b.targetGroup) ||
			(a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
	);
}
