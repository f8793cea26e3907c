import { describe, expect, it } from 'vitest';
import type { MeetingMinutes } from './minutes';
import { minutesLines, minutesText, oneLine, TEXT_BOM } from './minutes-text';

// Friday 27 November 2026, 09:00 in Copenhagen (CET, UTC+1).
const START = Date.UTC(2026, 10, 27, 8, 0, 0);
const MIN = 60_000;

function fullMinutes(): MeetingMinutes {
	return {
		version: 1,
		meetingId: 'm1',
		boardId: 'b1',
		boardName: 'Jobåbninger',
		date: '2026-11-27',
		startedAt: START,
		endedAt: START + 14 * MIN + 2_000,
		facilitatorName: 'Lone Leder',
		endedAutomatically: false,
		attendees: [
			{ name: 'Anna Andersen', present: true },
			{ name: 'Bo Bertelsen', present: false },
			{ name: 'Lone Leder', present: true }
		],
		items: [
			{ kind: 'deadlines', title: '', minutes: 3, spentMs: 3 * MIN + 40_000 },
			{ kind: 'openings', title: '', minutes: 3, spentMs: 2 * MIN + 5_000 },
			{ kind: 'custom', title: 'Praktikpladser', minutes: 2, spentMs: 0 }
		],
		openingsDiscussed: [
			{ cardId: 'o1', companyName: 'Demoby Logistik', position: 'Truckfører', outcome: '' },
			{ cardId: 'o2', companyName: 'Café Solsiden', position: 'Opvasker', outcome: 'filled' }
		],
		// Thursday 19 November 2026, 23:30 UTC = Friday 20 November 00:30 in Copenhagen.
		filledSince: Date.UTC(2026, 10, 19, 23, 30),
		filled: [
			{ cardId: 'o2', companyName: 'Café Solsiden', position: 'Opvasker', outcome: 'filled' }
		],
		followUps: [
			{
				actionId: 'a1',
				title: 'Ring til Fjordlager',
				ownerName: 'Anna Andersen',
				dueAtStart: '2026-11-25',
				outcome: 'done',
				newDue: '',
				dropReason: ''
			},
			{
				actionId: 'a2',
				title: 'Besøg Demoby Logistik',
				ownerName: 'Bo Bertelsen',
				dueAtStart: '2026-11-26',
				outcome: 'moved',
				newDue: '2026-12-03',
				dropReason: ''
			},
			{
				actionId: 'a3',
				title: 'Opslag på Jobnet',
				ownerName: '',
				dueAtStart: '2026-11-20',
				outcome: 'dropped',
				newDue: '',
				dropReason: 'Virksomheden har selv fundet en'
			},
			{
				actionId: 'a4',
				title: 'Send liste til JAF-teamet',
				ownerName: 'Lone Leder',
				dueAtStart: '2026-11-27',
				outcome: 'open',
				newDue: '',
				dropReason: ''
			}
		],
		newActions: [
			{
				actionId: 'a5',
				title: 'Ring til Café Solsiden',
				ownerName: 'Anna Andersen',
				due: '2026-12-01',
				followUp: '2026-12-04',
				timeTag: 'outreach'
			},
			{
				actionId: 'a6',
				title: 'Skriv opslag',
				ownerName: 'Bo Bertelsen',
				due: '',
				followUp: '',
				timeTag: ''
			}
		],
		decisions: [{ text: 'Vi prioriterer småjob i december.', at: START + 7 * MIN }]
	};
}

function emptyMinutes(): MeetingMinutes {
	return {
		...fullMinutes(),
		attendees: [],
		items: [],
		openingsDiscussed: [],
		filled: [],
		followUps: [],
		newActions: [],
		decisions: []
	};
}

