import os from 'node:os';
import { performance } from 'node:perf_hooks';
import type { Insertable } from 'kysely';
import { JOB_TYPES, MATCH_STATUSES } from '../src/lib/board/types';
import { createBoardWithLanes } from '../src/lib/server/boards/board.service';
import { insertCitizen } from '../src/lib/server/citizens/citizen.repository';
import {
	ensureDefaultTargetGroups,
	listTargetGroups
} from '../src/lib/server/citizens/target-group.repository';
import type { Db } from '../src/lib/server/db/connect';
import type { MatchTable, OpeningTable } from '../src/lib/server/db/schema';
import { computeOpeningFigures } from '../src/lib/openings/figures';
import { copenhagenDay, toFigureInputs } from '../src/lib/server/overview/overview.mapping';
import { selectOverviewRows } from '../src/lib/server/overview/overview.repository';
import { loadTeamOverview } from '../src/lib/server/overview/overview.service';
import { createTeam } from '../src/lib/server/teams/team.repository';
import { createUser } from '../src/lib/server/users/user.repository';
import { createTestDatabase, seededRandom } from '../tests/fixtures/sync-harness';
import { formatMs, percentile, replaceSection } from './stats';

/**
 * "The overview computed for a job centre with 20 teams, 5,000 openings and 20,000 matches"
 * (issue 3): a temp SQLite file seeded straight into the projection tables (the sync path is
 * measured elsewhere), then loadTeamOverview — the SQL load, the mapping and
 * computeOpeningFigures, exactly what the overview page and its exports run — for one team and
 * for every team in turn.
 */

export const OVERVIEW_SCALE = {
	teams: 20,
	openings: 5000,
	matches: 20000,
	companies: 400,
	citizensPerTeam: 120
};
const ONE_TEAM_RUNS = Number(process.env.BENCH_OVERVIEW_RUNS ?? 60);
const ALL_TEAMS_RUNS = Math.max(5, Math.round(ONE_TEAM_RUNS / 6));
const DAY = 86_400_000;

export interface OverviewBenchResult {
	measuredAt: Date;
	/** 1-minute load average when the measurement started. */
	load: number;
	seedMs: number;
	oneTeam: number[];
	sqlOnly: number[];
	computeOnly: number[];
	allTeams: number[];
	openingsPerTeam: number;
	figures: { open: number; overdue: number; fillRate90: number | null };
}

async function insertChunked<T>(
	db: Db,
	rows: T[],
	insert: (db: Db, chunk: T[]) => Promise<unknown>
): Promise<void> {
	await db.transaction().execute(async (trx) => {
		for (let i = 0; i < rows.length; i += 500) await insert(trx, rows.slice(i, i + 500));
	});
}

