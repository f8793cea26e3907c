import { describe, expect, it } from 'vitest';
import {
	addOpening,
	closeOpening,
	deleteCard,
	moveCard,
	proposeCandidate,
	setMatchStatus,
	updateOpening
} from '../../src/lib/board/model';
import {
	cleanupAfterEach,
	connectClient,
	roundTrip,
	startSyncServer,
	startTestBoard
} from '../fixtures/sync-harness';

const defer = cleanupAfterEach();

const opening = {
	title: 'Lagermedarbejder, Demoby Logistik',
	companyId: 'company1',
	companyName: 'Demoby Logistik',
	position: 'Lagermedarbejder',
	jobType: 'ordinary' as const,
	hoursPerWeek: 37,
	positions: 2,
	deadline: '2026-12-04',
	jobAreas: ['Lager', 'Truck'],
	source: 'phone' as const
};

describe('the SQL projection of openings and matches', () => {
	it('follows edits made through the stock client, in the same order as the log', async () => {
		const board = await startTestBoard(defer);
		const client = board.client(board.team.cookies.consultant);
		await client.synced;
		const consultant = board.team.userIds.consultant;
		const rows = () =>
			board.db
				.selectFrom('opening')
				.selectAll()
				.where('board_id', '=', board.team.boardId)
				.execute();
		const matchRows = () =>
			board.db.selectFrom('match').selectAll().where('board_id', '=', board.team.boardId).execute();

		const cardId = addOpening(
			client.doc,
			{
				...opening,
				laneId: board.laneIds[0]!,
				ownerId: consultant,
				createdBy: consultant,
				now: 1000
			},
			'test'
		);
		await roundTrip(client.provider);
		expect(await rows()).toMatchObject([
			{
				card_id: cardId,
				company_name: 'Demoby Logistik',
				job_type: 'ordinary',
				positions: 2,
				deadline: '2026-12-04',
				job_areas: 'Lager\nTruck',
				stage: 'new',
				outcome: '',
				closed_at: null,
				owner_id: consultant
			}
		]);

		updateOpening(client.doc, cardId, { positions: 3 }, 2000, 'test');
		moveCard(client.doc, { cardId, toLaneId: board.laneIds[2]!, index: 0 }, 'test');
		const matchId = proposeCandidate(
			client.doc,
			{ openingId: cardId, citizenId: 'citizen1', proposedBy: consultant, now: 3000 },
			'test'
		);
		setMatchStatus(client.doc, { matchId, status: 'hired', now: 4000 }, 'test');
		await roundTrip(client.provider);
		expect(await rows()).toMatchObject([
			{ positions: 3, stage: 'candidates', lane_id: board.laneIds[2] }
		]);
		expect(await matchRows()).toMatchObject([
			{
				match_id: matchId,
				opening_id: cardId,
				citizen_id: 'citizen1',
				status: 'hired',
				proposed_at: 3000
			}
		]);

		closeOpening(client.doc, { cardId, outcome: 'filled', now: 5000 }, 'test');
		await roundTrip(client.provider);
		expect(await rows()).toMatchObject([{ outcome: 'filled', stage: 'filled', closed_at: 5000 }]);

		deleteCard(client.doc, cardId, 'test');
		await roundTrip(client.provider);
		expect(await rows()).toEqual([]);
		expect(await matchRows(), 'matches of a deleted opening leave the tables too').toEqual([]);
	});

	it('is rebuilt from the document when the board is loaded', async () => {
		const board = await startTestBoard(defer);
		const client = board.client(board.team.cookies.leader);
		await client.synced;
		const cardId = addOpening(
			client.doc,
			{ ...opening, laneId: board.laneIds[1]!, createdBy: '', now: 1000 },
			'test'
		);
		await roundTrip(client.provider);
		client.destroy();
		await board.server.app.close();
		// A projection that drifted (an older version, a manual edit) heals on the next load.
		await board.db.deleteFrom('opening').execute();
		await board.db
			.insertInto('opening')
			.values({
				board_id: board.team.boardId,
				card_id: 'stale',
				company_id: 'x',
				company_name: 'Gammel',
				position: 'Gammel',
				job_type: 'ordinary',
				hours_per_week: null,
				positions: 1,
				deadline: '2020-01-01',
				start_date: '',
				job_areas: '',
				source: 'other',
				owner_id: '',
				lane_id: 'x',
				stage: null,
				outcome: '',
				close_reason: '',
				created_at: 0,
				closed_at: null,
				updated_at: 0
			})
			.execute();
		const again = await startSyncServer(board.db);
		defer(() => again.app.close());
		const reader = connectClient(again.url, board.team.boardId, board.team.cookies.leader);
		defer(reader.destroy);
		await reader.synced;
		const rows = await board.db.selectFrom('opening').select(['card_id', 'stage']).execute();
		expect(rows).toEqual([{ card_id: cardId, stage: 'needs' }]);
	});
});
