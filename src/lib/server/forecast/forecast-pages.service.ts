import type { Db } from '../db/connect';
import { writeAudit } from '../audit/audit.repository';
import type { BoardChanges } from '../overview/changes';
import { listTargetGroups } from '../citizens/target-group.repository';
import { loadTeamForecastInput } from '../cases/forecast.service';
import { projectCaseload, type CaseloadProjection } from '../../forecast/projection';
import { buildSparringList, type SparringItem } from '../../forecast/sparring';
import {
	computeVariation,
	variationForViewer,
	type VariationResult
} from '../../forecast/variation';

/**
 * What the three forecast pages show for one team: the caseload projection, the variation between
 * consultants and the sparring list, each computed by the pure functions in src/lib/forecast/ from
 * loadTeamForecastInput. Who sees what is decided here, not in the page: only a leader gets
 * consultants' names and every case on the sparring list.
 */

export interface ForecastViewer {
	userId: string;
	isLeader: boolean;
}

export interface NamedCode {
	code: string;
	name: string;
}

export interface TeamProjection {
	today: string;
	projection: CaseloadProjection;
	/** The groups in the projection's order, with the municipality's names. */
	groups: NamedCode[];
}

/** The projection with the municipality's risk weights and the recent inflow added (issue 4). */
export async function loadTeamProjection(
	db: Db,
	teamId: string,
	now: number
): Promise<TeamProjection> {
	const [input, targetGroups] = await Promise.all([
		loadTeamForecastInput(db, teamId, now),
		listTargetGroups(db, { includeInactive: true })
	]);
	const projection = projectCaseload(input.cases, {
		today: input.today,
		weights: input.settings.riskWeights,
		targetGroups: input.targetGroups,
		groupOrder: input.groupOrder,
		withInflow: true
	});
	const names = new Map(targetGroups.map((g) => [g.code, g.name]));
	return {
		today: input.today,
		projection,
		groups: projection.groups.map((g) => ({
			code: g.targetGroup,
			name: names.get(g.targetGroup) ?? g.targetGroup
		}))
	};
}

/** Display names of users by id, for the leader's views only. */
async function userNames(db: Db, ids: readonly string[]): Promise<Record<string, string>> {
	if (ids.length === 0) return {};
	const rows = await db
		.selectFrom('user')
		.select(['id', 'name'])
		.where('id', 'in', [...ids])
		.execute();
	return Object.fromEntries(rows.map((r) => [r.id, r.name]));
}

export interface TeamVariation {
	today: string;
	/** Already cut to what the viewer may see (variationForViewer). */
	variation: VariationResult;
	goals: NamedCode[];
	/** Consultant id → name; empty unless the viewer is the team's leader. */
	names: Record<string, string>;
}

export async function loadTeamVariation(
	db: Db,
	teamId: string,
	viewer: ForecastViewer,
	now: number
): Promise<TeamVariation> {
	const input = await loadTeamForecastInput(db, teamId, now);
	const full = computeVariation(input.cases, {
		today: input.today,
		goals: input.goals.map((g) => g.code)
	});
	const variation = variationForViewer(full, viewer);
	const goalNames = new Map(input.goals.map((g) => [g.code, g.name]));
	return {
		today: input.today,
		variation,
		goals: variation.team.goals.map((g) => ({
			code: g.key,
			name: goalNames.get(g.key) ?? g.key
		})),
		names: viewer.isLeader
			? await userNames(
					db,
					variation.consultants.map((c) => c.consultantId)
				)
			: {}
	};
}

export interface SparringRow extends SparringItem {
	initials: string;
}

export interface TeamSparring {
	today: string;
	rows: SparringRow[];
	goals: NamedCode[];
	/** Consultant id → name; empty unless the viewer is the team's leader. */
	names: Record<string, string>;
}

/**
 * The sparring list as the viewer may see it: every case for the leader, a consultant's own
 * cases otherwise. Showing a citizen's initials is a read of the case: each listed case gets an
 * audit row in the same transaction as the read of the initials.
 */
export async function loadTeamSparring(
	db: Db,
	teamId: string,
	viewer: ForecastViewer,
	now: number
): Promise<TeamSparring> {
	const input = await loadTeamForecastInput(db, teamId, now);
	const items = buildSparringList(input.cases, input.history, {
		today: input.today,
		staleWeeks: input.settings.staleWeeks
	}).filter((item) => viewer.isLeader || item.consultantId === viewer.userId);
	const initials = await db.transaction().execute(async (trx) => {
		const citizenIds = items.map((item) => item.citizenId);
		const rows =
			citizenIds.length === 0
				? []
				: await trx
						.selectFrom('citizen')
						.select(['id', 'initials'])
						.where('team_id', '=', teamId)
						.where('id', 'in', citizenIds)
						.execute();
		await writeAudit(
			trx,
			items.map((item) => ({
				at: now,
				userId: viewer.userId,
				action: 'read' as const,
				entity: 'case' as const,
				entityId: item.caseId,
				detail: 'sparring'
			}))
		);
		return new Map(rows.map((r) => [r.id, r.initials]));
	});
	return {
		today: input.today,
		rows: items.map((item) => ({ ...item, initials: initials.get(item.citizenId) ?? '' })),
		goals: input.goals.map((g) => ({ code: g.code, name: g.name })),
		names: viewer.isLeader
			? await userNames(db, [...new Set(items.map((item) => item.consultantId))])
			: {}
	};
}

/** Calls `onChange` whenever the cases of `teamId` change; returns the unsubscribe function. */
export function watchTeamCases(
	changes: BoardChanges,
	teamId: string,
	onChange: () => void
): () => void {
	return changes.subscribe((changedTeam) => {
		if (changedTeam === teamId) onChange();
	});
}
