import type { BoardSession, EditError } from '$lib/board/board-session.svelte';
import { openingTitle } from '$lib/board/openings';
import type { IssueCode } from '$lib/form-rules';
import type { ImportedOpening, ImportIssue } from '$lib/openings/csv-import';

/**
 * Carries out an import the person asked for: ensures every company by name through the board's
 * companies endpoint (find-or-create), then adds the openings to the board's "Ny" lane in one
 * BoardSession call. Rows whose company the server refuses are left out and reported.
 */

export interface RowToImport {
	row: number;
	opening: ImportedOpening;
}

export interface RefusedRow {
	row: number;
	companyName: string;
	issue: ImportIssue;
}

export type ImportFailure =
	| { kind: 'network' }
	| { kind: 'server'; status: number }
	| { kind: 'no-lane' }
	| { kind: 'edit'; error: EditError };

export type ImportOutcome =
	| { ok: true; added: number; laneTitle: string; refused: RefusedRow[] }
	| { ok: false; failure: ImportFailure };

type CompanyAnswer =
	| { ok: true; id: string; name: string }
	| { ok: false; refused: IssueCode }
	| { ok: false; failure: ImportFailure };

async function ensureCompany(
	fetcher: typeof fetch,
	boardId: string,
	opening: ImportedOpening
): Promise<CompanyAnswer> {
	let response: Response;
	try {
		response = await fetcher(`/boards/${encodeURIComponent(boardId)}/companies`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ name: opening.companyName, cvr: opening.cvr ?? '' })
		});
	} catch {
		return { ok: false, failure: { kind: 'network' } };
	}
	if (response.status === 400) {
		const body = (await response.json().catch(() => ({}))) as {
			issues?: Partial<Record<string, IssueCode>>;
		};
		const issues = body.issues ?? {};
		return { ok: false, refused: issues.name ?? issues.cvr ?? 'invalid' };
	}
	if (!response.ok) return { ok: false, failure: { kind: 'server', status: response.status } };
	const body = (await response.json()) as { company: { id: string; name: string } };
	return { ok: true, id: body.company.id, name: body.company.name };
}

const companyKey = (name: string) => name.toLocaleLowerCase('da-DK');

export async function runImport(input: {
	boardId: string;
	session: Pick<BoardSession, 'board' | 'addOpenings'>;
	rows: readonly RowToImport[];
	fetcher: typeof fetch;
	onProgress: (done: number, total: number) => void;
}): Promise<ImportOutcome> {
	const lanes = input.session.board.lanes;
	const lane = lanes.find((l) => l.stage === 'new') ?? lanes[0];
	if (!lane) return { ok: false, failure: { kind: 'no-lane' } };

	// One request per company, in turn: an import names a handful of companies many times.
	const firstRowOf = new Map<string, ImportedOpening>();
	for (const { opening } of input.rows)
		if (!firstRowOf.has(companyKey(opening.companyName)))
			firstRowOf.set(companyKey(opening.companyName), opening);
	const companies = new Map<string, CompanyAnswer>();
	let done = 0;
	input.onProgress(done, firstRowOf.size);
	for (const [key, opening] of firstRowOf) {
		const answer = await ensureCompany(input.fetcher, input.boardId, opening);
		if (!answer.ok && 'failure' in answer) return answer;
		companies.set(key, answer);
		input.onProgress(++done, firstRowOf.size);
	}

	const refused: RefusedRow[] = [];
	const openings = input.rows.flatMap(({ row, opening }) => {
		const company = companies.get(companyKey(opening.companyName));
		if (!company?.ok) {
			const reason = company && 'refused' in company ? company.refused : 'invalid';
			refused.push({
				row,
				companyName: opening.companyName,
				issue: { code: 'company_refused', reason }
			});
			return [];
		}
		const { cvr: _cvr, ...fields } = opening;
		return [
			{
				...fields,
				companyId: company.id,
				// The name as the company register has it, so the board shows one spelling.
				companyName: company.name,
				title: openingTitle(fields.position, company.name)
			}
		];
	});
	const result = input.session.addOpenings(lane.id, openings);
	if (!result.ok) return { ok: false, failure: { kind: 'edit', error: result.error } };
	return { ok: true, added: result.value.length, laneTitle: lane.title, refused };
}
