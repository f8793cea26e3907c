import { describe, expect, it } from 'vitest';
import { parseSettingsForm, type SettingsField } from './settings-form';

const VALID: Record<SettingsField, string> = {
	weightLow: '0,85',
	weightMedium: '0.6',
	weightHigh: ' 0,3 ',
	readinessThreshold: '7',
	staleWeeks: '4'
};

describe('parseSettingsForm', () => {
	it('reads Danish and plain decimals and whole numbers', () => {
		expect(parseSettingsForm(VALID)).toEqual({
			ok: true,
			value: {
				riskWeights: { low: 0.85, medium: 0.6, high: 0.3 },
				readinessThreshold: 7,
				staleWeeks: 4
			}
		});
		const edges = {
			...VALID,
			weightLow: '1',
			weightHigh: '0',
			readinessThreshold: '10',
			staleWeeks: '52'
		};
		expect(parseSettingsForm(edges).ok).toBe(true);
	});

	it('names every wrong field with its own issue', () => {
		expect(
			parseSettingsForm({
				weightLow: '1,5',
				weightMedium: '',
				weightHigh: '-0,1',
				readinessThreshold: '7,5',
				staleWeeks: '53'
			})
		).toEqual({
			ok: false,
			issues: {
				weightLow: 'invalid_weight',
				weightMedium: 'required',
				weightHigh: 'invalid_weight',
				readinessThreshold: 'invalid_threshold',
				staleWeeks: 'invalid_weeks'
			}
		});
		expect(parseSettingsForm({ ...VALID, readinessThreshold: '0', staleWeeks: 'fire' })).toEqual({
			ok: false,
			issues: { readinessThreshold: 'invalid_threshold', staleWeeks: 'invalid_weeks' }
		});
		expect(parseSettingsForm({ ...VALID, weightMedium: 'høj' })).toEqual({
			ok: false,
			issues: { weightMedium: 'invalid_weight' }
		});
	});
});
