import { randomUUID } from 'node:crypto';
import type { AuditEntry } from '../../shared/index.js';
import type { Db } from './database.js';

/** Who did it: a signed-in admin, IT at the server's command line, or the server as it started. */
export type AuditActor = { adminId: string; email: string } | 'command line' | 'start-up';

export interface AuditRecord {
  action: string;
  hospitalId?: string | null;
  wardId?: string | null;
  /** Settings that changed, in words. Never a PIN, password, code or link. */
  detail?: string | null;
}

/** Records an admin action. Pass the transaction the action ran in, so both happen or neither. */
export async function recordAudit(db: Db, actor: AuditActor, record: AuditRecord, now: Date): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      id: randomUUID(),
      at: now.toISOString(),
      admin_id: typeof actor === 'string' ? null : actor.adminId,
      actor: typeof actor === 'string' ? actor : actor.email,
      action: record.action,
      hospital_id: record.hospitalId ?? null,
      ward_id: record.wardId ?? null,
      detail: record.detail ?? null,
    })
    .execute();
}

/** The newest entries first, with hospital and ward names as they are now. */
export async function listAudit(db: Db, limit: number): Promise<AuditEntry[]> {
  const rows = await db
    .selectFrom('audit_log')
    .leftJoin('hospitals', 'hospitals.id', 'audit_log.hospital_id')
    .leftJoin('wards', 'wards.id', 'audit_log.ward_id')
    .select(['audit_log.at', 'audit_log.actor', 'audit_log.action', 'audit_log.detail', 'hospitals.name as hospitalName', 'wards.name as wardName'])
    .orderBy('audit_log.at', 'desc')
    .orderBy('audit_log.id')
    .limit(limit)
    .execute();
  return rows.map((row) => ({ at: row.at, actor: row.actor, action: row.action, hospitalName: row.hospitalName, wardName: row.wardName, detail: row.detail }));
}

/** The audit retention period has passed for these: the only way entries ever leave the log. */
export async function deleteAuditBefore(db: Db, before: Date): Promise<number> {
  const result = await db.deleteFrom('audit_log').where('at', '<', before.toISOString()).executeTakeFirst();
  return Number(result.numDeletedRows);
}
