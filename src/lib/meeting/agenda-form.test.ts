import { describe, expect, it } from 'vitest';
import { DEFAULT_AGENDA } from './agenda';
import { agendaRows, parseAgendaRows, readAgendaForm } from './agenda-form';

function form(rows: [string, string, string][]): FormData {
	const data = new FormData();
	for (const [kind, title, minutes] of rows) {
		data.append('kind', kind);
		data.append('title', title);
		data.append('minutes', minutes);
	}
	return data;
}

describe('the agenda form', () => {
	it('starts the default agenda when no rows are sent', () => {
		expect(readAgendaForm(new FormData())).toEqual({ ok: true, agenda: DEFAULT_AGENDA });
	});

	it('reads standard and own items, ignoring a title typed on a standard item', () => {
		const result = readAgendaForm(
			form([
				['deadlines', 'ignored', ' 4 '],
				['custom', '  Nyt  fra   ledelsen ', '2']
			])
		);
		expect(result).toEqual({
			ok: true,
			agenda: [
				{ kind: 'deadlines', title: '', minutes: 4 },
				{ kind: 'custom', title: 'Nyt fra ledelsen', minutes: 2 }
			]
		});
	});

	it('gives one problem per row and field and keeps every value', () => {
		const rows = [
			{ kind: 'deadlines', title: '', minutes: '0' },
			{ kind: 'custom', title: '', minutes: '' },
			{ kind: 'custom', title: 'Borger 010190-1234', minutes: '2,5' },
			{ kind: 'custom', title: 'x'.repeat(61), minutes: '31' },
			{ kind: 'openings', title: '', minutes: '3' }
		];
		const result = parseAgendaRows(rows);
		expect(result).toEqual({
			ok: false,
			rows,
			tooMany: false,
			issues: [
				{ minutes: 'invalid_minutes' },
				{ title: 'required', minutes: 'required' },
				{ title: 'looks_like_cpr', minutes: 'invalid_minutes' },
				{ title: 'too_long', minutes: 'invalid_minutes' },
				{}
			]
		});
	});

	it('refuses more than eight items, and a custom item titled like an error code is just a title', () => {
		const nine = Array.from({ length: 9 }, () => ({ kind: 'forecast', title: '', minutes: '1' }));
		expect(parseAgendaRows(nine)).toMatchObject({ ok: false, tooMany: true });
		expect(parseAgendaRows([{ kind: 'custom', title: 'required', minutes: '1' }])).toEqual({
			ok: true,
			agenda: [{ kind: 'custom', title: 'required', minutes: 1 }]
		});
		expect(agendaRows(DEFAULT_AGENDA)[0]).toEqual({ kind: 'deadlines', title: '', minutes: '3' });
	});
});
