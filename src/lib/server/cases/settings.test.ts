import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../db/connect';
import { migrateToLatest } from '../db/migrate';
import { DEFAULT_FORECAST_SETTINGS, getForecastSettings, saveForecastSettings } from './settings';

let dir: string;
let db: Db;

beforeEach(async () => {
	dir = mkdtempSync(join(tmpdir(), 'tavlen-settings-'));
	db = openDatabase({ file: join(dir, 'test.sqlite') });
	await migrateToLatest(db);
});

afterEach(async () => {
	await db.destroy();
	rmSync(dir, { recursive: true, force: true });
});

/** Writes the stored JSON by hand, as an older version (or a person) would have left it. */
async function store(value: string): Promise<void> {
	await db.insertInto('setting').values({ key: 'forecast', value }).execute();
}

describe('the forecast settings', () => {
	it('are the defaults, escalation after 3 days included, until an admin saves them', async () => {
		expect(await getForecastSettings(db)).toEqual(DEFAULT_FORECAST_SETTINGS);
		expect(DEFAULT_FORECAST_SETTINGS.actionEscalationDays).toBe(3);
	});

	it('keep the saved escalation days with the other values', async () => {
		const saved = { ...DEFAULT_FORECAST_SETTINGS, staleWeeks: 6, actionEscalationDays: 1 };
		await saveForecastSettings(db, saved);
		expect(await getForecastSettings(db)).toEqual(saved);
		await saveForecastSettings(db, { ...saved, actionEscalationDays: 30 });
		expect((await getForecastSettings(db)).actionEscalationDays).toBe(30);
	});

	it('refuse to store escalation days outside 1-30 or not whole', async () => {
		for (const actionEscalationDays of [0, 31, 2.5, Number.NaN])
			await expect(
				saveForecastSettings(db, { ...DEFAULT_FORECAST_SETTINGS, actionEscalationDays })
			).rejects.toThrow();
		expect(await getForecastSettings(db)).toEqual(DEFAULT_FORECAST_SETTINGS);
	});

	it('read a value stored before the escalation setting existed with its default, keeping the rest', async () => {
		await store(
			JSON.stringify({
				riskWeights: { low: 0.9, medium: 0.5, high: 0.2 },
				readinessThreshold: 6,
				staleWeeks: 8
			})
		);
		expect(await getForecastSettings(db)).toEqual({
			riskWeights: { low: 0.9, medium: 0.5, high: 0.2 },
			readinessThreshold: 6,
			staleWeeks: 8,
			actionEscalationDays: 3
		});
	});

	it('put the default in place of one broken field only, and of a value that is no JSON', async () => {
		await store(JSON.stringify({ readinessThreshold: 6, actionEscalationDays: 'fem' }));
		expect(await getForecastSettings(db)).toEqual({
			...DEFAULT_FORECAST_SETTINGS,
			readinessThreshold: 6
		});
		await db.updateTable('setting').set({ value: '{not json' }).execute();
		expect(await getForecastSettings(db)).toEqual(DEFAULT_FORECAST_SETTINGS);
	});
});
