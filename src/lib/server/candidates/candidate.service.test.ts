import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
	createTestDatabase,
	createTestTeam,
	type TestTeam
} from '../../../../tests/fixtures/sync-harness';
import { listAuditFor } from '../audit/audit.repository';
import { createBoardWithLanes } from '../boards/board.service';
import { insertCitizen, type Citizen } from '../citizens/citizen.repository';
import { ensureDefaultTargetGroups, findTargetGroup } from '../citizens/target-group.repository';
import type { Db } from '../db/connect';
import { selectLastOfferedAt } from './candidate.repository';
import { listCandidatesForTeam } from './candidate.service';

const T0 = Date.UTC(2026, 10, 27, 8, 0, 0);
const HOUR = 3_600_000;

let db: Db;
let remove: () => Promise<void>;
let ours: TestTeam;
let theirs: TestTeam;
let dp: string;

beforeEach(async () => {
	({ db, remove } = await createTestDatabase());
	await ensureDefaultTargetGroups(db);
	dp = (await findTargetGroup(db, 'DP'))!.id;
	ours = await createTestTeam(db, T0);
	theirs = await createTestTeam(db, T0);
});

afterEach(async () => {
	await remove();
});

async function citizen(team: TestTeam, initials: string, closedAt: number | null = null) {
	const created = await insertCitizen(db, {
		teamId: team.teamId,
		ownerId: team.userIds.consultant,
		initials,
		targetGroupId: dp,
		jobAreas: ['Lager'],
		hoursWanted: 20,
		jobReady: true,
		now: T0
	});
	if (closedAt !== null)
		await db
			.updateTable('citizen')
			.set({ closed_at: closedAt })
			.where('id', '=', created.id)
			.execute();
	return created;
}

let matchCounter = 0;

/** A row as src/lib/server/boards/projection.ts writes it for a match on a board. */
async function projectedMatch(
	boardId: string,
	who: Citizen,
	proposedAt: number,
	status = 'proposed'
): Promise<void> {
	await db
		.insertInto('match')
		.values({
			board_id: boardId,
			match_id: `m${++matchCounter}`,
			opening_id: 'opening-1',
			citizen_id: who.id,
			status,
			proposed_by: 'someone',
			proposed_at: proposedAt,
			updated_at: proposedAt + HOUR
		})
		.execute();
}

describe('selectLastOfferedAt', () => {
	it("takes each citizen's latest proposal on any of the team's boards, in any status", async () => {
		const second = await createBoardWithLanes(db, { teamId: ours.teamId, name: 'Småjob', now: T0 });
		const ah = await citizen(ours, 'AH');
		const mo = await citizen(ours, 'MØ');
		await citizen(ours, 'PE');
		await projectedMatch(ours.boardId, ah, T0 + HOUR, 'not-chosen');
		await projectedMatch(second.id, ah, T0 + 3 * HOUR, 'not-chosen');
		await projectedMatch(ours.boardId, ah, T0 + 2 * HOUR, 'hired');
		await projectedMatch(ours.boardId, mo, T0 + 5 * HOUR);

		expect(await selectLastOfferedAt(db, ours.teamId)).toEqual(
			new Map([
				[ah.id, T0 + 3 * HOUR],
				[mo.id, T0 + 5 * HOUR]
			])
		);
	});

	it("ignores another team's boards, even for a citizen id proposed there", async () => {
		const ah = await citizen(ours, 'AH');
		await projectedMatch(theirs.boardId, ah, T0 + HOUR);
		expect(await selectLastOfferedAt(db, ours.teamId)).toEqual(new Map());
		expect(await selectLastOfferedAt(db, theirs.teamId)).toEqual(new Map([[ah.id, T0 + HOUR]]));
	});
});

describe('listCandidatesForTeam', () => {
	it("returns the team's open citizens as candidates and audits each one as read", async () => {
		const ah = await citizen(ours, 'AH');
		const pe = await citizen(ours, 'PE');
		const closed = await citizen(ours, 'LU', T0);
		const other = await citizen(theirs, 'EF');
		await projectedMatch(ours.boardId, ah, T0 + HOUR);
		const consultant = ours.userIds.consultant;

		const candidates = await listCandidatesForTeam(
			db,
			{ userId: consultant, teamId: ours.teamId },
			T0 + 2 * HOUR
		);

		expect(candidates).toEqual([
			{
				id: ah.id,
				initials: 'AH',
				targetGroup: 'A-dagpenge',
				jobAreas: ['Lager'],
				hoursWanted: 20,
				jobReady: true,
				lastOfferedAt: T0 + HOUR
			},
			expect.objectContaining({ id: pe.id, initials: 'PE', lastOfferedAt: null })
		]);
		for (const shown of [ah, pe]) {
			expect(await listAuditFor(db, 'citizen', shown.id)).toEqual([
				expect.objectContaining({
					userId: consultant,
					action: 'read',
					at: T0 + 2 * HOUR,
					detail: 'candidates'
				})
			]);
		}
		for (const hidden of [closed, other]) {
			expect(await listAuditFor(db, 'citizen', hidden.id)).toEqual([]);
		}
	});

	it('returns nothing and writes no audit row for a team without citizens', async () => {
		await citizen(theirs, 'EF');
		expect(
			await listCandidatesForTeam(db, { userId: ours.userIds.leader, teamId: ours.teamId }, T0)
		).toEqual([]);
		expect(await db.selectFrom('audit_log').selectAll().execute()).toEqual([]);
	});
});