export async function seedOverviewScale(db: Db, now: number): Promise<string[]> {
	const random = seededRandom(20261127);
	const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
	await ensureDefaultTargetGroups(db);
	const groups = await listTargetGroups(db);
	const teamIds: string[] = [];
	const boards: string[] = [];
	const citizens: string[][] = [];
	for (let t = 0; t < OVERVIEW_SCALE.teams; t++) {
		const team = await createTeam(db, `Benchteam ${t + 1}`, now);
		const owner = await createUser(db, {
			email: `bench-${t}@test.invalid`,
			name: `Bench ${t}`,
			passwordHash: 'not-a-real-hash',
			now
		});
		const board = await createBoardWithLanes(db, { teamId: team.id, name: 'Jobåbninger', now });
		teamIds.push(team.id);
		boards.push(board.id);
		const ids: string[] = [];
		await db.transaction().execute(async (trx) => {
			for (let c = 0; c < OVERVIEW_SCALE.citizensPerTeam; c++) {
				const citizen = await insertCitizen(trx, {
					teamId: team.id,
					ownerId: owner.id,
					initials: 'AB',
					targetGroupId: pick(groups).id,
					jobAreas: [],
					hoursWanted: null,
					jobReady: random() < 0.5,
					now
				});
				ids.push(citizen.id);
			}
		});
		citizens.push(ids);
	}

	const stages = ['new', 'needs', 'candidates', 'referred', 'interview', 'filled', 'not-filled'];
	const openings: Insertable<OpeningTable>[] = [];
	for (let i = 0; i < OVERVIEW_SCALE.openings; i++) {
		const team = i % OVERVIEW_SCALE.teams;
		const stage = pick(stages);
		const createdAt = now - Math.floor(random() * 365) * DAY;
		const closed = stage === 'filled' || stage === 'not-filled';
		const deadline = new Date(now + Math.floor(random() * 60 - 20) * DAY)
			.toISOString()
			.slice(0, 10);
		openings.push({
			board_id: boards[team]!,
			card_id: `o${i}`,
			company_id: `company${Math.floor(random() * OVERVIEW_SCALE.companies)}`,
			company_name: 'Demoby Virksomhed',
			position: 'Lagermedarbejder',
			job_type: pick(JOB_TYPES),
			hours_per_week: 15,
			positions: 1 + Math.floor(random() * 3),
			deadline,
			start_date: '',
			job_areas: 'Lager\nTruck',
			source: 'phone',
			owner_id: '',
			lane_id: `lane-${stage}`,
			stage,
			outcome: closed ? stage : '',
			close_reason: stage === 'not-filled' ? 'deadline-passed' : '',
			created_at: createdAt,
			closed_at: closed ? createdAt + Math.floor(random() * (now - createdAt)) : null,
			updated_at: now
		});
	}
	await insertChunked(db, openings, (trx, chunk) =>
		trx.insertInto('opening').values(chunk).execute()
	);

	const matches: Insertable<MatchTable>[] = [];
	for (let i = 0; i < OVERVIEW_SCALE.matches; i++) {
		const opening = openings[i % openings.length]!;
		const team = (i % openings.length) % OVERVIEW_SCALE.teams;
		matches.push({
			board_id: opening.board_id,
			match_id: `m${i}`,
			opening_id: opening.card_id,
			citizen_id: pick(citizens[team]!),
			status: pick(MATCH_STATUSES),
			proposed_by: '',
			proposed_at: Number(opening.created_at) + DAY,
			updated_at: Number(opening.created_at) + 2 * DAY
		});
	}
	await insertChunked(db, matches, (trx, chunk) => trx.insertInto('match').values(chunk).execute());
	return teamIds;
}

export async function benchOverview(print: (line: string) => void): Promise<OverviewBenchResult> {
	const measuredAt = new Date();
	const load = os.loadavg()[0]!;
	const t = await createTestDatabase();
	try {
		const now = Date.now();
		const seedStart = performance.now();
		const teamIds = await seedOverviewScale(t.db, now);
		const seedMs = performance.now() - seedStart;
		const first = teamIds[0]!;
		// Unmeasured: JIT and SQLite's page cache warm up on the first loads.
		for (let i = 0; i < 20; i++) await loadTeamOverview(t.db, teamIds[i % teamIds.length]!, now);
		// Each run times loadTeamOverview, then the same work split in two (the SQL load alone, then
		// mapping + computeOpeningFigures), interleaved so a busy moment hits both alike.
		const oneTeam: number[] = [];
		const sqlOnly: number[] = [];
		const computeOnly: number[] = [];
		for (let run = 0; run < ONE_TEAM_RUNS; run++) {
			const teamId = teamIds[run % teamIds.length]!;
			const started = performance.now();
			await loadTeamOverview(t.db, teamId, now);
			oneTeam.push(performance.now() - started);
			const splitStarted = performance.now();
			const rows = await selectOverviewRows(t.db, teamId);
			const loaded = performance.now();
			computeOpeningFigures(toFigureInputs(rows, now, copenhagenDay(now)));
			computeOnly.push(performance.now() - loaded);
			sqlOnly.push(loaded - splitStarted);
		}
		const allTeams: number[] = [];
		for (let run = 0; run < ALL_TEAMS_RUNS; run++) {
			const started = performance.now();
			for (const teamId of teamIds) await loadTeamOverview(t.db, teamId, now);
			allTeams.push(performance.now() - started);
		}
		const sample = await loadTeamOverview(t.db, first, now);
		const result: OverviewBenchResult = {
			measuredAt,
			load,
			seedMs,
			oneTeam,
			sqlOnly,
			computeOnly,
			allTeams,
			openingsPerTeam: sample.openings.length,
			figures: {
				open: sample.figures.open.value,
				overdue: sample.figures.overdueUnfilled.value,
				fillRate90: sample.figures.fillRate90.value
			}
		};
		print(
			`overview, one team of ${result.openingsPerTeam} openings: p50 ${formatMs(percentile(oneTeam, 50))} ms, p95 ${formatMs(percentile(oneTeam, 95))} ms; all ${OVERVIEW_SCALE.teams} teams: p50 ${formatMs(percentile(allTeams, 50))} ms, p95 ${formatMs(percentile(allTeams, 95))} ms`
		);
		return result;
	} finally {
		await t.remove();
	}
}

