import * as Y from 'yjs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NOW, USER_ANNA } from '../../../tests/fixtures/board-fixtures';
import { initBoard, readBoard } from '../board/model';
import { addOpening, openingTitle } from '../board/openings';
import { parseCsv } from '../csv/parse';
import {
	columnOfHeader,
	mapRow,
	parseJobType,
	parseSource,
	planImport,
	validOpenings,
	type ImportColumn
} from './csv-import';

const plan = (text: string, fileName?: string) => planImport(parseCsv(text), { fileName });

describe('words', () => {
	it('recognises headers regardless of case, spaces and punctuation, in Danish and English', () => {
		const cases: [string, ImportColumn][] = [
			['Virksomhed', 'companyName'],
			['ARBEJDSGIVER', 'companyName'],
			['CVR-nr.', 'cvr'],
			['Stillingsbetegnelse', 'position'],
			['Ansættelsesform', 'jobType'],
			['Timer pr. uge', 'hoursPerWeek'],
			[' timer_pr_uge ', 'hoursPerWeek'],
			['Antal stillinger', 'positions'],
			['Ansøgningsfrist', 'deadline'],
			['Formidlingsfrist', 'deadline'],
			['Ansoegningsfrist', 'deadline'],
			['Tiltrædelse', 'startDate'],
			['Jobområde(r)', 'jobAreas'],
			['Krav', 'requirements'],
			['Kilde', 'source'],
			['Application deadline', 'deadline']
		];
		for (const [header, column] of cases) expect(columnOfHeader(header), header).toBe(column);
		expect(columnOfHeader('Kontaktperson')).toBeUndefined();
	});

	it('reads job types and sources by their Danish words', () => {
		expect(
			[
				'ordinært job',
				'Småjob',
				'løntimer',
				'Hybridpraktik',
				'virksomhedspraktik',
				'Løntilskud',
				'fleksjob',
				'elev',
				'Lærling',
				'elev / lærling'
			].map(parseJobType)
		).toEqual([
			'ordinary',
			'smalljob',
			'smalljob',
			'hybrid',
			'placement',
			'wage-subsidy',
			'flexjob',
			'apprentice',
			'apprentice',
			'apprentice'
		]);
		expect(['Telefon', 'virksomhedsbesøg', 'JOBNET', 'andet', 'email'].map(parseSource)).toEqual([
			'phone',
			'visit',
			'jobnet',
			'other',
			undefined
		]);
	});
});

const HEADER =
	'Virksomhed;CVR;Stilling;Type;Timer pr. uge;Antal stillinger;Frist;Startdato;Jobområder;Krav;Kilde';

