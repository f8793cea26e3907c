import { describe, expect, it } from 'vitest';
import {
	addCard,
	addOpening,
	closeOpening,
	listLanes,
	proposeCandidate
} from '../../src/lib/board/model';
import { insertCitizen } from '../../src/lib/server/citizens/citizen.repository';
import {
	ensureDefaultTargetGroups,
	listTargetGroups
} from '../../src/lib/server/citizens/target-group.repository';
import { boardChanges } from '../../src/lib/server/overview/changes';
import { listAuditFor } from '../../src/lib/server/audit/audit.repository';
import {
	exportTeamMatches,
	loadTeamOverview,
	watchTeam
} from '../../src/lib/server/overview/overview.service';
import {
	cleanupAfterEach,
	connectClient,
	createTestTeam,
	roundTrip,
	startTestBoard,
	waitUntil
} from '../fixtures/sync-harness';
import { openingInput } from '../fixtures/board-fixtures';

const defer = cleanupAfterEach();

describe('the live overview', () => {
	it('hears a committed change of its own team’s board, and its figures include it', async () => {
		const board = await startTestBoard(defer);
		const { db, team } = board;
		const events: string[] = [];
		defer(watchTeam(db, boardChanges(), team.teamId, () => events.push('changed')));
		const client = board.client(team.cookies.consultant);
		await client.synced;
		const now = Date.now();

		const before = await loadTeamOverview(db, team.teamId, now);
		expect(before.figures.open.value).toBe(0);

		// A note is neither an opening nor an action: no projection row changes, so no event.
		addCard(
			client.doc,
			{ laneId: board.laneIds[0]!, kind: 'note', title: 'Note', createdBy: '', now },
			't'
		);
		await roundTrip(client.provider);
		// The hub is told after the commit; give an event a moment to arrive before asserting none did.
		await new Promise((resolve) => setTimeout(resolve, 50));
		expect(events).toEqual([]);

		const cardId = addOpening(client.doc, { ...openingInput(board.laneIds[0]!), now }, 't');
		await waitUntil(() => events.length === 1, 5000, 'change event');
		const after = await loadTeamOverview(db, team.teamId, Date.now());
		expect(after.figures.open.ids).toEqual([cardId]);
		expect(after.figures.openPositions.value).toBe(2);
		expect(after.openings).toMatchObject([
			{ id: cardId, boardId: team.boardId, position: 'Lagerhjælp', stage: 'new' }
		]);

		// A job-ready citizen proposed on the opening counts; closing it as filled fills the rate.
		await ensureDefaultTargetGroups(db);
		const [group] = await listTargetGroups(db);
		const citizen = await insertCitizen(db, {
			teamId: team.teamId,
			ownerId: team.userIds.consultant,
			initials: 'AH',
			targetGroupId: group!.id,
			jobAreas: [],
			hoursWanted: null,
			jobReady: true,
			now
		});
		proposeCandidate(
			client.doc,
			{ openingId: cardId, citizenId: citizen.id, proposedBy: team.userIds.consultant, now },
			't'
		);
		await waitUntil(() => events.length === 2, 5000, 'second change event');
		expect(
			(await loadTeamOverview(db, team.teamId, Date.now())).figures.offeredToJobReady.ids
		).toEqual([cardId]);
		closeOpening(client.doc, { cardId, outcome: 'filled', now: Date.now() }, 't');
		await waitUntil(() => events.length === 3, 5000, 'third change event');
		const closed = await loadTeamOverview(db, team.teamId, Date.now());
		expect(closed.figures.open.value).toBe(0);
		expect(closed.figures.fillRate30).toMatchObject({ value: 1, filledIds: [cardId] });
	});

	it('does not hear another team’s board', async () => {
		const board = await startTestBoard(defer);
		const other = await createTestTeam(board.db);
		const events: string[] = [];
		defer(watchTeam(board.db, boardChanges(), board.team.teamId, () => events.push('mine')));
		const otherEvents: string[] = [];
		defer(watchTeam(board.db, boardChanges(), other.teamId, () => otherEvents.push('theirs')));
		const client = connectClient(board.server.url, other.boardId, other.cookies.consultant);
		defer(client.destroy);
		await client.synced;
		addOpening(client.doc, { ...openingInput(listLanes(client.doc)[0]!.id), now: Date.now() }, 't');
		await waitUntil(() => otherEvents.length === 1, 5000, 'the other team’s event');
		expect(events).toEqual([]);
		expect(
			(await loadTeamOverview(board.db, board.team.teamId, Date.now())).figures.open.value
		).toBe(0);
	});

	it('exports only the team’s own matches, with initials of its own citizens, and audits that read', async () => {
		const board = await startTestBoard(defer);
		const { db, team } = board;
		const other = await createTestTeam(db);
		await ensureDefaultTargetGroups(db);
		const [group] = await listTargetGroups(db);
		const citizenOf = (teamId: string, ownerId: string, initials: string) =>
			insertCitizen(db, {
				teamId,
				ownerId,
				initials,
				targetGroupId: group!.id,
				jobAreas: [],
				hoursWanted: null,
				jobReady: false,
				now: 1
			});
		const mine = await citizenOf(team.teamId, team.userIds.consultant, 'MØ');
		const theirs = await citizenOf(other.teamId, other.userIds.consultant, 'ZZ');
		const client = board.client(team.cookies.consultant);
		await client.synced;
		const cardId = addOpening(client.doc, { ...openingInput(board.laneIds[0]!), now: 1000 }, 't');
		// The other team's citizen on our opening (by mistake or by a stale id) stays a bare id.
		// Proposed one after the other: the export orders by proposal time (then by random id).
		for (const [i, citizenId] of [mine.id, theirs.id].entries())
			proposeCandidate(
				client.doc,
				{ openingId: cardId, citizenId, proposedBy: team.userIds.consultant, now: 2000 + i },
				't'
			);
		const otherClient = connectClient(board.server.url, other.boardId, other.cookies.consultant);
		defer(otherClient.destroy);
		await otherClient.synced;
		const otherCard = addOpening(
			otherClient.doc,
			{ ...openingInput(listLanes(otherClient.doc)[0]!.id), now: 1000 },
			't'
		);
		proposeCandidate(
			otherClient.doc,
			{
				openingId: otherCard,
				citizenId: theirs.id,
				proposedBy: other.userIds.consultant,
				now: 2000
			},
			't'
		);
		await roundTrip(client.provider);
		await roundTrip(otherClient.provider);

		const rows = await exportTeamMatches(
			db,
			{ userId: team.userIds.leader, teamId: team.teamId },
			5000
		);
		expect(rows.map((r) => [r.opening_id, r.citizen_id, r.initials])).toEqual([
			[cardId, mine.id, 'MØ'],
			[cardId, theirs.id, null]
		]);
		expect(rows[0]).toMatchObject({ position: 'Lagerhjælp', status: 'proposed' });
		expect(await listAuditFor(db, 'citizen', mine.id)).toMatchObject([
			{ userId: team.userIds.leader, action: 'read', detail: 'export', at: 5000 }
		]);
		expect(await listAuditFor(db, 'citizen', theirs.id), 'no initials shown, no read').toEqual([]);
	});

	it('unsubscribes', () => {
		const hub = boardChanges();
		const before = hub.listenerCount();
		const stop = hub.subscribe(() => undefined);
		expect(hub.listenerCount()).toBe(before + 1);
		stop();
		expect(hub.listenerCount()).toBe(before);
	});
});
