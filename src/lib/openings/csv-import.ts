import type { OpeningInput } from '../board/openings';
import { isValidHoursPerWeek, isValidJobAreaTag, isValidPositions } from '../board/schema';
import { LIMITS, type JobType, type OpeningSource } from '../board/types';
import type { CsvTable } from '../csv/parse';
import type { IssueCode } from '../form-rules';
import { looksLikeCpr } from '../privacy/cpr';
import { oneLine, parseCvr, parseDanishDate, parseDanishNumber, splitTags } from './danish-input';

/**
 * Maps the records of a CSV file (csv/parse.ts) to openings (jobåbninger) for the board. Pure: no
 * I/O, no clock. Each row comes out either as an opening that the board model accepts as it is
 * (same limits and rules as board/openings.ts) or as a list of problems per column, as issue
 * codes that the page turns into Danish or English.
 */

/** The columns we read; every other column is ignored (and listed as ignored). */
export const IMPORT_COLUMNS = [
	'companyName',
	'cvr',
	'position',
	'jobType',
	'hoursPerWeek',
	'positions',
	'deadline',
	'startDate',
	'jobAreas',
	'requirements',
	'source'
] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

/** Without these a file cannot give a single opening, so a missing one is a problem of the file. */
export const REQUIRED_COLUMNS: readonly ImportColumn[] = ['companyName', 'position', 'deadline'];

export type ImportIssueCode =
	| 'required'
	| 'too_long'
	| 'too_many'
	| 'invalid_date'
	| 'invalid_number'
	| 'invalid_hours'
	| 'invalid_positions'
	| 'invalid_cvr'
	| 'unknown_job_type'
	| 'unknown_source'
	/** The cell holds what looks like a CPR number (privacy/cpr.ts); such a row is never imported. */
	| 'looks_like_cpr'
	/** The server refused the company (e.g. a CPR-like name); set by the page after the fact. */
	| 'company_refused';

export interface ImportIssue {
	code: ImportIssueCode;
	/** The limit for too_long / too_many / invalid_hours / invalid_positions. */
	max?: number;
	/** Why the server refused the company (company_refused). */
	reason?: IssueCode;
}

export type ImportIssues = Partial<Record<ImportColumn, ImportIssue>>;

/** An opening from the file; the company id is known only after the company is ensured. */
export interface ImportedOpening extends Omit<OpeningInput, 'companyId'> {
	/** Eight digits, or null. */
	cvr: string | null;
	hoursPerWeek: number | null;
	startDate: string;
	jobAreas: string[];
	requirements: string;
}

export type ImportRowResult =
	{ ok: true; opening: ImportedOpening } | { ok: false; issues: ImportIssues };

export interface ImportRow {
	/** Row number as in the file (the header is row 1). */
	row: number;
	/** The cell of each recognised column, as written in the file. */
	values: Partial<Record<ImportColumn, string>>;
	result: ImportRowResult;
}

export interface ImportColumnMatch {
	column: ImportColumn;
	/** The header as written in the file. */
	header: string;
	index: number;
}

export interface ImportPlan {
	/** Recognised columns in file order. */
	columns: ImportColumnMatch[];
	/** Headers we do not read (unknown, or a second column for the same field). */
	ignored: string[];
	/** Required columns the file lacks; reported once, and then no row is valid. */
	missing: ImportColumn[];
	/** The file looks like a Jobnet export: an empty source means Jobnet. */
	jobnet: boolean;
	rows: ImportRow[];
	validCount: number;
	invalidCount: number;
	/** Line of a quote that was never closed, or null. */
	unclosedQuoteLine: number | null;
}

// ---------------------------------------------------------------------------------------------
// Headers and words are compared folded: lower case, æ/ø/å spelled out, nothing but letters and
// digits, so "Timer pr. uge", "timer_pr_uge" and "TIMER PR UGE" are one header.

