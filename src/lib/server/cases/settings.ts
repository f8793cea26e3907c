import * as v from 'valibot';
import type { Db } from '../db/connect';
import { DEFAULT_RISK_WEIGHTS, type RiskWeights } from '../../forecast/types';
import { READINESS_THRESHOLD } from '../../forecast/readiness';

/**
 * The municipality's forecast settings (one set per installation): risk weights for the
 * risk-adjusted projection, the readiness threshold for paid hours, and after how many weeks
 * without an update a case goes on the sparring list. Stored as one JSON value; a stored value
 * that no longer parses falls back to the defaults field by field, so a bad row cannot stop pages.
 */

export interface ForecastSettings {
	riskWeights: RiskWeights;
	readinessThreshold: number;
	staleWeeks: number;
}

export const DEFAULT_FORECAST_SETTINGS: ForecastSettings = {
	riskWeights: DEFAULT_RISK_WEIGHTS,
	readinessThreshold: READINESS_THRESHOLD,
	staleWeeks: 4
};

const KEY = 'forecast';

const weight = v.pipe(v.number(), v.minValue(0), v.maxValue(1));
export const forecastSettingsSchema = v.object({
	riskWeights: v.object({ low: weight, medium: weight, high: weight }),
	readinessThreshold: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(10)),
	staleWeeks: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(52))
});

export async function getForecastSettings(db: Db): Promise<ForecastSettings> {
	const row = await db
		.selectFrom('setting')
		.select('value')
		.where('key', '=', KEY)
		.executeTakeFirst();
	if (!row) return DEFAULT_FORECAST_SETTINGS;
	let stored: unknown;
	try {
		stored = JSON.parse(row.value);
	} catch {
		return DEFAULT_FORECAST_SETTINGS;
	}
	const merged = { ...DEFAULT_FORECAST_SETTINGS, ...(stored as object) };
	const parsed = v.safeParse(forecastSettingsSchema, merged);
	return parsed.success ? parsed.output : DEFAULT_FORECAST_SETTINGS;
}

/** Stores checked settings; throws on values outside the schema (callers validate forms first). */
export async function saveForecastSettings(db: Db, settings: ForecastSettings): Promise<void> {
	const value = JSON.stringify(v.parse(forecastSettingsSchema, settings));
	await db
		.insertInto('setting')
		.values({ key: KEY, value })
		.onConflict((oc) => oc.column('key').doUpdateSet({ value }))
		.execute();
}
