import type { FastifyInstance } from 'fastify';
import type { AuditLogResponse } from '../../shared/index.js';
import type { AppContext } from '../context.js';
import { listAudit } from '../store/audit-log.js';

/** The newest entries a screen can usefully show; older ones are kept (for the retention period) but not listed. */
const AUDIT_PAGE_SIZE = 500;

/** Read only: nothing in the admin area can change or delete the audit log. */
export function registerAdminAuditRoutes(app: FastifyInstance, context: AppContext): void {
  app.get('/api/admin/audit', { config: { access: 'admin' } }, async (): Promise<AuditLogResponse> => ({ entries: await listAudit(context.db, AUDIT_PAGE_SIZE) }));
}
