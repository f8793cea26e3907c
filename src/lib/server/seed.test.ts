import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from './db/connect';
import { migrateToLatest } from './db/migrate';
import { DEFAULT_TARGET_GROUPS } from './citizens/target-group.repository';
import * as Y from 'yjs';
import { readBoard } from '../board/model';
import { isOpening, type BoardView } from '../board/types';
import { openingStatus } from '../openings/countdown';
import { seedDemoIfEmpty } from './seed';
import { selectTeamCases, selectTeamHistory } from './cases/case.repository';
import { CASE_FIELDS, historyValue } from '../forecast/history';
import { buildSparringList, SPARRING_REASONS } from '../forecast/sparring';
import { computeVariation } from '../forecast/variation';
import { DAY_MS } from '../forecast/week';
import type { MeetingMinutes } from '../meeting/minutes';

const T0 = Date.UTC(2026, 10, 27, 8, 0, 0);

let dir: string;
let db: Db;

beforeEach(async () => {
	dir = mkdtempSync(join(tmpdir(), 'tavlen-seed-'));
	db = openDatabase({ file: join(dir, 'test.sqlite') });
	await migrateToLatest(db);
});

afterEach(async () => {
	await db.destroy();
	rmSync(dir, { recursive: true, force: true });
});

describe('seedDemoIfEmpty', () => {
	it('seeds target groups, companies and the demo citizens, once and unaudited', async () => {
		expect(await seedDemoIfEmpty(db, T0)).not.toBeNull();
		const groups = await db.selectFrom('target_group').select('code').execute();
		expect(groups.map((g) => g.code).sort()).toEqual(
			DEFAULT_TARGET_GROUPS.map((g) => g.code).sort()
		);
		expect(await db.selectFrom('company').select('id').execute()).toHaveLength(8);
		// Six board citizens per team, and in Virksomhedsservice the invented caseload of Anna and Bo.
		const perTeam = await db
			.selectFrom('citizen')
			.innerJoin('team', 'team.id', 'citizen.team_id')
			.select(['team.name', db.fn.countAll<number>().as('n')])
			.groupBy('team.name')
			.orderBy('team.name')
			.execute();
		expect(perTeam.map((r) => [r.name, r.n])).toEqual([
			['Unge og småjob', 6],
			['Virksomhedsservice', 33]
		]);
		expect(await db.selectFrom('audit_log').select('id').execute()).toEqual([]);
		expect(await seedDemoIfEmpty(db, T0)).toBeNull();
		expect(await db.selectFrom('citizen').select('id').execute()).toHaveLength(39);
	});

	it('fills the boards with real openings of seeded companies, in every countdown state', async () => {
		await seedDemoIfEmpty(db, T0);
		const board = await boardView('Jobåbninger');
		const cards = board.lanes.flatMap((lane) => lane.cards.map((card) => ({ lane, card })));
		expect(cards).toHaveLength(5);
		const companies = new Map(
			(await db.selectFrom('company').select(['id', 'name']).execute()).map((c) => [c.id, c.name])
		);
		const today = '2026-11-27'; // T0 in Copenhagen
		const states = new Set<string>();
		for (const { card } of cards) {
			if (!isOpening(card)) throw new Error(`${card.title} is not an opening`);
			// "<position>, <company>", and the company is a real row with that name.
			expect(card.title).toBe(`${card.opening.position}, ${card.opening.companyName}`);
			expect(companies.get(card.opening.companyId)).toBe(card.opening.companyName);
			const status = openingStatus(card.opening, today);
			states.add(status.kind === 'open' ? status.state : status.kind);
		}
		expect([...states].sort()).toEqual(['filled', 'ok', 'overdue', 'soon']);
		expect(cards.map((c) => c.card.title)).not.toContain('Butiksassistent, Kvickly Demoby');
		const smalljobs = cards.filter((c) => c.card.opening?.jobType === 'smalljob');
		expect(smalljobs.length).toBeGreaterThanOrEqual(1);
		// The filled opening sits in Besat; the overdue one is open in Behov afdækket.
		const chauffeur = cards.find((c) => c.card.title === 'Chauffør, Grøn Transport')!;
		expect([chauffeur.lane.stage, chauffeur.card.opening?.outcome]).toEqual(['filled', 'filled']);
		const pedel = cards.find((c) => c.card.title === 'Pedel, Demoby Boligforening')!;
		expect(pedel.card.opening?.deadline).toBe('2026-11-25');
		expect(pedel.card.opening?.outcome).toBe('');
	});

	it('proposes demo citizens of the board’s own team as candidates', async () => {
		await seedDemoIfEmpty(db, T0);
		for (const [name, team] of [
			['Jobåbninger', 'Virksomhedsservice'],
			['Småjob og unge', 'Unge og småjob']
		] as const) {
			const board = await boardView(name);
			const matches = Object.values(board.matches).flat();
			expect(matches.length, name).toBeGreaterThanOrEqual(2);
			const citizens = await db
				.selectFrom('citizen')
				.innerJoin('team', 'team.id', 'citizen.team_id')
				.select('citizen.id')
				.where('team.name', '=', team)
				.execute();
			const own = new Set(citizens.map((c) => c.id));
			for (const match of matches) expect(own.has(match.citizenId), match.citizenId).toBe(true);
		}
		const virk = await boardView('Jobåbninger');
		const shop = virk.lanes
			.flatMap((l) => l.cards)
			.find((c) => c.title === 'Butiksassistent, Solsikken Dagligvarer')!;
		expect(virk.matches[shop.id]?.map((m) => m.status)).toEqual(['proposed', 'proposed']);
	});

	it('writes the boards’ openings and matches to the SQL projection at once, before any room loads', async () => {
		// The leader's overview reads SQL: a board nobody has opened since it was created must count.
		await seedDemoIfEmpty(db, T0);
		for (const name of ['Jobåbninger', 'Småjob og unge']) {
			const board = await boardView(name);
			const { id } = await db
				.selectFrom('board')
				.select('id')
				.where('name', '=', name)
				.executeTakeFirstOrThrow();
			const openingIds = board.lanes.flatMap((l) => l.cards.filter(isOpening).map((c) => c.id));
			const rows = await db
				.selectFrom('opening')
				.select('card_id')
				.where('board_id', '=', id)
				.execute();
			expect(rows.map((r) => r.card_id).sort(), name).toEqual([...openingIds].sort());
			const matches = await db
				.selectFrom('match')
				.select('match_id')
				.where('board_id', '=', id)
				.execute();
			expect(matches.length, name).toBe(Object.values(board.matches).flat().length);
		}
	});
});

