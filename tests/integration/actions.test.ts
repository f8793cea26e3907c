import { describe, expect, it } from 'vitest';
import {
	addAction,
	addOpening,
	completeAction,
	deleteCard,
	dropAction,
	getAction,
	linkActionCitizen,
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
				done_at: null,
				drop_reason: '',
				updated_at: 1000
			}
		]);

		moveAction(
			client.doc,
			{ cardId: id, due: '2026-12-08', followUp: '2026-12-10', now: 1500 },
			'test'
		);
		await roundTrip(client.provider);
		expect(await rows()).toMatchObject([
			{ due: '2026-12-08', follow_up: '2026-12-10', updated_at: 1500 }
		]);

		completeAction(client.doc, { cardId: id, now: 2000 }, 'test');
		await roundTrip(client.provider);
		expect(await rows()).toMatchObject([{ status: 'done', done_at: 2000 }]);

		dropAction(client.doc, { cardId: id, reason: 'Ikke længere relevant', now: 3000 }, 'test');
		await roundTrip(client.provider);
		expect(await rows()).toMatchObject([
			{ status: 'dropped', done_at: null, drop_reason: 'Ikke længere relevant' }
		]);

		reopenAction(client.doc, { cardId: id, now: 4000 }, 'test');
		await roundTrip(client.provider);
		expect(await rows()).toMatchObject([{ status: 'open', done_at: null, drop_reason: '' }]);

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

	it('carries a dropped action’s reason and the time of its last change to SQL; reopening clears the reason', async () => {
		const board = await startTestBoard(defer);
		const consultant = board.client(board.team.cookies.consultant);
		const leader = board.client(board.team.cookies.leader);
		await Promise.all([consultant.synced, leader.synced]);
		const owner = board.team.userIds.consultant;
		const row = () =>
			board.db
				.selectFrom('action')
				.select(['status', 'drop_reason', 'updated_at', 'done_at', 'citizen_id'])
				.where('board_id', '=', board.team.boardId)
				.where('id', '=', id)
				.executeTakeFirstOrThrow();

		const id = addAction(
			consultant.doc,
			{
				laneId: board.laneIds[0]!,
				title: 'Besøg hos Fjordlager',
				ownerId: owner,
				due: '2026-12-01',
				followUp: '2026-12-02',
				createdBy: owner,
				now: 1000
			},
			'test'
		);
		await roundTrip(consultant.provider);
		expect(await row()).toEqual({
			status: 'open',
			drop_reason: '',
			updated_at: 1000,
			done_at: null,
			citizen_id: ''
		});

		// Dropped on one device: the reason, as the model trimmed it, is in SQL with the time.
		dropAction(
			consultant.doc,
			{ cardId: id, reason: '  Virksomheden har ansat selv ', now: 2000 },
			'test'
		);
		await roundTrip(consultant.provider);
		expect(await row()).toMatchObject({
			status: 'dropped',
			drop_reason: 'Virksomheden har ansat selv',
			updated_at: 2000
		});

		// Reopened on another device: the reason is gone from SQL too.
		await expect.poll(() => getAction(leader.doc, id)?.action.status).toBe('dropped');
		reopenAction(leader.doc, { cardId: id, now: 3000 }, 'test');
		await roundTrip(leader.provider);
		expect(await row()).toMatchObject({ status: 'open', drop_reason: '', updated_at: 3000 });

		// A citizen link, changed and cleared, moves updated_at with it.
		linkActionCitizen(leader.doc, { cardId: id, citizenId: 'citizen-7f3a', now: 4000 }, 'test');
		await roundTrip(leader.provider);
		expect(await row()).toMatchObject({ citizen_id: 'citizen-7f3a', updated_at: 4000 });
		linkActionCitizen(leader.doc, { cardId: id, citizenId: '', now: 5000 }, 'test');
		await roundTrip(leader.provider);
		expect(await row()).toMatchObject({ citizen_id: '', updated_at: 5000 });

		// Dropped again, then rebuilt from the document on load: the same reason and time.
		dropAction(leader.doc, { cardId: id, reason: 'Stillingen er lukket', now: 6000 }, 'test');
		await roundTrip(leader.provider);
		consultant.destroy();
		leader.destroy();
		await board.server.app.close();
		await board.db
			.updateTable('action')
			.set({ drop_reason: '', updated_at: null })
			.where('id', '=', id)
			.execute();
		const again = await startSyncServer(board.db);
		defer(() => again.app.close());
		const reader = connectClient(again.url, board.team.boardId, board.team.cookies.leader);
		defer(reader.destroy);
		await reader.synced;
		expect(await row()).toMatchObject({
			status: 'dropped',
			drop_reason: 'Stillingen er lukket',
			updated_at: 6000
		});
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

		const figures = await loadTeamActionFigures(board.db, board.team.teamId, now, 3);
		expect(figures.escalationDays).toBe(3);
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
		// The municipality's threshold decides: at 1 day, the action due 3 days ago escalates too.
		const strict = await loadTeamActionFigures(board.db, board.team.teamId, now, 1);
		expect(strict.escalated.map((a) => [a.title, a.daysOverdue])).toEqual([
			['Ring tilbage', 7],
			['Snart', 3]
		]);
		const lenient = await loadTeamActionFigures(board.db, board.team.teamId, now, 7);
		expect(lenient.escalated, 'exactly 7 days over is not more than 7').toEqual([]);
		const other = await loadTeamActionFigures(board.db, 'another-team', now, 3);
		expect(other.escalated, 'another team sees none of it').toEqual([]);
	});
});
