import { describe, expect, it } from 'vitest';
import {
	addCard,
	getCard,
	listLanes,
	moveCard,
	readBoard,
	updateCard
} from '../../src/lib/board/model';
import { checkBoard } from '../../src/lib/board/schema';
import {
	cleanupAfterEach,
	connectClient,
	createTestDatabase,
	createTestTeam,
	startServerProcess,
	stopServerProcess,
	waitFor
} from '../fixtures/sync-harness';

const defer = cleanupAfterEach();

describe('a server killed with SIGKILL', () => {
	it(
		'loses no update that a second client had already received',
		{ timeout: 120_000 },
		async () => {
			const t = await createTestDatabase();
			defer(t.remove);
			const team = await createTestTeam(t.db);
			let cardId = '';

			// Each round: A edits, B receives it, the server is killed at once, a new server starts on the
			// same file, and a client that never saw the edit must get it from there.
			const rounds: {
				edit: (doc: import('yjs').Doc) => void;
				check: (doc: import('yjs').Doc) => boolean;
			}[] = [
				{
					edit: (doc) => {
						cardId = addCard(
							doc,
							{ laneId: listLanes(doc)[0]!.id, title: 'Før nedbrud', createdBy: '', now: 1 },
							'a'
						);
					},
					check: (doc) => getCard(doc, cardId)?.title === 'Før nedbrud'
				},
				{
					edit: (doc) => moveCard(doc, { cardId, toLaneId: listLanes(doc)[3]!.id, index: 0 }, 'a'),
					check: (doc) => getCard(doc, cardId)?.laneId === listLanes(doc)[3]!.id
				},
				{
					edit: (doc) => updateCard(doc, cardId, { description: 'Skrevet lige før kill' }, 2, 'a'),
					check: (doc) => getCard(doc, cardId)?.description === 'Skrevet lige før kill'
				},
				{
					edit: (doc) => {
						for (let i = 0; i < 20; i++)
							addCard(
								doc,
								{ laneId: listLanes(doc)[1]!.id, title: `Burst ${i}`, createdBy: '', now: 3 },
								'a'
							);
					},
					check: (doc) => readBoard(doc).lanes[1]!.cards.length === 20
				}
			];

			// The server that comes back after one kill is the one killed in the next round.
			let server = await startServerProcess(t.file);
			defer(() => stopServerProcess(server));
			for (const [i, round] of rounds.entries()) {
				const a = connectClient(server.url, team.boardId, team.cookies.consultant);
				const b = connectClient(server.url, team.boardId, team.cookies.leader);
				defer(a.destroy);
				defer(b.destroy);
				await Promise.all([a.synced, b.synced]);
				round.edit(a.doc);
				await waitFor(b.doc, () => round.check(b.doc), 10_000);
				server.child.kill('SIGKILL');
				// A and B must not hand the edit back to the next server: that would hide a loss.
				a.provider.destroy();
				b.provider.destroy();
				const { signal } = await server.exited;
				expect(signal, `round ${i}`).toBe('SIGKILL');

				const next = await startServerProcess(t.file);
				defer(() => stopServerProcess(next));
				server = next;
				const fresh = connectClient(next.url, team.boardId, team.cookies.viewer);
				defer(fresh.destroy);
				await fresh.synced;
				expect(round.check(fresh.doc), `round ${i}: ${next.stderr()}`).toBe(true);
				expect(checkBoard(fresh.doc)).toEqual({ ok: true });
				fresh.provider.destroy();
			}

			const final = connectClient(server.url, team.boardId, team.cookies.viewer);
			defer(final.destroy);
			await final.synced;
			const view = readBoard(final.doc);
			expect(view.cardCount).toBe(21);
			expect(getCard(final.doc, cardId)).toMatchObject({
				title: 'Før nedbrud',
				description: 'Skrevet lige før kill',
				laneId: view.lanes[3]!.id
			});
		}
	);
});
