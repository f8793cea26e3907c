import { describe, expect, it } from 'vitest';
import { readScreenLinkForm, SCREEN_LABEL_MAX } from './screen-link-form';

describe('readScreenLinkForm', () => {
	it('takes a tidy label and a lifetime from the list, 365 days by default', () => {
		expect(readScreenLinkForm({ label: '  Mødelokale   2 ', days: '90' })).toEqual({
			ok: true,
			value: { label: 'Mødelokale 2', days: 90 }
		});
		expect(readScreenLinkForm({ label: 'Kantinen', days: '' })).toEqual({
			ok: true,
			value: { label: 'Kantinen', days: 365 }
		});
	});

	it.each([
		[{ label: ' ', days: '90' }, { label: 'required' }],
		[{ label: 'x'.repeat(SCREEN_LABEL_MAX + 1), days: '90' }, { label: 'too_long' }],
		[{ label: 'Skærm 010190-1234', days: '90' }, { label: 'looks_like_cpr' }],
		[{ label: 'TV', days: '7' }, { days: 'invalid' }],
		[{ label: 'TV', days: 'altid' }, { days: 'invalid' }]
	])('refuses %j', (input, issues) => {
		expect(readScreenLinkForm(input)).toEqual({ ok: false, issues });
	});
});
