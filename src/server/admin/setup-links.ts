import type { AdminSummary } from '../../shared/index.js';
import { newToken, sha256 } from '../security/tokens.js';
import { recordAudit, type AuditActor } from '../store/audit-log.js';
import { createSetupLink, findOrCreateAdmin, isActive, type AdminRecord } from '../store/admins.js';
import type { Db } from '../store/database.js';

export function adminSummary(admin: AdminRecord): AdminSummary {
  return { id: admin.id, email: admin.email, active: isActive(admin), createdAt: admin.createdAt };
}

/**
 * A one-time set-up link for an admin, new or existing: the first admin from the command line,
 * another invited from the admin area, or one who lost their authenticator app. The token is
 * 256 random bits, kept only as its hash, and travels after `#`, so it never reaches a server
 * log or another site's Referer.
 */
export async function issueSetupLink(db: Db, email: string, publicUrl: string, actor: AuditActor, now: Date) {
  const token = newToken();
  return db.transaction().execute(async (trx) => {
    const { admin, created } = await findOrCreateAdmin(trx, email, now);
    const expiresAt = await createSetupLink(trx, admin.id, sha256(token), now);
    await recordAudit(trx, actor, { action: created ? 'admin.invited' : 'admin.set-up-link-renewed', detail: admin.email }, now);
    return { admin: adminSummary(admin), setupLink: `${publicUrl}/admin/setup#token=${token}`, expiresAt: expiresAt.toISOString(), created };
  });
}
