import { parseDanishNumber } from '../openings/danish-input';
import { ESCALATION_DAYS_RANGE } from '../actions/figures';
import { RISKS, type Risk, type RiskWeights } from './types';

/**
 * The admin form for the municipality's forecast settings (/admin/forecast-settings): the risk
 * weights lav/middel/høj as Danish decimals ("0,85"), the readiness threshold for paid hours,
 * after how many weeks without an update a case goes on the sparring list, and after how many
 * days past due an open action escalates. Pure and shared by page and action; the action saves
 * the result with saveForecastSettings.
 */

export const SETTINGS_FIELDS = [
	'weightLow',
	'weightMedium',
	'weightHigh',
	'readinessThreshold',
	'staleWeeks',
	'actionEscalationDays'
] as const;

export type SettingsField = (typeof SETTINGS_FIELDS)[number];

export const WEIGHT_FIELD: Record<Risk, SettingsField> = {
	low: 'weightLow',
	medium: 'weightMedium',
	high: 'weightHigh'
};

export const THRESHOLD_RANGE = { min: 1, max: 10 } as const;
export const STALE_WEEKS_RANGE = { min: 1, max: 52 } as const;
export { ESCALATION_DAYS_RANGE };

export type SettingsIssue =
	'required' | 'invalid_weight' | 'invalid_threshold' | 'invalid_weeks' | 'invalid_escalation_days';

export interface SettingsValues {
	riskWeights: RiskWeights;
	readinessThreshold: number;
	staleWeeks: number;
	actionEscalationDays: number;
}

export type SettingsFormResult =
	| { ok: true; value: SettingsValues }
	| { ok: false; issues: Partial<Record<SettingsField, SettingsIssue>> };

/** A whole number written with digits only, within a range; undefined otherwise. */
function wholeNumber(text: string, range: { min: number; max: number }): number | undefined {
	const trimmed = text.trim();
	if (!/^\d{1,3}$/.test(trimmed)) return undefined;
	const n = Number(trimmed);
	return n >= range.min && n <= range.max ? n : undefined;
}

export function parseSettingsForm(
	values: Readonly<Record<SettingsField, string>>
): SettingsFormResult {
	const issues: Partial<Record<SettingsField, SettingsIssue>> = {};
	const weights: Partial<Record<Risk, number>> = {};
	for (const risk of RISKS) {
		const field = WEIGHT_FIELD[risk];
		const text = values[field].trim();
		if (text === '') {
			issues[field] = 'required';
			continue;
		}
		const w = parseDanishNumber(text);
		if (w === undefined || w < 0 || w > 1) issues[field] = 'invalid_weight';
		else weights[risk] = w;
	}
	const threshold = wholeNumber(values.readinessThreshold, THRESHOLD_RANGE);
	if (values.readinessThreshold.trim() === '') issues.readinessThreshold = 'required';
	else if (threshold === undefined) issues.readinessThreshold = 'invalid_threshold';
	const staleWeeks = wholeNumber(values.staleWeeks, STALE_WEEKS_RANGE);
	if (values.staleWeeks.trim() === '') issues.staleWeeks = 'required';
	else if (staleWeeks === undefined) issues.staleWeeks = 'invalid_weeks';
	const escalationDays = wholeNumber(values.actionEscalationDays, ESCALATION_DAYS_RANGE);
	if (values.actionEscalationDays.trim() === '') issues.actionEscalationDays = 'required';
	else if (escalationDays === undefined) issues.actionEscalationDays = 'invalid_escalation_days';
	if (Object.keys(issues).length > 0) return { ok: false, issues };
	return {
		ok: true,
		value: {
			riskWeights: { low: weights.low!, medium: weights.medium!, high: weights.high! },
			readinessThreshold: threshold!,
			staleWeeks: staleWeeks!,
			actionEscalationDays: escalationDays!
		}
	};
}
