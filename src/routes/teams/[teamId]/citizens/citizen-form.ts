import type { Citizen } from '$lib/server/citizens/citizen.repository';
import type { TargetGroup } from '$lib/server/citizens/target-group.repository';
import { numberForInput } from '$lib/format/danish';

/** The fields of the citizen form, as posted; an error sends them back untouched. */
export const CITIZEN_FIELDS = [
	'initials',
	'targetGroupId',
	'jobAreas',
	'hoursWanted',
	'jobReady'
] as const;

export type CitizenFormValues = Record<(typeof CITIZEN_FIELDS)[number], string>;

/** A stored citizen as the form shows it before any change. */
export function citizenFormValues(citizen: Citizen, locale: string): CitizenFormValues {
	return {
		initials: citizen.initials,
		targetGroupId: citizen.targetGroupId,
		jobAreas: citizen.jobAreas.join('\n'),
		hoursWanted: numberForInput(citizen.hoursWanted, locale),
		jobReady: citizen.jobReady ? 'on' : ''
	};
}

/** A target group as the pages need it. */
export function groupOption(group: TargetGroup) {
	return { id: group.id, code: group.code, name: group.name, active: group.active };
}
