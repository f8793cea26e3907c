/**
 * A CSV reader for files people export from Jobnet or save from a spreadsheet (RFC 4180 with the
 * dialects Danish Excel writes). Pure: text (or bytes) in, records out; no I/O.
 *
 * - The delimiter is ';', ',' or tab, whichever occurs most often outside quotes in the first
 *   record (ties go to ';', Danish Excel's choice).
 * - Quoted fields may hold the delimiter, line breaks and doubled quotes ("").
 * - A UTF-8 byte-order mark is dropped; CRLF, LF and lone CR all end a record.
 * - Records whose cells are all blank (empty trailing lines, ";;;" rows) are skipped, but still
 *   counted, so row numbers match what a spreadsheet shows.
 */

export const CSV_DELIMITERS = [';', ',', '\t'] as const;
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];

export interface CsvRecord {
	/** Row number as a spreadsheet shows it: the header is row 1, blank rows count. */
	row: number;
	/** Line in the text file where the record starts (differs from row after a quoted line break). */
	line: number;
	cells: string[];
}

export interface CsvTable {
	delimiter: CsvDelimiter;
	/** The first non-blank record's cells, trimmed; [] for an empty file. */
	header: string[];
	/** Every non-blank record after the header. */
	records: CsvRecord[];
	/** Line where a quote was opened and never closed (the rest of the file became one cell), or null. */
	unclosedQuoteLine: number | null;
}

const BOM = '\uFEFF';

/** Counts each delimiter outside quotes up to the end of the first record. */
export function detectDelimiter(text: string): CsvDelimiter {
	const counts = new Map<string, number>(CSV_DELIMITERS.map((d) => [d, 0]));
	let quoted = false;
	for (const char of text) {
		if (char === '"') quoted = !quoted;
		else if (!quoted && (char === '\n' || char === '\r')) break;
		else if (!quoted && counts.has(char)) counts.set(char, counts.get(char)! + 1);
	}
	let best: CsvDelimiter = ';';
	for (const d of CSV_DELIMITERS) if (counts.get(d)! > counts.get(best)!) best = d;
	return best;
}

function isBlank(cells: readonly string[]): boolean {
	return cells.every((cell) => cell.trim() === '');
}

export function parseCsv(input: string): CsvTable {
	const text = input.startsWith(BOM) ? input.slice(1) : input;
	const delimiter = detectDelimiter(text);
	const all: CsvRecord[] = [];
	let cells: string[] = [];
	let cell = '';
	let quoted = false;
	let quoteLine = 0;
	let line = 1;
	let recordLine = 1;
	let touched = false;

	const endCell = () => {
		cells.push(cell);
		cell = '';
	};
	const endRecord = () => {
		endCell();
		all.push({ row: all.length + 1, line: recordLine, cells });
		cells = [];
		touched = false;
	};

	for (let i = 0; i < text.length; i++) {
		const char = text[i]!;
		if (quoted) {
			if (char === '"') {
				if (text[i + 1] === '"') {
					cell += '"';
					i++;
				} else quoted = false;
			} else {
				if (char === '\n' || (char === '\r' && text[i + 1] !== '\n')) line++;
				cell += char;
			}
			continue;
		}
		if (char === '"' && cell.trim() === '') {
			// A quote opens a quoted field only at its start (spaces before it are dropped).
			cell = '';
			quoted = true;
			quoteLine = line;
			touched = true;
		} else if (char === delimiter) {
			endCell();
			touched = true;
		} else if (char === '\r' || char === '\n') {
			if (char === '\r' && text[i + 1] === '\n') i++;
			endRecord();
			line++;
			recordLine = line;
		} else {
			cell += char;
			touched = true;
		}
	}
	if (touched || cell !== '' || cells.length > 0) endRecord();

	const nonBlank = all.filter((record) => !isBlank(record.cells));
	const [head, ...records] = nonBlank;
	return {
		delimiter,
		header: head ? head.cells.map((c) => c.trim()) : [],
		records,
		unclosedQuoteLine: quoted ? quoteLine : null
	};
}

/**
 * Bytes of an uploaded file as text: UTF-8 (with or without a byte-order mark), or, when the bytes
 * are not valid UTF-8, Windows-1252, which Danish Excel uses for "CSV (semikolonsepareret)".
 */
export function decodeCsvBytes(bytes: Uint8Array): string {
	try {
		return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
	} catch {
		return new TextDecoder('windows-1252').decode(bytes);
	}
}