export const OVERVIEW_HEADING = "## The leader's overview at job-centre scale";

export function renderOverviewSection(r: OverviewBenchResult): string {
	const s = OVERVIEW_SCALE;
	return `${OVERVIEW_HEADING}

${s.teams} teams with one board each, ${s.openings.toLocaleString('en')} openings and ${s.matches.toLocaleString('en')} matches in the
projection tables (\`opening\`, \`match\`; ${s.openings / s.teams} openings and ${s.matches / s.teams} matches per
team, random stages, types, deadlines and ${s.companies} companies shared by all teams), ${s.citizensPerTeam} citizens per
team, on a temp SQLite file (seeded in ${(r.seedMs / 1000).toFixed(1)} s, straight into the tables). Timed:
\`loadTeamOverview\` (bench/overview.ts) — the SQL load of a team's openings, matches, each
company's first opening across all teams and the matched citizens' readiness, the mapping, and
\`computeOpeningFigures\` with the time passed in — which is what the overview page, its listing
and its exports run. Twenty unmeasured warm-up loads first. Measured ${r.measuredAt.toISOString()}, load
average (1 min) ${r.load.toFixed(2)} at the start.

| what | runs | p50 ms | p95 ms |
|---|---:|---:|---:|
| one team (${r.openingsPerTeam} openings) | ${r.oneTeam.length} | ${formatMs(percentile(r.oneTeam, 50))} | ${formatMs(percentile(r.oneTeam, 95))} |
| of which the SQL load | ${r.sqlOnly.length} | ${formatMs(percentile(r.sqlOnly, 50))} | ${formatMs(percentile(r.sqlOnly, 95))} |
| of which mapping + computeOpeningFigures | ${r.computeOnly.length} | ${formatMs(percentile(r.computeOnly, 50))} | ${formatMs(percentile(r.computeOnly, 95))} |
| all ${s.teams} teams, one after another | ${r.allTeams.length} | ${formatMs(percentile(r.allTeams, 50))} | ${formatMs(percentile(r.allTeams, 95))} |

A sample team's figures (a sanity check that the data is not empty): ${r.figures.open} open,
${r.figures.overdue} overdue and unfilled, fill rate (90 days) ${r.figures.fillRate90 === null ? '—' : `${Math.round(r.figures.fillRate90 * 100)} %`}.
`;
}

/**
 * Puts the overview section into an existing report in place of an older one (or at the end),
 * so \`BENCH_ONLY=overview\` can re-measure it without re-running the sync benchmarks.
 */
export function replaceOverviewSection(report: string, section: string): string {
	return replaceSection(report, OVERVIEW_HEADING, section);
}