export function foldWord(text: string): string {
	return text
		.toLocaleLowerCase('da-DK')
		.replaceAll('æ', 'ae')
		.replaceAll('ø', 'oe')
		.replaceAll('å', 'aa')
		.normalize('NFKD')
		.replace(/[^a-z0-9]/g, '');
}

const HEADER_ALIASES: Record<ImportColumn, readonly string[]> = {
	companyName: [
		'virksomhed',
		'virksomhedsnavn',
		'arbejdsgiver',
		'arbejdsgivernavn',
		'arbejdsgivers navn',
		'firma',
		'firmanavn',
		'company',
		'company name',
		'employer'
	],
	cvr: ['cvr', 'cvr-nr', 'cvr-nummer', 'cvr nr.', 'cvrnr', 'company id', 'vat'],
	position: [
		'stilling',
		'stillingsbetegnelse',
		'stillingstitel',
		'jobtitel',
		'titel',
		'job',
		'position',
		'job title',
		'title'
	],
	jobType: [
		'type',
		'jobtype',
		'stillingstype',
		'ansættelsesform',
		'ansættelsestype',
		'job type',
		'employment type'
	],
	hoursPerWeek: [
		'timer',
		'timer pr. uge',
		'timer pr uge',
		'timer/uge',
		'timer om ugen',
		'ugentlige timer',
		'ugentlig arbejdstid',
		'arbejdstid',
		'hours',
		'hours per week',
		'weekly hours'
	],
	positions: [
		'antal',
		'antal stillinger',
		'antal pladser',
		'antal ledige stillinger',
		'stillinger',
		'positions',
		'number of positions',
		'openings'
	],
	deadline: [
		'frist',
		'ansøgningsfrist',
		'formidlingsfrist',
		'sidste frist',
		'deadline',
		'application deadline'
	],
	startDate: [
		'startdato',
		'start',
		'tiltrædelse',
		'tiltrædelsesdato',
		'start date',
		'starting date'
	],
	jobAreas: [
		'jobområde',
		'jobområder',
		'jobområde(r)',
		'stillingskategori',
		'job areas',
		'job area',
		'tags'
	],
	requirements: ['krav', 'kvalifikationer', 'kompetencekrav', 'requirements', 'qualifications'],
	source: ['kilde', 'source']
};

/** Columns only a Jobnet export has; their values are not read. */
const JOBNET_MARKERS = ['jobnet-id', 'jobnet id', 'jobnetid', 'jobnet nummer', 'jobnet-annonce-id'];

const HEADER_INDEX = new Map<string, ImportColumn>(
	IMPORT_COLUMNS.flatMap((column) =>
		HEADER_ALIASES[column].map((alias) => [foldWord(alias), column] as const)
	)
);

/** The field a header names, or undefined for a column we do not read. */
export function columnOfHeader(header: string): ImportColumn | undefined {
	return HEADER_INDEX.get(foldWord(header));
}

const JOB_TYPE_WORDS: Record<JobType, readonly string[]> = {
	ordinary: ['ordinært job', 'ordinær', 'ordinært', 'ordinær ansættelse', 'job', 'ordinary'],
	smalljob: ['småjob', 'løntimer', 'småjob / løntimer', 'småjob/løntimer', 'smalljob', 'small job'],
	hybrid: ['hybridpraktik', 'hybrid', 'hybrid praktik'],
	placement: ['virksomhedspraktik', 'praktik', 'placement', 'work placement'],
	'wage-subsidy': ['løntilskud', 'løntilskudsjob', 'job med løntilskud', 'wage-subsidy'],
	flexjob: ['fleksjob', 'flexjob', 'flex job'],
	apprentice: ['elev', 'lærling', 'elev/lærling', 'elev / lærling', 'elevplads', 'apprentice']
};

