import type { Db } from '../../src/lib/server/db/connect';
import { computeTeamSummary } from '../../src/lib/server/cases/forecast.service';
import type { ForecastSummary } from '../../src/lib/forecast/summary';
import { SERVER_KEYS } from '../../src/lib/board/server-data';
import type { Logger } from './logger';
import type { Room } from './room';

/**
 * Keeps the forecast summary in the live boards of a team current (issue 4 point 5): computed
 * from SQL once per team, written by each room as server-authored data. Runs when a board is
 * loaded (so a board opened after a change, or on a new day, is right), when the team's cases
 * change, and on a slow timer (so "overdue" follows the calendar on a screen left open).
 * Refreshes of one team never overlap: a change during a refresh runs one more refresh after it.
 * A team without any case gets no summary (null removes one), so teams that do not use the
 * Forecast method see no empty panel.
 */

export interface SummaryKeeper {
	/** Refreshes the summary of every live board of the team; resolves when written. */
	refreshTeam(teamId: string): Promise<void>;
	/** The summary a board of this id should carry now (null: none), for a loading room. */
	summaryFor(boardId: string): Promise<ForecastSummary | null>;
	refreshAll(): Promise<void>;
}

export function createSummaryKeeper(options: {
	db: Db;
	log: Logger;
	now: () => number;
	rooms: () => Iterable<Room>;
}): SummaryKeeper {
	const teamOfBoard = new Map<string, string>();
	const running = new Map<string, Promise<void>>();
	const again = new Set<string>();

	async function teamOf(boardId: string): Promise<string | undefined> {
		const known = teamOfBoard.get(boardId);
		if (known) return known;
		const row = await options.db
			.selectFrom('board')
			.select('team_id')
			.where('id', '=', boardId)
			.executeTakeFirst();
		if (row) teamOfBoard.set(boardId, row.team_id);
		return row?.team_id;
	}

	async function summaryOf(teamId: string): Promise<ForecastSummary | null> {
		const summary = await computeTeamSummary(options.db, teamId, options.now());
		return summary.cases > 0 ? summary.summary : null;
	}

	async function write(teamId: string, rooms: Room[]): Promise<void> {
		if (rooms.length === 0) return;
		const summary = await summaryOf(teamId);
		await Promise.all(
			rooms.map((room) =>
				room.writeServerData(SERVER_KEYS.forecast, summary).catch((error: unknown) => {
					options.log.error('forecast summary not written', {
						boardId: room.boardId,
						error: String(error)
					});
				})
			)
		);
	}

	async function roomsOf(teamId: string): Promise<Room[]> {
		const live = [...options.rooms()].filter((r) => !r.closed);
		const teams = await Promise.all(live.map((r) => teamOf(r.boardId)));
		return live.filter((_, i) => teams[i] === teamId);
	}

	function refreshTeam(teamId: string): Promise<void> {
		const current = running.get(teamId);
		if (current) {
			again.add(teamId);
			return current;
		}
		const run = (async () => {
			do {
				again.delete(teamId);
				try {
					await write(teamId, await roomsOf(teamId));
				} catch (error) {
					options.log.error('forecast summary failed', { teamId, error: String(error) });
				}
			} while (again.has(teamId));
		})().finally(() => running.delete(teamId));
		running.set(teamId, run);
		return run;
	}

	return {
		refreshTeam,
		async summaryFor(boardId) {
			const teamId = await teamOf(boardId);
			return teamId ? summaryOf(teamId) : null;
		},
		async refreshAll() {
			const live = [...options.rooms()];
			const teams = new Set(await Promise.all(live.map((r) => teamOf(r.boardId))));
			await Promise.all([...teams].filter((t) => t !== undefined).map((t) => refreshTeam(t)));
		}
	};
}
