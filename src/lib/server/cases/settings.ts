import * as v from 'valibot';
import type { Db } from '../db/connect';
import { DEFAULT_RISK_WEIGHTS, type RiskWeights } from '../../forecast/types';
import { READINESS_THRESHOLD } from '../../forecast/readiness';
import { DEFAULT_ESCALATION_DAYS, ESCALATION_DAYS_RANGE } from '../../actions/figures';

/**
 * The municipality's forecast settings (one set per installation): risk weights for the
 * risk-adjusted projection, the readiness threshold for paid hours, after how many weeks
 * without an update a case goes on the sparring list, and after how many days past due an open
 * action escalates to the leader. Stored as one JSON value; a stored field that is missing (a
 * value saved before the field existed) or no longer parses falls back to its default on its
 * own, so a bad row cannot stop pages and the other fields keep their values.
 */

export interface ForecastSettings {
	riskWeights: RiskWeights;
	readinessThreshold: number;
	staleWeeks: number;
	actionEscalationDays: number;
}

export const DEFAULT_FORECAST_SETTINGS: ForecastSettings = {
	riskWeights: DEFAULT_RISK_WEIGHTS,
	readinessThreshold: READINESS_THRESHOLD,
	staleWeeks: 4,
	actionEscalationDays: DEFAULT_ESCALATION_DAYS
};

const KEY = 'forecast';

const weight = v.pipe(v.number(), v.minValue(0), v.maxValue(1));
const fieldSchemas = {
	riskWeights: v.object({ low: weight, medium: weight, high: weight }),
	readinessThreshold: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(10)),
	staleWeeks: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(52)),
	actionEscalationDays: v.pipe(
		v.number(),
		v.integer(),
		v.minValue(ESCALATION_DAYS_RANGE.min),
		v.maxValue(ESCALATION_DAYS_RANGE.max)
	)
};
export const forecastSettingsSchema = v.object(fieldSchemas);

function field<T>(schema: v.GenericSchema<unknown, T>, value: unknown, fallback: T): T {
	const parsed = v.safeParse(schema, value);
	return parsed.success ? parsed.output : fallback;
}

/** Each field of a stored value on its own: a valid field is kept, any other takes its default. */
function mergeWithDefaults(stored: unknown): ForecastSettings {
	const record: Record<string, unknown> =
		typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {};
	const fallback = DEFAULT_FORECAST_SETTINGS;
	return {
		riskWeights: field(fieldSchemas.riskWeights, record.riskWeights, fallback.riskWeights),
		readinessThreshold: field(
			fieldSchemas.readinessThreshold,
			record.readinessThreshold,
			fallback.readinessThreshold
		),
		staleWeeks: field(fieldSchemas.staleWeeks, record.staleWeeks, fallback.staleWeeks),
		actionEscalationDays: field(
			fieldSchemas.actionEscalationDays,
			record.actionEscalationDays,
			fallback.actionEscalationDays
		)
	};
}

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
	return mergeWithDefaults(stored);
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
