import type { IssueCode } from '$lib/form-rules';
import type { KnownCompany } from '$lib/openings/opening-form';

/** The board's companies endpoint (GET/POST /boards/[id]/companies) as seen from the opening form. */

export async function fetchCompanies(boardId: string): Promise<KnownCompany[]> {
	const response = await fetch(`/boards/${encodeURIComponent(boardId)}/companies`);
	if (!response.ok) throw new Error(`companies: HTTP ${response.status}`);
	const body = (await response.json()) as { companies: KnownCompany[] };
	return body.companies;
}

export type EnsureCompanyResult =
	{ ok: true; company: KnownCompany } | { ok: false; issues: Partial<Record<string, IssueCode>> };

/** Finds the company by name or creates it; 400 answers carry an issue code per field. */
export async function ensureCompany(
	boardId: string,
	company: { name: string; cvr: string | null; industry: string; contactPerson: string }
): Promise<EnsureCompanyResult> {
	const response = await fetch(`/boards/${encodeURIComponent(boardId)}/companies`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ ...company, cvr: company.cvr ?? '' })
	});
	if (response.status === 400) {
		const body = (await response.json()) as { issues: Partial<Record<string, IssueCode>> };
		return { ok: false, issues: body.issues };
	}
	if (!response.ok) throw new Error(`companies: HTTP ${response.status}`);
	const body = (await response.json()) as { company: KnownCompany };
	return { ok: true, company: body.company };
}
