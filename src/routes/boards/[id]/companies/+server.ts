import { error, json } from '@sveltejs/kit';
import { isValidId } from '$lib/board/ids';
import { findBoardForMember } from '$lib/server/access';
import { ensureCompany } from '$lib/server/companies/company.service';
import { listCompanies } from '$lib/server/companies/company.repository';
import { getRuntime } from '$lib/server/runtime';
import type { RequestHandler } from './$types';

/**
 * The municipality's companies, for the opening form's picker and for CSV import. Companies are
 * shared by all teams; only members of the board's team may list them, and only those who may
 * edit the board may add one.
 */

async function requireAccess(locals: App.Locals, boardId: string, edit: boolean) {
	if (!locals.user) error(401, 'not signed in');
	const { db } = await getRuntime();
	const access = isValidId(boardId) ? await findBoardForMember(db, locals.user, boardId) : null;
	if (!access) error(404, 'board not found');
	if (edit && !access.canEdit) error(403, 'read-only role');
	return db;
}

export const GET: RequestHandler = async ({ locals, params }) => {
	const db = await requireAccess(locals, params.id, false);
	const companies = await listCompanies(db);
	return json({
		companies: companies.map((c) => ({
			id: c.id,
			name: c.name,
			cvr: c.cvr,
			industry: c.industry,
			contactPerson: c.contactPerson
		}))
	});
};

/** Body: { name, cvr?, industry?, contactPerson? }. 200 with the existing company, 201 when created, 400 with issue codes per field. */
export const POST: RequestHandler = async ({ locals, params, request }) => {
	const db = await requireAccess(locals, params.id, true);
	const body: unknown = await request.json().catch(() => null);
	if (typeof body !== 'object' || body === null)
		return json({ issues: { '': 'invalid' } }, { status: 400 });
	const result = await ensureCompany(db, body, Date.now());
	if (!result.ok) return json({ issues: result.issues }, { status: 400 });
	const { company } = result;
	return json(
		{
			company: {
				id: company.id,
				name: company.name,
				cvr: company.cvr,
				industry: company.industry,
				contactPerson: company.contactPerson
			}
		},
		{ status: result.created ? 201 : 200 }
	);
};
