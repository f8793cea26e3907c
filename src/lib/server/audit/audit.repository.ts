import type { Db } from '../db/connect';

export type AuditAction = 'read' | 'create' | 'update' | 'delete';
/** Citizen records, their cases (sager) and their readiness tasks. */
export type AuditEntity = 'citizen' | 'case' | 'work_task';

export interface AuditEntry {
	at: number;
	userId: string;
	action: AuditAction;
	entity: AuditEntity;
	entityId: string;
	/** Never personal data: the names of changed fields, or how a read happened. */
	detail?: string | null;
}

export interface AuditRecord extends AuditEntry {
	id: number;
	detail: string | null;
}

/**
 * Appends to the audit log. Pass the transaction that makes the change, so the log and the
 * change commit or roll back together.
 */
export async function writeAudit(db: Db, entries: AuditEntry | AuditEntry[]): Promise<void> {
	const list = Array.isArray(entries) ? entries : [entries];
	// Chunked to stay well under SQLite's limit on bound parameters per statement.
	for (let start = 0; start < list.length; start += AUDIT_CHUNK) {
		await insertChunk(db, list.slice(start, start + AUDIT_CHUNK));
	}
}

const AUDIT_CHUNK = 500;

async function insertChunk(db: Db, list: AuditEntry[]): Promise<void> {
	await db
		.insertInto('audit_log')
		.values(
			list.map((e) => ({
				at: e.at,
				user_id: e.userId,
				action: e.action,
				entity: e.entity,
				entity_id: e.entityId,
				detail: e.detail ?? null
			}))
		)
		.execute();
}

/** The log of one entity, oldest first. */
export async function listAuditFor(
	db: Db,
	entity: AuditEntity,
	entityId: string
): Promise<AuditRecord[]> {
	const rows = await db
		.selectFrom('audit_log')
		.selectAll()
		.where('entity', '=', entity)
		.where('entity_id', '=', entityId)
		.orderBy('id')
		.execute();
	return rows.map((r) => ({
		id: r.id,
		at: r.at,
		userId: r.user_id,
		action: r.action,
		entity: r.entity as AuditEntity,
		entityId: r.entity_id,
		detail: r.detail
	}));
}

export interface TeamAuditRecord extends AuditRecord {
	/** The person's name now, or null when the user no longer exists (the log outlives users). */
	userName: string | null;
}

export interface TeamAuditPage {
	records: TeamAuditRecord[];
	/** The id to pass as `beforeId` for the next, older page; null on the last page. */
	nextBeforeId: number | null;
}

export const TEAM_AUDIT_PAGE_SIZE = 200;

/**
 * The log of the team's citizens, newest first, a page at a time. A citizen's team is taken from
 * the citizen row, so a team's leader sees lookups by anyone, including people of other teams.
 */
export async function listAuditForTeam(
	db: Db,
	teamId: string,
	options: { beforeId?: number; limit?: number } = {}
): Promise<TeamAuditPage> {
	const limit = options.limit ?? TEAM_AUDIT_PAGE_SIZE;
	let query = db
		.selectFrom('audit_log')
		.innerJoin('citizen', 'citizen.id', 'audit_log.entity_id')
		.leftJoin('user', 'user.id', 'audit_log.user_id')
		.select([
			'audit_log.id',
			'audit_log.at',
			'audit_log.user_id',
			'audit_log.action',
			'audit_log.entity',
			'audit_log.entity_id',
			'audit_log.detail',
			'user.name as user_name'
		])
		.where('audit_log.entity', '=', 'citizen')
		.where('citizen.team_id', '=', teamId)
		.orderBy('audit_log.id', 'desc')
		.limit(limit + 1);
	if (options.beforeId !== undefined) query = query.where('audit_log.id', '<', options.beforeId);
	const rows = await query.execute();
	const page = rows.slice(0, limit);
	return {
		records: page.map((r) => ({
			id: r.id,
			at: r.at,
			userId: r.user_id,
			userName: r.user_name,
			action: r.action,
			entity: r.entity as AuditEntity,
			entityId: r.entity_id,
			detail: r.detail
		})),
		nextBeforeId: rows.length > limit ? page[page.length - 1]!.id : null
	};
}