describe('the minutes as text', () => {
	it('write every section with Danish headings, dates and Copenhagen times', () => {
		expect(minutesLines(fullMinutes(), 'da')).toEqual([
			'Referat af tavlemøde',
			'════════════════════',
			'Tavle: Jobåbninger',
			'Dato: fredag 27.11.2026',
			'Tid: 09:00–09:14 (14 min 2 s)',
			'Mødeleder: Lone Leder',
			'',
			'Deltagere',
			'─────────',
			'Til stede: Anna Andersen, Lone Leder',
			'Fraværende: Bo Bertelsen',
			'',
			'Dagsorden',
			'─────────',
			'1. Frist overskredet og snart: planlagt 3 min, brugt 3 min 40 s (40 s over tid)',
			'2. Nye jobåbninger og kandidater: planlagt 3 min, brugt 2 min 5 s',
			'3. Praktikpladser: planlagt 2 min, brugt 0 s',
			'I alt: planlagt 8 min, brugt 5 min 45 s',
			'',
			'Jobåbninger drøftet',
			'───────────────────',
			'• Truckfører, Demoby Logistik: Åben',
			'• Opvasker, Café Solsiden: Besat',
			'',
			'Besat siden sidste møde (20.11.2026)',
			'────────────────────────────────────',
			'• Opvasker, Café Solsiden: Besat',
			'',
			'Handlinger til opfølgning',
			'─────────────────────────',
			'• Ring til Fjordlager',
			'  Ansvarlig: Anna Andersen · Frist: 25.11.2026 · Resultat: Udført',
			'• Besøg Demoby Logistik',
			'  Ansvarlig: Bo Bertelsen · Frist: 26.11.2026 · Resultat: Flyttet til 03.12.2026',
			'• Opslag på Jobnet',
			'  Ansvarlig: Ingen ansvarlig · Frist: 20.11.2026 · Resultat: Droppet: Virksomheden har selv fundet en',
			'• Send liste til JAF-teamet',
			'  Ansvarlig: Lone Leder · Frist: 27.11.2026 · Resultat: Stadig åben',
			'',
			'Nye handlinger',
			'──────────────',
			'• Ring til Café Solsiden',
			'  Ansvarlig: Anna Andersen · Frist: 01.12.2026 · Opfølgning: 04.12.2026 · Tidsregistrering: Opsøgende kontakt',
			'• Skriv opslag',
			'  Ansvarlig: Bo Bertelsen · Frist: Ingen · Opfølgning: Ingen · Tidsregistrering: Ingen',
			'',
			'Beslutninger',
			'────────────',
			'• 09:07 Vi prioriterer småjob i december.'
		]);
	});

	it('say in words when a section is empty, and when the meeting was ended automatically', () => {
		const lines = minutesLines({ ...emptyMinutes(), endedAutomatically: true }, 'da');
		expect(lines).toContain(
			'Afsluttet automatisk: mødet stod stadig åbent, da det næste møde blev startet.'
		);
		for (const sentence of [
			'Ingen deltagere blev registreret.',
			'Mødet havde ingen punkter på dagsordenen.',
			'Ingen jobåbninger blev drøftet.',
			'Ingen jobåbninger er besat siden 20.11.2026.',
			'Ingen handlinger skulle følges op på dette møde.',
			'Ingen nye handlinger blev oprettet under mødet.',
			'Ingen beslutninger blev noteret.'
		])
			expect(lines).toContain(sentence);
		expect(lines.join('\n')).not.toContain('I alt');
	});

	it('list only those present when nobody was marked absent', () => {
		const lines = minutesLines(
			{ ...fullMinutes(), attendees: [{ name: 'Lone Leder', present: true }] },
			'da'
		);
		expect(lines).toContain('Til stede: Lone Leder');
		expect(lines.some((l) => l.startsWith('Fraværende'))).toBe(false);
	});

	it('say "Droppet" alone while the reason is not known', () => {
		const minutes = fullMinutes();
		minutes.followUps = [{ ...minutes.followUps[2]!, dropReason: '' }];
		expect(minutesLines(minutes, 'da')).toContain(
			'  Ansvarlig: Ingen ansvarlig · Frist: 20.11.2026 · Resultat: Droppet'
		);
	});

	it('use Copenhagen summer time and date for a meeting in July', () => {
		// 06:55 UTC on 1 July = 08:55 CEST; a decision at 22:10 UTC would be 00:10 the next day.
		const start = Date.UTC(2026, 6, 1, 6, 55);
		const lines = minutesLines(
			{
				...fullMinutes(),
				date: '2026-07-01',
				startedAt: start,
				endedAt: start + 10 * MIN,
				filledSince: Date.UTC(2026, 5, 30, 22, 30),
				decisions: [{ text: 'Sent', at: Date.UTC(2026, 6, 1, 22, 10) }]
			},
			'da'
		);
		expect(lines).toContain('Dato: onsdag 01.07.2026');
		expect(lines).toContain('Tid: 08:55–09:05 (10 min)');
		expect(lines).toContain('Besat siden sidste møde (01.07.2026)');
		expect(lines).toContain('• 00:10 Sent');
	});
});

describe('typed text in the minutes', () => {
	it('stays on its own line: breaks, tabs and control characters become spaces', () => {
		expect(oneLine('Ring til\r\nFjordlager\t(kl. 10)\u2028i morgen\u0007 ')).toBe(
			'Ring til Fjordlager (kl. 10) i morgen'
		);
	});

	it('cannot break the layout or start a line, even when it looks like a formula', () => {
		const plain = minutesLines(fullMinutes(), 'da');
		const minutes = fullMinutes();
		const nasty = '=HYPERLINK("http://x.invalid";"klik")\r\n- Falsk punkt\n\n=1+1';
		minutes.newActions[0] = { ...minutes.newActions[0]!, title: nasty };
		minutes.decisions[0] = { ...minutes.decisions[0]!, text: '+SUM(A1)\nNy linje' };
		minutes.followUps[2] = { ...minutes.followUps[2]!, dropReason: 'Fordi\r\n=2+2' };
		minutes.boardName = 'Tavle\nmed linjeskift';
		const lines = minutesLines(minutes, 'da');
		expect(lines).toHaveLength(plain.length);
		expect(lines).toContain('• =HYPERLINK("http://x.invalid";"klik") - Falsk punkt =1+1');
		expect(lines).toContain('• 09:07 +SUM(A1) Ny linje');
		expect(lines).toContain(
			'  Ansvarlig: Ingen ansvarlig · Frist: 20.11.2026 · Resultat: Droppet: Fordi =2+2'
		);
		expect(lines).toContain('Tavle: Tavle med linjeskift');
		for (const line of lines) expect(line).not.toMatch(/^[=+\-@]/);
		for (const line of lines) expect(line).not.toMatch(/[\r\n\t]/);
	});
});

describe('the text file', () => {
	it('starts with a byte-order mark and ends every line with CRLF', () => {
		const text = minutesText(fullMinutes(), 'da');
		expect(text.startsWith(TEXT_BOM)).toBe(true);
		expect(text.endsWith('\r\n')).toBe(true);
		expect(text).not.toMatch(/[^\r]\n/);
		expect(text).not.toMatch(/\r(?!\n)/);
		const lines = text.slice(1).split('\r\n');
		expect(lines.slice(0, -1)).toEqual(minutesLines(fullMinutes(), 'da'));
		expect(Buffer.from(text, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
	});
});
