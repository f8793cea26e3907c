import type { MatchStatus } from '$lib/board/types';
import type { ScorePart } from '$lib/openings/matching';
import type { CitizenLabel } from '$lib/openings/citizen-label';
import { m } from '$lib/paraglide/messages.js';
import { getLocale } from '$lib/paraglide/runtime.js';

/** Texts for matches and the ranking's explanation; the data comes from the pure openings logic. */

export function statusText(status: MatchStatus): string {
	switch (status) {
		case 'proposed':
			return m.cand_status_proposed();
		case 'referred':
			return m.cand_status_referred();
		case 'interview':
			return m.cand_status_interview();
		case 'hired':
			return m.cand_status_hired();
		case 'not-chosen':
			return m.cand_status_not_chosen();
	}
}

/** "AH", or "Kandidat 2" where initials are hidden or unknown. */
export function labelText(label: CitizenLabel | undefined): string {
	if (label?.kind === 'initials') return label.initials;
	return m.cand_label_neutral({ number: label?.number ?? '?' });
}

function hours(value: number): string {
	return value.toLocaleString(getLocale() === 'da' ? 'da-DK' : 'en-GB', {
		maximumFractionDigits: 1
	});
}

/** Why a part gave the points it did, in words (the points are shown next to it). */
export function partText(part: ScorePart): string {
	switch (part.key) {
		case 'job-areas': {
			const { overlap, openingAreas } = part.detail;
			if (openingAreas === 0) return m.cand_part_areas_opening_none();
			if (overlap.length === 0) return m.cand_part_areas_no_overlap({ total: openingAreas });
			return m.cand_part_areas_overlap({
				areas: overlap.join(', '),
				count: overlap.length,
				total: openingAreas
			});
		}
		case 'hours': {
			const { openingHours, hoursWanted } = part.detail;
			if (openingHours === null || hoursWanted === null) return m.cand_part_hours_unknown();
			return m.cand_part_hours({ wanted: hours(hoursWanted), offered: hours(openingHours) });
		}
		case 'readiness':
			return part.detail.jobReady ? m.cand_part_ready_yes() : m.cand_part_ready_no();
		case 'last-offer': {
			const days = part.detail.daysSince;
			if (days === null) return m.cand_part_offer_never();
			if (days === 0) return m.cand_part_offer_today();
			if (days === 1) return m.cand_part_offer_one_day();
			return m.cand_part_offer_days({ days });
		}
	}
}