describe('demo cases', () => {
	const today = '2026-11-27';

	async function teamCases(name: string) {
		const team = await db
			.selectFrom('team')
			.select('id')
			.where('name', '=', name)
			.executeTakeFirstOrThrow();
		const users = new Map(
			(await db.selectFrom('user').select(['id', 'email']).execute()).map((u) => [u.id, u.email])
		);
		return {
			cases: await selectTeamCases(db, team.id),
			history: await selectTeamHistory(db, team.id),
			email: (id: string) => users.get(id)
		};
	}

	it('gives Anna and Bo at least 12 open cases each across SDP, JAF and other groups', async () => {
		await seedDemoIfEmpty(db, T0);
		const { cases, email } = await teamCases('Virksomhedsservice');
		for (const who of ['anna@demoby.dk', 'bo@demoby.dk']) {
			const open = cases.filter((c) => c.closedAt === null && email(c.consultantId) === who);
			expect(open.length, who).toBeGreaterThanOrEqual(12);
			const groups = new Set(open.map((c) => c.targetGroup));
			expect(groups.has('SDP') && groups.has('JAF') && groups.size >= 4, who).toBe(true);
			expect(new Set(open.map((c) => c.risk)).size, who).toBe(3);
			expect(new Set(open.map((c) => c.goal)).size, who).toBeGreaterThanOrEqual(4);
		}
		const { cases: young, email: youngEmail } = await teamCases('Unge og småjob');
		expect(new Set(young.map((c) => youngEmail(c.consultantId)))).toEqual(
			new Set(['cecilie@demoby.dk', 'dennis@demoby.dk'])
		);
	});

	it('marks Bo in the variation view for his share of fleksjob', async () => {
		await seedDemoIfEmpty(db, T0);
		const { cases, email } = await teamCases('Virksomhedsservice');
		const variation = computeVariation(cases, { today });
		const bo = variation.consultants.find((c) => email(c.consultantId) === 'bo@demoby.dk')!;
		expect(bo.outlier).toBe(true);
		const flag = bo.flags.find((f) => f.kind === 'goal' && f.goal === 'flexjob');
		expect(flag && flag.kind === 'goal' && flag.share > flag.teamShare).toBe(true);
	});

	it('puts a case on the sparring list for every reason', async () => {
		await seedDemoIfEmpty(db, T0);
		const { cases, history } = await teamCases('Virksomhedsservice');
		const list = buildSparringList(cases, history, { today });
		const kinds = new Set(list.flatMap((item) => item.reasons.map((r) => r.kind)));
		expect([...kinds].sort()).toEqual([...SPARRING_REASONS].sort());
		// Not everything: most cases are on track.
		expect(list.length).toBeLessThan(cases.filter((c) => c.closedAt === null).length / 2);
	});

	it('spreads openings over the last 8 weeks and closes over the last 12', async () => {
		await seedDemoIfEmpty(db, T0);
		const { cases } = await teamCases('Virksomhedsservice');
		const recent = cases.filter((c) => c.openedAt > T0 - 56 * DAY_MS);
		expect(
			new Set(recent.map((c) => Math.floor((T0 - c.openedAt) / (7 * DAY_MS)))).size
		).toBeGreaterThanOrEqual(5);
		const closed = cases.filter((c) => c.closedAt !== null);
		expect(closed.length).toBeGreaterThanOrEqual(4);
		for (const c of closed) expect(c.closedAt!).toBeGreaterThan(T0 - 84 * DAY_MS);
	});

	it('keeps each case’s history consistent with the case', async () => {
		await seedDemoIfEmpty(db, T0);
		for (const team of ['Virksomhedsservice', 'Unge og småjob']) {
			const { cases, history } = await teamCases(team);
			for (const c of cases) {
				const entries = history.filter((h) => h.caseId === c.id);
				expect(entries[0]!.at, c.id).toBe(c.openedAt);
				expect(entries[0]!.changes.every((ch) => ch.from === null)).toBe(true);
				expect(entries.at(-1)!.at).toBe(c.updatedAt);
				// Replaying the changes gives the case as stored.
				const replay = new Map<string, string | null>();
				for (const entry of entries) for (const ch of entry.changes) replay.set(ch.field, ch.to);
				for (const field of CASE_FIELDS)
					expect(replay.get(field) ?? null, `${c.id} ${field}`).toBe(historyValue(c, field));
			}
		}
	});
	it('holds yesterday’s morning meeting on the Jobåbninger board, with its minutes', async () => {
		await seedDemoIfEmpty(db, T0);
		const rows = await db
			.selectFrom('meeting')
			.innerJoin('board', 'board.id', 'meeting.board_id')
			.select(['board.name', 'meeting.started_at', 'meeting.ended_at', 'meeting.minutes_json'])
			.execute();
		expect(rows).toHaveLength(1);
		const [row] = rows;
		expect(row!.name).toBe('Jobåbninger');
		expect(row!.started_at).toBe(Date.UTC(2026, 10, 26, 7, 30));
		const minutes = JSON.parse(row!.minutes_json!) as MeetingMinutes;
		expect(minutes.date).toBe('2026-11-26');
		expect(minutes.attendees.map((a) => a.name).sort()).toEqual([
			'Anna Andersen',
			'Bo Bertelsen',
			'Lone Leder'
		]);
		expect(minutes.items.map((i) => i.spentMs / 60_000)).toEqual([4, 2.5, 2.5, 2, 1.5]);
		expect(minutes.openingsDiscussed).toHaveLength(1);
		expect(minutes.decisions.map((d) => d.text)).toEqual([
			'Nye virksomheder får et opkald inden for to dage'
		]);
	});
});

async function boardView(name: string): Promise<BoardView> {
	const board = await db
		.selectFrom('board')
		.select('id')
		.where('name', '=', name)
		.executeTakeFirstOrThrow();
	const updates = await db
		.selectFrom('board_update')
		.select('data')
		.where('board_id', '=', board.id)
		.orderBy('id')
		.execute();
	const doc = new Y.Doc();
	for (const update of updates) Y.applyUpdate(doc, new Uint8Array(update.data));
	const view = readBoard(doc);
	doc.destroy();
	return view;
}