const SOURCE_WORDS: Record<OpeningSource, readonly string[]> = {
	phone: ['telefon', 'tlf', 'tlf.', 'opkald', 'phone'],
	visit: ['virksomhedsbesøg', 'besøg', 'visit', 'company visit'],
	jobnet: ['jobnet', 'jobnet.dk'],
	other: ['andet', 'anden', 'other']
};

function wordIndex<T extends string>(words: Record<T, readonly string[]>): Map<string, T> {
	return new Map(
		(Object.entries(words) as [T, readonly string[]][]).flatMap(([value, list]) =>
			list.map((word) => [foldWord(word), value] as const)
		)
	);
}

const JOB_TYPE_INDEX = wordIndex(JOB_TYPE_WORDS);
const SOURCE_INDEX = wordIndex(SOURCE_WORDS);

export function parseJobType(text: string): JobType | undefined {
	return JOB_TYPE_INDEX.get(foldWord(text));
}

export function parseSource(text: string): OpeningSource | undefined {
	return SOURCE_INDEX.get(foldWord(text));
}

// ---------------------------------------------------------------------------------------------
// Rows

type Cells = Partial<Record<ImportColumn, string>>;

interface Draft {
	issues: ImportIssues;
}

function requiredText(draft: Draft, column: ImportColumn, raw: string, max: number): string {
	const text = oneLine(raw);
	if (text === '') draft.issues[column] = { code: 'required' };
	else if (text.length > max) draft.issues[column] = { code: 'too_long', max };
	return text;
}

function readCvr(draft: Draft, raw: string): string | null {
	const cvr = parseCvr(raw);
	if (cvr === undefined) draft.issues.cvr = { code: 'invalid_cvr' };
	return cvr ?? null;
}

function readJobType(draft: Draft, raw: string): JobType {
	if (raw.trim() === '') return 'ordinary';
	const type = parseJobType(raw);
	if (!type) draft.issues.jobType = { code: 'unknown_job_type' };
	return type ?? 'ordinary';
}

function readSource(draft: Draft, raw: string, jobnet: boolean): OpeningSource {
	if (raw.trim() === '') return jobnet ? 'jobnet' : 'other';
	const source = parseSource(raw);
	if (!source) draft.issues.source = { code: 'unknown_source' };
	return source ?? 'other';
}

function readHours(draft: Draft, raw: string): number | null {
	if (raw.trim() === '') return null;
	const hours = parseDanishNumber(raw);
	if (hours === undefined) draft.issues.hoursPerWeek = { code: 'invalid_number' };
	else if (!isValidHoursPerWeek(hours))
		draft.issues.hoursPerWeek = { code: 'invalid_hours', max: LIMITS.hoursPerWeek };
	return hours ?? null;
}

function readPositions(draft: Draft, raw: string): number {
	if (raw.trim() === '') return 1;
	const positions = parseDanishNumber(raw);
	if (positions === undefined) draft.issues.positions = { code: 'invalid_number' };
	else if (!isValidPositions(positions))
		draft.issues.positions = { code: 'invalid_positions', max: LIMITS.positions };
	return positions ?? 1;
}

function readDate(draft: Draft, column: 'deadline' | 'startDate', raw: string): string {
	if (raw.trim() === '') {
		if (column === 'deadline') draft.issues.deadline = { code: 'required' };
		return '';
	}
	const date = parseDanishDate(raw);
	if (!date) draft.issues[column] = { code: 'invalid_date' };
	return date ?? '';
}

/** Tags as danish-input.ts splits them; too long or too many as the model's limits say. */
function readJobAreas(draft: Draft, raw: string): string[] {
	const kept = splitTags(raw);
	if (kept.some((tag) => !isValidJobAreaTag(tag)))
		draft.issues.jobAreas = { code: 'too_long', max: LIMITS.jobAreaTag };
	else if (kept.length > LIMITS.jobAreaTags)
		draft.issues.jobAreas = { code: 'too_many', max: LIMITS.jobAreaTags };
	return kept;
}