describe('planImport', () => {
	it('maps good rows to openings with Danish dates, numbers, types and sources', () => {
		const result = plan(
			[
				HEADER,
				'Demoby VVS;1234 5678;VVS-lærling;Lærling;37,5;1;31-12-2026;1. februar 2027;VVS, Byg;Kørekort B;Telefon',
				'"Café Solsiden";;Opvasker;småjob;8;2;15.01.2027;;Køkken;;',
				''
			].join('\r\n')
		);
		expect(result.missing).toEqual([]);
		expect(result.ignored).toEqual([]);
		expect(result.jobnet).toBe(false);
		expect([result.validCount, result.invalidCount]).toEqual([2, 0]);
		expect(validOpenings(result)).toEqual([
			{
				row: 2,
				opening: {
					companyName: 'Demoby VVS',
					cvr: '12345678',
					position: 'VVS-lærling',
					jobType: 'apprentice',
					hoursPerWeek: 37.5,
					positions: 1,
					deadline: '2026-12-31',
					startDate: '2027-02-01',
					jobAreas: ['VVS', 'Byg'],
					requirements: 'Kørekort B',
					source: 'phone'
				}
			},
			{
				row: 3,
				opening: {
					companyName: 'Café Solsiden',
					cvr: null,
					position: 'Opvasker',
					jobType: 'smalljob',
					hoursPerWeek: 8,
					positions: 2,
					deadline: '2027-01-15',
					startDate: '',
					jobAreas: ['Køkken'],
					requirements: '',
					source: 'other'
				}
			}
		]);
	});

	it('reports each bad cell with an issue code and keeps the cells as written', () => {
		const result = plan(
			[
				HEADER,
				'Demoby VVS;1234;VVS-lærling;Chef;90;1.000;31-02-2026;snart;;;Brevdue',
				';;;;;0;;;;;'
			].join('\n')
		);
		expect(result.validCount).toBe(0);
		const [first, second] = result.rows;
		expect(first!.row).toBe(2);
		expect(first!.values.deadline).toBe('31-02-2026');
		expect(first!.result).toEqual({
			ok: false,
			issues: {
				cvr: { code: 'invalid_cvr' },
				jobType: { code: 'unknown_job_type' },
				hoursPerWeek: { code: 'invalid_hours', max: 80 },
				positions: { code: 'invalid_positions', max: 999 },
				deadline: { code: 'invalid_date' },
				startDate: { code: 'invalid_date' },
				source: { code: 'unknown_source' }
			}
		});
		expect(second!.result).toEqual({
			ok: false,
			issues: {
				companyName: { code: 'required' },
				position: { code: 'required' },
				positions: { code: 'invalid_positions', max: 999 },
				deadline: { code: 'required' }
			}
		});
	});

	it('holds texts and tags to the board limits', () => {
		const long = 'x'.repeat(121);
		const tags = Array.from({ length: 11 }, (_, i) => `område ${i}`).join(', ');
		expect(
			mapRow(
				{
					companyName: long,
					position: 'Kok',
					deadline: '2026-12-31',
					jobAreas: tags,
					requirements: 'y'.repeat(2001),
					hoursPerWeek: 'mange'
				},
				{ jobnet: false }
			)
		).toEqual({
			ok: false,
			issues: {
				companyName: { code: 'too_long', max: 120 },
				jobAreas: { code: 'too_many', max: 10 },
				requirements: { code: 'too_long', max: 2000 },
				hoursPerWeek: { code: 'invalid_number' }
			}
		});
		expect(
			mapRow(
				{ companyName: 'A', position: 'B', deadline: '2026-12-31', jobAreas: 'z'.repeat(41) },
				{ jobnet: false }
			)
		).toMatchObject({ ok: false, issues: { jobAreas: { code: 'too_long', max: 40 } } });
	});

	it('refuses a row with a CPR-like number in any cell, naming that cell', () => {
		// Invented numbers on real calendar dates; the other rows still import.
		const result = plan(
			[
				'Virksomhed;Stilling;Frist;Jobområder;Krav',
				'Demoby VVS;Kok;31-12-2026;Køkken;Borgeren 150585-1111 starter mandag',
				'Demoby VVS 0101901234;Kok;31-12-2026;Køkken, 010190-1234;',
				'Demoby VVS;Kok;010190-1234;Køkken;Ring 12345678, CVR 11223344'
			].join('\n')
		);
		expect(result.rows.map((r) => r.result)).toEqual([
			{ ok: false, issues: { requirements: { code: 'looks_like_cpr' } } },
			{
				ok: false,
				issues: { companyName: { code: 'looks_like_cpr' }, jobAreas: { code: 'looks_like_cpr' } }
			},
			// Said as CPR rather than "not a date", so the person knows why it must go.
			{ ok: false, issues: { deadline: { code: 'looks_like_cpr' } } }
		]);
		expect(result.validCount).toBe(0);
		expect(
			validOpenings(plan('Virksomhed;Stilling;Frist;Krav\nA;Kok;31-12-2026;Ring 12345678'))
		).toHaveLength(1);
	});

	it('ignores unknown columns, and a second column for the same field', () => {
		const result = plan('Virksomhed;Kontaktperson;Stilling;Frist;Firma\nA;Lis;Kok;31-12-2026;B');
		expect(result.ignored).toEqual(['Kontaktperson', 'Firma']);
		expect(result.columns.map((c) => c.column)).toEqual(['companyName', 'position', 'deadline']);
		expect(validOpenings(result)[0]!.opening).toMatchObject({
			companyName: 'A',
			jobType: 'ordinary',
			positions: 1,
			hoursPerWeek: null,
			source: 'other'
		});
	});

	it('reports missing required columns once for the file, and then imports nothing', () => {
		const result = plan('Virksomhed;Timer\nA;20\nB;mange');
		expect(result.missing).toEqual(['position', 'deadline']);
		expect(result.validCount).toBe(0);
		expect(result.rows.map((r) => r.result)).toEqual([
			{ ok: false, issues: {} },
			{ ok: false, issues: { hoursPerWeek: { code: 'invalid_number' } } }
		]);
	});

	it('gives no rows for an empty file and for a header-only file', () => {
		expect(plan('')).toMatchObject({
			rows: [],
			validCount: 0,
			missing: ['companyName', 'position', 'deadline']
		});
		expect(plan(`\uFEFF${HEADER}\r\n`)).toMatchObject({ rows: [], validCount: 0, missing: [] });
	});

	it('defaults the source to Jobnet for a Jobnet export (by its id column or its file name)', () => {
		const byColumn = plan(
			'Jobnet-ID;Arbejdsgiver;Stillingsbetegnelse;Ansøgningsfrist\n1;A;Kok;1/3/2027'
		);
		expect(byColumn.jobnet).toBe(true);
		expect(validOpenings(byColumn)[0]!.opening.source).toBe('jobnet');
		const byName = plan('Virksomhed,Stilling,Frist\nA,Kok,2027-03-01', 'jobnet-eksport.csv');
		expect(validOpenings(byName)[0]!.opening.source).toBe('jobnet');
		// A source given in the row wins.
		expect(
			validOpenings(
				plan('Virksomhed;Stilling;Frist;Kilde\nA;Kok;2027-03-01;Telefon', 'jobnet.csv')
			)[0]!.opening.source
		).toBe('phone');
	});

	it('keeps line breaks in requirements but makes names one line', () => {
		const result = plan(
			'Virksomhed;Stilling;Frist;Krav\n"Demoby\nVVS";Kok;31-12-2026;"Kørekort\nTruckcertifikat"'
		);
		expect(validOpenings(result)[0]!.opening).toMatchObject({
			companyName: 'Demoby VVS',
			requirements: 'Kørekort\nTruckcertifikat'
		});
	});
});

