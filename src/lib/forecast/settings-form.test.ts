import { describe, expect, it } from 'vitest';
import { parseSettingsForm, type SettingsField } from './settings-form';

const VALID: Record<SettingsField, string> = {
	weightLow: '0,85',
	weightMedium: '0.6',
	weightHigh: ' 0,3 ',
	readinessThreshold: '7',
	staleWeeks: '4',
	actionEscalationDays: '3'
};

describe('parseSettingsForm', () => {
	it('reads Danish and plain decimals and whole numbers', () => {
		expect(parseSettingsForm(VALID)).toEqual({
			ok: true,
			value: {
				riskWeights: { low: 0.85, medium: 0.6, high: 0.3 },
				readinessThreshold: 7,
				staleWeeks: 4,
				actionEscalationDays: 3
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
				staleWeeks: '53',
				actionEscalationDays: ''
			})
		).toEqual({
			ok: false,
			issues: {
				weightLow: 'invalid_weight',
				weightMedium: 'required',
				weightHigh: 'invalid_weight',
				readinessThreshold: 'invalid_threshold',
				staleWeeks: 'invalid_weeks',
				actionEscalationDays: 'required'
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

	it('reads the escalation days as a whole number of days from 1 to 30', () => {
		for (const [typed, days] of [
			['1', 1],
			[' 14 ', 14],
			['30', 30]
		] as const)
			expect(parseSettingsForm({ ...VALID, actionEscalationDays: typed })).toMatchObject({
				ok: true,
				value: { actionEscalationDays: days }
			});
		for (const typed of ['0', '31', 'abc', '2,5', '-1', '1e1', '0x3'])
			expect(parseSettingsForm({ ...VALID, actionEscalationDays: typed }), typed).toEqual({
				ok: false,
				issues: { actionEscalationDays: 'invalid_escalation_days' }
			});
		expect(parseSettingsForm({ ...VALID, actionEscalationDays: '  ' })).toEqual({
			ok: false,
			issues: { actionEscalationDays: 'required' }
		});
	});
});
