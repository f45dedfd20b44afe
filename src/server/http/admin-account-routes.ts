import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type AdminInviteAnswer } from '../../shared/index.js';
import { adminSetupSchema, inviteAdminSchema } from '../../shared/admin-schemas.js';
import { adminSummary, issueSetupLink } from '../admin/setup-links.js';
import type { AppContext } from '../context.js';
import { hashPassword } from '../security/password-hash.js';
import { passwordProblem } from '../security/password-rules.js';
import { sha256 } from '../security/tokens.js';
import { findAdminByEmail, findAdminBehindSetupLink, isActive, listAdmins, useSetupLink } from '../store/admins.js';
import { recordAudit } from '../store/audit-log.js';
import { signedInAdmin } from './access.js';
import type { CredentialGuard } from './credential-guard.js';
import { HttpError, parseOr400 } from './errors.js';
import { TOKEN_SHAPE } from './join-routes.js';

const LINK_GONE = 'This set-up link has expired or has already been used. Ask another admin, or your IT team, for a new one.';

/** Where links for people start: the trust's public address when set, otherwise the address this page was opened at. */
export function publicUrlFor(context: AppContext, request: FastifyRequest): string {
  return context.config.publicUrl ?? `${request.protocol}://${request.host}`;
}

export function registerAdminAccountRoutes(app: FastifyInstance, context: AppContext, guard: CredentialGuard): void {
  // The set-up link's page: choose a password. Its token is a credential, so it is under the per-address limit.
  app.post('/api/admin/setup', { config: { access: 'public' } }, async (request) => {
    await guard.check(request);
    const { token, password } = parseOr400(adminSetupSchema, request.body);
    if (!TOKEN_SHAPE.test(token)) {
      await guard.failed(request);
      throw new HttpError(410, 'link_expired', LINK_GONE);
    }
    // The email is needed to check the password against it: look the link up before using it.
    const admin = await findAdminBehindSetupLink(context.db, sha256(token), context.now());
    if (!admin) {
      await guard.failed(request);
      throw new HttpError(410, 'link_expired', LINK_GONE);
    }
    const problem = passwordProblem(password, admin.email);
    if (problem) throw new HttpError(400, 'weak_password', problem);
    const now = context.now();
    const used = await useSetupLink(context.db, sha256(token), await hashPassword(password), now);
    if (!used) throw new HttpError(410, 'link_expired', LINK_GONE);
    await recordAudit(context.db, { adminId: used.id, email: used.email }, { action: 'admin.password-set' }, now);
    return { email: used.email };
  });

  app.get('/api/admin/admins', { config: { access: 'admin' } }, async () => ({ admins: (await listAdmins(context.db)).map(adminSummary) }));

  app.post('/api/admin/admins', { config: { access: 'admin' } }, async (request, reply): Promise<AdminInviteAnswer> => {
    const actor = signedInAdmin(request);
    const { email } = parseOr400(inviteAdminSchema, request.body);
    // Re-inviting an active admin would reset their password and app: that is IT's job, at the command line.
    const existing = await findAdminByEmail(context.db, email);
    if (existing && isActive(existing)) throw new HttpError(409, 'conflict', `${existing.email} already has an admin account.`);
    const issued = await issueSetupLink(context.db, email, publicUrlFor(context, request), actor, context.now());
    reply.code(issued.created ? 201 : 200);
    return { admin: issued.admin, setupLink: issued.setupLink, expiresAt: issued.expiresAt };
  });
}
