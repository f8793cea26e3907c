import type { Db } from '$lib/server/db/connect';
import type { CaseRecord } from '$lib/server/cases/case.repository';
import { listTargetGroups } from '$lib/server/citizens/target-group.repository';
import { listCaseFields } from '$lib/server/cases/case-field.repository';
import { listCaseGoals } from '$lib/server/cases/goal.repository';
import { listMembers } from '$lib/server/teams/team.repository';

/**
 * What the caseload page and the case page both need besides the cases: every target group and
 * goal (inactive ones too, for cases that still have them), the active extra fields, and the
 * team's names for consultants and history authors.
 */
export async function loadCaseOptions(db: Db, teamId: string) {
	const [groups, goals, fields, members] = await Promise.all([
		listTargetGroups(db, { includeInactive: true }),
		listCaseGoals(db, { includeInactive: true }),
		listCaseFields(db, { includeInactive: true }),
		listMembers(db, teamId)
	]);
	return {
		groups: groups.map((g) => ({ id: g.id, code: g.code, name: g.name, active: g.active })),
		goals: goals.map((g) => ({ code: g.code, name: g.name, active: g.active })),
		// Inactive fields are not on the form, but the history still names them.
		fields: fields.map((f) => ({
			id: f.id,
			label: f.label,
			kind: f.kind,
			required: f.required,
			choices: f.choices,
			active: f.active
		})),
		names: Object.fromEntries(members.map((m) => [m.userId, m.name]))
	};
}

/** What a page shows of a case: its forecast and its dates (no team or citizen ids). */
export function caseForPage(c: CaseRecord) {
	return {
		id: c.id,
		consultantId: c.consultantId,
		goal: c.goal,
		horizon: c.horizon,
		risk: c.risk,
		nextStep: c.nextStep,
		previousStepOutcome: c.previousStepOutcome,
		extra: c.extra,
		openedAt: c.openedAt,
		closedAt: c.closedAt,
		closed: c.closedAt !== null
	};
}