/** One row's cells to an opening, or its problems per column. */
export function mapRow(cells: Cells, options: { jobnet: boolean }): ImportRowResult {
	const draft: Draft = { issues: {} };
	const requirements = (cells.requirements ?? '').trim();
	if (requirements.length > LIMITS.requirements)
		draft.issues.requirements = { code: 'too_long', max: LIMITS.requirements };
	const opening: ImportedOpening = {
		companyName: requiredText(draft, 'companyName', cells.companyName ?? '', LIMITS.companyName),
		cvr: readCvr(draft, cells.cvr ?? ''),
		position: requiredText(draft, 'position', cells.position ?? '', LIMITS.position),
		jobType: readJobType(draft, cells.jobType ?? ''),
		hoursPerWeek: readHours(draft, cells.hoursPerWeek ?? ''),
		positions: readPositions(draft, cells.positions ?? ''),
		deadline: readDate(draft, 'deadline', cells.deadline ?? ''),
		startDate: readDate(draft, 'startDate', cells.startDate ?? ''),
		jobAreas: readJobAreas(draft, cells.jobAreas ?? ''),
		requirements,
		source: readSource(draft, cells.source ?? '', options.jobnet)
	};
	// Citizens are pseudonymous: a CPR number pasted into any cell (a requirement, a contact
	// note in the company column) must not reach the board, and saying so beats "not a date".
	for (const column of IMPORT_COLUMNS)
		if (looksLikeCpr(cells[column] ?? '')) draft.issues[column] = { code: 'looks_like_cpr' };
	return Object.keys(draft.issues).length > 0
		? { ok: false, issues: draft.issues }
		: { ok: true, opening };
}

/** Which header is which field; the first column for a field wins. */
export function matchColumns(header: readonly string[]): {
	columns: ImportColumnMatch[];
	ignored: string[];
	jobnetMarker: boolean;
} {
	const columns: ImportColumnMatch[] = [];
	const ignored: string[] = [];
	const markers = new Set(JOBNET_MARKERS.map(foldWord));
	let jobnetMarker = false;
	header.forEach((text, index) => {
		const column = columnOfHeader(text);
		if (markers.has(foldWord(text))) jobnetMarker = true;
		if (column && !columns.some((c) => c.column === column))
			columns.push({ column, header: text, index });
		else if (text !== '') ignored.push(text);
	});
	return { columns, ignored, jobnetMarker };
}

export interface MapOptions {
	/** The uploaded file's name: "jobnet" in it marks a Jobnet export. */
	fileName?: string;
}

/** Maps a parsed file to openings and problems, one entry per non-blank row. */
export function planImport(table: CsvTable, options: MapOptions = {}): ImportPlan {
	const { columns, ignored, jobnetMarker } = matchColumns(table.header);
	const missing = REQUIRED_COLUMNS.filter((c) => !columns.some((m) => m.column === c));
	const jobnet = jobnetMarker || /jobnet/i.test(options.fileName ?? '');
	const rows = table.records.map((record): ImportRow => {
		const values: Cells = {};
		for (const match of columns) values[match.column] = record.cells[match.index] ?? '';
		const result = mapRow(values, { jobnet });
		// A missing column is the file's problem, told once, not once per row.
		if (!result.ok) for (const column of missing) delete result.issues[column];
		const blocked = missing.length > 0;
		return {
			row: record.row,
			values,
			result: blocked && result.ok ? { ok: false, issues: {} } : result
		};
	});
	const validCount = rows.filter((r) => r.result.ok).length;
	return {
		columns,
		ignored,
		missing,
		jobnet,
		rows,
		validCount,
		invalidCount: rows.length - validCount,
		unclosedQuoteLine: table.unclosedQuoteLine
	};
}

/** The valid rows' openings, in file order. */
export function validOpenings(plan: ImportPlan): { row: number; opening: ImportedOpening }[] {
	return plan.rows.flatMap((r) => (r.result.ok ? [{ row: r.row, opening: r.result.opening }] : []));
}
