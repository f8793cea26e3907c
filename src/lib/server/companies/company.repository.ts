import type { Db } from '../db/connect';
import type { CompanyTable } from '../db/schema';
import type { Selectable } from 'kysely';
import { newId } from '../../board/ids';

export interface Company {
	id: string;
	name: string;
	cvr: string | null;
	industry: string;
	contactPerson: string;
	firstContactAt: number;
	createdAt: number;
}

export interface NewCompany {
	name: string;
	cvr: string | null;
	industry: string;
	contactPerson: string;
	now: number;
	/** Defaults to now. */
	firstContactAt?: number;
}

function mapCompany(row: Selectable<CompanyTable>): Company {
	return {
		id: row.id,
		name: row.name,
		cvr: row.cvr,
		industry: row.industry,
		contactPerson: row.contact_person,
		firstContactAt: row.first_contact_at,
		createdAt: row.created_at
	};
}

/** Expects validated input (companySchema). Names are unique regardless of ASCII case. */
export async function createCompany(db: Db, input: NewCompany): Promise<Company> {
	const row = {
		id: newId(),
		name: input.name,
		cvr: input.cvr,
		industry: input.industry,
		contact_person: input.contactPerson,
		first_contact_at: input.firstContactAt ?? input.now,
		created_at: input.now
	};
	await db.insertInto('company').values(row).execute();
	return mapCompany(row);
}

/** Case-insensitive for ASCII letters (the column is collate nocase). */
export async function findCompanyByName(db: Db, name: string): Promise<Company | undefined> {
	const row = await db
		.selectFrom('company')
		.selectAll()
		.where('name', '=', name.trim())
		.executeTakeFirst();
	return row ? mapCompany(row) : undefined;
}

export async function findCompany(db: Db, id: string): Promise<Company | undefined> {
	const row = await db.selectFrom('company').selectAll().where('id', '=', id).executeTakeFirst();
	return row ? mapCompany(row) : undefined;
}

export async function listCompanies(db: Db): Promise<Company[]> {
	const rows = await db.selectFrom('company').selectAll().orderBy('name').execute();
	return rows.map(mapCompany);
}
