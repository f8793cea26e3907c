import { describe, expect, it } from 'vitest';
import {
	addAction,
	addOpening,
	completeAction,
	deleteCard,
	dropAction,
	moveAction,
	reopenAction
} from '../../src/lib/board/model';
import {
	cleanupAfterEach,
	connectClient,
	roundTrip,
	startSyncServer,
	startTestBoard
} from '../fixtures/sync-harness';
import { loadTeamActionFigures } from '../../src/lib/server/overview/actions.service';

const defer = cleanupAfterEach();

describe('the SQL projection of action cards', () => {
	it('follows adding, completing, moving, dropping, reopening and deleting through the stock client', async () => {
		const board = await startTestBoard(defer);
		const client = board.client(board.team.cookies.consultant);
		await client.synced;
		const consultant = board.team.userIds.consultant;
		const rows = () =>
			board.db
				.selectFrom('action')
				.selectAll()
				.where('board_id', '=', board.team.boardId)
				.execute();

		const openingId = addOpening(
			client.doc,
			{
				title: 'Lagermedarbejder, Demoby Logistik',
				companyId: 'company1',
				companyName: 'Demoby Logistik',
				position: 'Lagermedarbejder',
				jobType: 'ordinary',
				positions: 1,
				deadline: '2026-12-04',
				source: 'phone',
				laneId: board.laneIds[0]!,
				createdBy: consultant,
				now: 500
			},
			'test'
		);
		const id = addAction(
			client.doc,
			{
				laneId: board.laneIds[0]!,
				title: 'Ring til Demoby Logistik',
				ownerId: consultant,
				due: '2026-12-01',
				followUp: '2026-12-03',
				openingId,
				citizenId: 'citizen1',
				timeTag: 'outreach',
				createdBy: consultant,
				now: 1000
			},
			'test'
		);
		await roundTrip(client.provider);
		expect(await rows()).toEqual([
			{
				board_id: board.team.boardId,
				id,
				owner_id: consultant,
				title: 'Ring til Demoby Logistik',
				due: '2026-12-01',
				follow_up: '2026-12-03',
				status: 'open',
				time_tag: 'outreach',
				opening_id: openingId,
				citizen_id: 'citizen1',
				created_at: 1000,
				done_at: null
			}
		]);

		moveAction(
			client.doc,
			{ cardId: id, due: '2026-12-08', followUp: '2026-12-10', now: 1500 },
			'test'
		);
		await roundTrip(client.provider);
		expect(await rows()).toMatchObject([{ due: '2026-12-08', follow_up: '2026-12-10' }]);

		completeAction(client.doc, { cardId: id, now: 2000 }, 'test');
		await roundTrip(client.provider);
		expect(await rows()).toMatchObject([{ status: 'done', done_at: 2000 }]);

		dropAction(client.doc, { cardId: id, reason: 'Ikke længere relevant', now: 3000 }, 'test');
		await roundTrip(client.provider);
		expect(await rows()).toMatchObject([{ status: 'dropped', done_at: null }]);

		reopenAction(client.doc, { cardId: id, now: 4000 }, 'test');
		await roundTrip(client.provider);
		expect(await rows()).toMatchObject([{ status: 'open', done_at: null }]);

		deleteCard(client.doc, id, 'test');
		await roundTrip(client.provider);
		expect(await rows()).toEqual([]);
		expect(
			await board.db.selectFrom('opening').select('card_id').execute(),
			'the opening it linked stays'
		).toEqual([{ card_id: openingId }]);
	});

	it('is rebuilt from the document when the board is loaded', async () => {
		const board = await startTestBoard(defer);
		const client = board.client(board.team.cookies.leader);
		await client.synced;
		const leader = board.team.userIds.leader;
		const id = addAction(
			client.doc,
			{
				laneId: board.laneIds[1]!,
				title: 'Opfølgning på praktik',
				ownerId: leader,
				due: '2026-11-20',
				followUp: '2026-11-25',
				timeTag: 'follow-up',
				createdBy: leader,
				now: 1000
			},
			'test'
		);
		await roundTrip(client.provider);
		client.destroy();
		await board.server.app.close();
		await board.db.deleteFrom('action').execute();
		await board.db
			.insertInto('action')
			.values({
				board_id: board.team.boardId,
				id: 'stale',
				owner_id: '',
				title: 'Gammel',
				due: '',
				follow_up: '',
				status: 'open',
				time_tag: '',
				opening_id: '',
				citizen_id: '',
				created_at: 0,
				done_at: null
			})
			.execute();
		const again = await startSyncServer(board.db);
		defer(() => again.app.close());
		const reader = connectClient(again.url, board.team.boardId, board.team.cookies.leader);
		defer(reader.destroy);
		await reader.synced;
		const rows = await board.db.selectFrom('action').select(['id', 'time_tag', 'status']).execute();
		expect(rows).toEqual([{ id, time_tag: 'follow-up', status: 'open' }]);
	});

	it('feeds the leader’s escalated list and production table from the projection', async () => {
		const board = await startTestBoard(defer);
		const client = board.client(board.team.cookies.consultant);
		await client.synced;
		const consultant = board.team.userIds.consultant;
		// Friday 27 November 2026, 10:00 in Copenhagen.
		const now = Date.UTC(2026, 10, 27, 9);
		const base = {
			laneId: board.laneIds[0]!,
			ownerId: consultant,
			followUp: '2026-11-30',
			createdBy: consultant,
			now: now - 86_400_000
		};
		const late = addAction(
			client.doc,
			{ ...base, title: 'Ring tilbage', due: '2026-11-20', timeTag: 'outreach' },
			'test'
		);
		addAction(client.doc, { ...base, title: 'Snart', due: '2026-11-24' }, 'test');
		const done = addAction(
			client.doc,
			{ ...base, title: 'Samtale', due: '2026-11-26', timeTag: 'citizen-talk' },
			'test'
		);
		completeAction(client.doc, { cardId: done, now: Date.UTC(2026, 10, 25, 9) }, 'test');
		await roundTrip(client.provider);

		const figures = await loadTeamActionFigures(board.db, board.team.teamId, now);
		expect(figures.escalated).toEqual([
			{
				id: late,
				boardId: board.team.boardId,
				boardName: 'Testtavle',
				title: 'Ring tilbage',
				ownerId: consultant,
				ownerName: 'Test consultant',
				due: '2026-11-20',
				daysOverdue: 7
			}
		]);
		expect(figures.production).toHaveLength(8);
		expect(figures.production.at(-1)).toMatchObject({
			week: 48,
			total: 1,
			counts: { 'citizen-talk': 1, outreach: 0 }
		});
		const other = await loadTeamActionFigures(board.db, 'another-team', now);
		expect(other.escalated, 'another team sees none of it').toEqual([]);
	});
});
