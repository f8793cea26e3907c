import { describe, expect, it } from 'vitest';
import { outlierText, sparringReasonText } from './labels';

const goalName = (code: string) => ({ 'small-job': 'Småjob', flexjob: 'Fleksjob' })[code] ?? code;

describe('sparring reasons in Danish', () => {
	it('say what is wrong and by how much', () => {
		expect(
			sparringReasonText({ kind: 'step-overdue', due: '2026-11-24', daysOverdue: 3 }, goalName)
		).toBe('næste skridt overskredet 3 dage');
		expect(
			sparringReasonText({ kind: 'step-overdue', due: '2026-11-26', daysOverdue: 1 }, goalName)
		).toBe('næste skridt overskredet 1 dag');
		expect(
			sparringReasonText({ kind: 'horizon-passed', horizon: '2026-11-22', daysPassed: 5 }, goalName)
		).toBe('tidsperspektiv passeret for 5 dage siden');
		expect(sparringReasonText({ kind: 'high-risk-no-step' }, goalName)).toBe(
			'høj risiko uden næste skridt'
		);
		expect(sparringReasonText({ kind: 'stale', daysSinceUpdate: 37 }, goalName)).toBe(
			'ikke opdateret i 5 uger'
		);
		expect(sparringReasonText({ kind: 'stale', daysSinceUpdate: 7 }, goalName)).toBe(
			'ikke opdateret i 1 uge'
		);
		expect(
			sparringReasonText({ kind: 'goal-toward-flexjob', from: 'small-job', at: 0 }, goalName)
		).toBe('mål ændret mod fleksjob (fra Småjob)');
		expect(sparringReasonText({ kind: 'goal-toward-flexjob', from: null, at: 0 }, goalName)).toBe(
			'mål ændret mod fleksjob'
		);
	});
});

describe('marks for sparring in Danish', () => {
	it('give both numbers, so the mark can be checked against the tables', () => {
		const text = (s: string) => s.replaceAll('\u00a0', ' ');
		expect(
			text(outlierText({ kind: 'goal', goal: 'flexjob', share: 0.6, teamShare: 0.35 }, goalName))
		).toBe('Fleksjob: 60 % mod teamets 35 %');
		expect(text(outlierText({ kind: 'high-risk', share: 0.4, teamShare: 0.1 }, goalName))).toBe(
			'Høj risiko: 40 % mod teamets 10 %'
		);
		expect(
			outlierText({ kind: 'horizon', medianMonths: 7.25, teamMedianMonths: 3.5 }, goalName)
		).toBe('Mediantidsperspektiv: 7,3 måneder mod teamets 3,5');
	});
});
