import { m } from '$lib/paraglide/messages.js';
import type { Risk } from '$lib/forecast/types';
import type { SparringReason } from '$lib/forecast/sparring';
import type { HorizonBucket, OutlierFlag } from '$lib/forecast/variation';
import { formatDecimal, formatPercent } from '$lib/overview/format';

/** The catalogue's words for the forecast pages: risks, horizon buckets, sparring reasons, marks. */

const RISK_LABELS: Record<Risk, () => string> = {
	low: m.fc_risk_low,
	medium: m.fc_risk_medium,
	high: m.fc_risk_high
};

export function riskLabel(risk: Risk): string {
	return RISK_LABELS[risk]();
}

const BUCKET_LABELS: Record<HorizonBucket, () => string> = {
	passed: m.fc_bucket_passed,
	'within-3m': m.fc_bucket_within_3m,
	'3-6m': m.fc_bucket_3_6m,
	'6-12m': m.fc_bucket_6_12m,
	'over-12m': m.fc_bucket_over_12m
};

export function bucketLabel(bucket: HorizonBucket): string {
	return BUCKET_LABELS[bucket]();
}

function days(count: number): string {
	return count === 1 ? m.fc_days_one() : m.fc_days({ count: String(count) });
}

function weeks(count: number): string {
	return count === 1 ? m.fc_weeks_one() : m.fc_weeks({ count: String(count) });
}

/** `goalName` turns a goal code into the municipality's name for it. */
export function sparringReasonText(
	reason: SparringReason,
	goalName: (code: string) => string
): string {
	switch (reason.kind) {
		case 'step-overdue':
			return m.fc_reason_step_overdue({ days: days(reason.daysOverdue) });
		case 'horizon-passed':
			return m.fc_reason_horizon_passed({ days: days(reason.daysPassed) });
		case 'high-risk-no-step':
			return m.fc_reason_high_risk_no_step();
		case 'stale':
			return m.fc_reason_stale({ weeks: weeks(Math.floor(reason.daysSinceUpdate / 7)) });
		case 'goal-toward-flexjob':
			return reason.from === null
				? m.fc_reason_flexjob()
				: m.fc_reason_flexjob_from({ goal: goalName(reason.from) });
	}
}

/** Why a consultant is marked for sparring, with both numbers, so anyone can check it. */
export function outlierText(flag: OutlierFlag, goalName: (code: string) => string): string {
	switch (flag.kind) {
		case 'goal':
			return m.fc_flag_goal({
				goal: goalName(flag.goal),
				share: formatPercent(flag.share),
				team: formatPercent(flag.teamShare)
			});
		case 'high-risk':
			return m.fc_flag_high_risk({
				share: formatPercent(flag.share),
				team: formatPercent(flag.teamShare)
			});
		case 'horizon':
			return m.fc_flag_horizon({
				months: formatDecimal(flag.medianMonths),
				team: formatDecimal(flag.teamMedianMonths)
			});
	}
}
