import { describe, expect, it } from 'vitest';
import {
	parseFollowUp,
	parseScore,
	parseTaskText,
	scoreField,
	TASK_TEXT_MAX
} from './readiness-form';

describe('parseTaskText', () => {
	it('keeps one line and refuses empty, too long and CPR-like texts', () => {
		expect(parseTaskText(' Pakke\nordrer  ')).toEqual({ ok: true, text: 'Pakke ordrer' });
		expect(parseTaskText('x'.repeat(TASK_TEXT_MAX))).toMatchObject({ ok: true });
		expect(parseTaskText('x'.repeat(TASK_TEXT_MAX + 1))).toEqual({ ok: false, issue: 'too_long' });
		expect(parseTaskText(' \n ')).toEqual({ ok: false, issue: 'required' });
		expect(parseTaskText('Borger 311299-1234')).toEqual({ ok: false, issue: 'looks_like_cpr' });
	});
});

describe('parseScore and parseFollowUp', () => {
	it('accepts whole numbers 1-10 and an empty score', () => {
		expect(['1', ' 10 ', '', '7'].map(parseScore)).toEqual([1, 10, null, 7]);
		expect(['0', '11', '7,5', '7.0', 'syv', '-1', '07x'].map(parseScore)).toEqual(
			Array(7).fill(undefined)
		);
	});

	it('refuses the whole follow-up for one wrong score, or for no score at all', () => {
		const values = { [scoreField('a')]: '8', [scoreField('b')]: '' };
		expect(parseFollowUp(values, ['a', 'b'])).toEqual({
			ok: true,
			scores: [{ taskId: 'a', score: 8 }]
		});
		expect(parseFollowUp({ ...values, [scoreField('b')]: '11' }, ['a', 'b'])).toEqual({
			ok: false,
			issues: { b: 'invalid_score' }
		});
		expect(parseFollowUp({}, ['a', 'b'])).toEqual({
			ok: false,
			issues: {},
			formIssue: 'no_scores'
		});
	});
});
