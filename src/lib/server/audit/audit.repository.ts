import type { Db } from '../db/connect';

export type AuditAction = 'read' | 'create' | 'update' | 'delete';
export type AuditEntity = 'citizen';

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
