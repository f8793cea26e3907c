import type { Db } from '../db/connect';
import { companySchema, parseInput, type FieldIssues } from '../validation';
import { createCompany, findCompanyByName, type Company } from './company.repository';

export type CompanyResult =
	{ ok: true; company: Company; created: boolean } | { ok: false; issues: FieldIssues };

/**
 * Finds the company by name or creates it, so picking "create" for a name somebody else just
 * created (or an import naming a known company) never makes a duplicate. The CVR, industry and
 * contact person of an existing company are left as they are.
 */
export async function ensureCompany(db: Db, input: unknown, now: number): Promise<CompanyResult> {
	const parsed = parseInput(companySchema, input);
	if (!parsed.ok) return parsed;
	return db.transaction().execute(async (trx) => {
		const existing = await findCompanyByName(trx, parsed.value.name);
		if (existing) return { ok: true, company: existing, created: false };
		const company = await createCompany(trx, { ...parsed.value, now });
		return { ok: true, company, created: true };
	});
}