describe('an imported opening is never refused by the board', () => {
	// Per column: mostly good values (so valid rows occur), then edges at the limits and noise.
	const mostly = (good: fc.Arbitrary<string>, edge: fc.Arbitrary<string>) =>
		fc.oneof({ arbitrary: good, weight: 6 }, { arbitrary: edge, weight: 1 });
	const text = (max: number) =>
		mostly(
			fc.oneof(
				fc.string({ minLength: 1, maxLength: 20 }),
				fc.string({ minLength: max - 3, maxLength: max + 3 })
			),
			fc.constantFrom('', ' ', '  Kok \n i køkken ', '"')
		);
	const columns: Record<ImportColumn, fc.Arbitrary<string>> = {
		companyName: text(120),
		cvr: mostly(fc.constantFrom('', '12345678', '1234 5678', 'DK12345678'), fc.constant('1234567')),
		position: text(120),
		jobType: mostly(
			fc.constantFrom('', 'Løntimer', 'elev/lærling', 'Fleksjob'),
			fc.constant('chef')
		),
		hoursPerWeek: mostly(
			fc.constantFrom('', '0', '37,5', '80', '80,0'),
			fc.constantFrom('80,05', '80,1', '1.000', '-1')
		),
		positions: mostly(fc.constantFrom('', '1', '999', '12'), fc.constantFrom('1.000', '0', '2,5')),
		deadline: mostly(
			fc.constantFrom('31-12-2026', '29.02.2028', '1. maj 2027'),
			fc.constantFrom('2027-02-29', '')
		),
		startDate: mostly(fc.constantFrom('', '01/02/2027'), fc.constant('31-04-2027')),
		jobAreas: mostly(
			fc.array(fc.string({ maxLength: 42 }), { maxLength: 12 }).map((tags) => tags.join(',')),
			fc.string({ maxLength: 60 })
		),
		requirements: mostly(text(2000), fc.constant('y'.repeat(2001))),
		source: mostly(
			fc.constantFrom('', 'Telefon', 'virksomhedsbesøg', 'Jobnet'),
			fc.constant('brevdue')
		)
	};

	it('adds every valid row to a board document', () => {
		let valid = 0;
		fc.assert(
			fc.property(fc.record(columns), (cells) => {
				const result = mapRow(cells, { jobnet: false });
				if (!result.ok) return;
				valid++;
				const doc = new Y.Doc();
				const [laneId] = initBoard(doc, ['Ny'], 'test');
				const { cvr: _cvr, ...opening } = result.opening;
				addOpening(
					doc,
					{
						...opening,
						companyId: 'company-1',
						title: openingTitle(opening.position, opening.companyName),
						laneId: laneId!,
						createdBy: USER_ANNA,
						now: NOW
					},
					'test'
				);
				expect(readBoard(doc).cardCount).toBe(1);
			}),
			{ numRuns: 500 }
		);
		// The property only means something if it met valid rows.
		expect(valid).toBeGreaterThan(20);
	});
});
