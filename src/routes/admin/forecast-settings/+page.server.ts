import { fail } from '@sveltejs/kit';
import { getLocale } from '$lib/paraglide/runtime.js';
import { numberForInput } from '$lib/format/danish';
import {
	parseSettingsForm,
	SETTINGS_FIELDS,
	type SettingsField
} from '$lib/forecast/settings-form';
import { getForecastSettings, saveForecastSettings } from '$lib/server/cases/settings';
import { getRuntime } from '$lib/server/runtime';
import { readFormText } from '$lib/server/validation';
import { requireAdmin } from '../require-admin';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireAdmin(event);
	const { db } = await getRuntime();
	const settings = await getForecastSettings(db);
	const locale = getLocale();
	const values: Record<SettingsField, string> = {
		weightLow: numberForInput(settings.riskWeights.low, locale),
		weightMedium: numberForInput(settings.riskWeights.medium, locale),
		weightHigh: numberForInput(settings.riskWeights.high, locale),
		readinessThreshold: String(settings.readinessThreshold),
		staleWeeks: String(settings.staleWeeks),
		actionEscalationDays: String(settings.actionEscalationDays)
	};
	return { values };
};

export const actions: Actions = {
	default: async (event) => {
		requireAdmin(event);
		const values = readFormText(await event.request.formData(), SETTINGS_FIELDS);
		const parsed = parseSettingsForm(values);
		// The values go back as typed, so a wrong field is fixed without retyping the others.
		if (!parsed.ok) return fail(400, { issues: parsed.issues, values });
		const { db } = await getRuntime();
		await saveForecastSettings(db, parsed.value);
		return { saved: true };
	}
};
