import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { instantToLocal, type AdminSessionInfo, type AdminSignInStep } from '../../shared/index.js';
import { adminSignInSchema, passwordChangeSchema, secondFactorSchema } from '../../shared/admin-schemas.js';
import { acceptSecondFactor } from '../admin/second-factor.js';
import type { AppContext } from '../context.js';
import { hashPassword, verifyPassword } from '../security/password-hash.js';
import { passwordProblem } from '../security/password-rules.js';
import { newTotpSecret, otpauthUri } from '../security/totp.js';
import { newToken } from '../security/tokens.js';
import { clearAdminFailures, reserveAdminTry } from '../store/admin-sign-in-failures.js';
import { createPendingAdminSession, endAdminSession, endOtherAdminSessions, findLiveAdminSession, type AdminSession } from '../store/admin-sessions.js';
import { findAdminByEmail, findAdminById, setPasswordHash, setPendingTotpSecret } from '../store/admins.js';
import { recordAudit } from '../store/audit-log.js';
import { ADMIN_COOKIE, signedInAdmin } from './access.js';
import type { CredentialGuard } from './credential-guard.js';
import { HttpError, parseOr400 } from './errors.js';

const WRONG = 'The email address or password is not right. Check them and try again.';

export function setAdminCookie(request: FastifyRequest, reply: FastifyReply, token: string): void {
  // No expiry: the cookie goes with the browser; the server ends the session when it is idle or old.
  reply.setCookie(ADMIN_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'strict', secure: request.protocol === 'https' });
}

export function lockedRefusal(context: AppContext, until: Date): HttpError {
  const { time } = instantToLocal(until, context.config.timeZone);
  const seconds = Math.max(1, Math.ceil((until.getTime() - context.now().getTime()) / 1000));
  return new HttpError(429, 'locked', `This account is locked after too many wrong tries. Try again after ${time}.`, { 'retry-after': String(seconds) });
}

export function sessionInfo(context: AppContext, session: Pick<AdminSession, 'adminId' | 'email' | 'expiresAt'>): AdminSessionInfo {
  return { admin: { id: session.adminId, email: session.email }, expiresAt: session.expiresAt, timeZone: context.config.timeZone };
}

export function registerAdminSessionRoutes(app: FastifyInstance, context: AppContext, guard: CredentialGuard): void {
  // Step one: the password. Unknown emails and wrong passwords get the same answer after the same work.
  app.post('/api/admin/session', { config: { access: 'public' } }, async (request, reply): Promise<AdminSignInStep> => {
    await guard.check(request);
    const body = parseOr400(adminSignInSchema, request.body);
    // Counted against the address before the slow hash, so parallel tries cannot pass the limit.
    const rightAfterAll = await guard.reserve(request);
    const email = body.email.trim().toLowerCase();
    const now = context.now();
    const locked = await reserveAdminTry(context.db, email, now);
    if (locked) throw lockedRefusal(context, locked);
    const admin = await findAdminByEmail(context.db, email);
    if (!(await verifyPassword(body.password, admin?.passwordHash ?? null)) || !admin) throw new HttpError(401, 'wrong_credentials', WRONG);
    await rightAfterAll();
    // The second factor is still to come: the try stays reserved until it is given.
    const token = newToken();
    await createPendingAdminSession(context.db, token, admin.id, now);
    setAdminCookie(request, reply, token);
    if (admin.totpConfirmed) return { step: 'second-factor' };
    const secret = admin.totpSecret ?? newTotpSecret();
    await setPendingTotpSecret(context.db, admin.id, secret);
    return { step: 'set-up-second-factor', otpauthUri: otpauthUri(secret, admin.email), secret };
  });

  // Step two: a code from the authenticator app, or a recovery code.
  app.post('/api/admin/session/second-factor', { config: { access: 'public' } }, async (request, reply): Promise<AdminSignInStep> => {
    await guard.check(request);
    const { code } = parseOr400(secondFactorSchema, request.body);
    const token = request.cookies[ADMIN_COOKIE];
    const session = token ? await findLiveAdminSession(context.db, token, context.now()) : undefined;
    if (!session || session.verified) throw new HttpError(401, 'not_signed_in', 'Sign in again with your email address and password.');
    return acceptSecondFactor(context, session, code, {
      right: await guard.reserve(request),
      newSessionToken: (next) => setAdminCookie(request, reply, next),
    });
  });

  app.get('/api/admin/session', { config: { access: 'admin' } }, async (request) => sessionInfo(context, signedInAdmin(request)));

  app.delete('/api/admin/session', { config: { access: 'admin' } }, async (request, reply) => {
    const session = signedInAdmin(request);
    const now = context.now();
    await endAdminSession(context.db, session.tokenHash, now);
    await recordAudit(context.db, session, { action: 'admin.signed-out' }, now);
    reply.clearCookie(ADMIN_COOKIE, { path: '/' });
    return reply.code(204).send();
  });

  app.post('/api/admin/password', { config: { access: 'admin' } }, async (request, reply) => {
    const session = signedInAdmin(request);
    const { currentPassword, newPassword } = parseOr400(passwordChangeSchema, request.body);
    const now = context.now();
    const locked = await reserveAdminTry(context.db, session.email, now);
    if (locked) throw lockedRefusal(context, locked);
    const admin = await findAdminById(context.db, session.adminId);
    if (!admin || !(await verifyPassword(currentPassword, admin.passwordHash))) {
      throw new HttpError(400, 'wrong_credentials', 'Your current password is not right.');
    }
    await clearAdminFailures(context.db, session.email);
    const problem = passwordProblem(newPassword, admin.email);
    if (problem) throw new HttpError(400, 'weak_password', problem);
    await setPasswordHash(context.db, admin.id, await hashPassword(newPassword));
    const ended = await endOtherAdminSessions(context.db, admin.id, session.tokenHash, now);
    await recordAudit(context.db, session, { action: 'admin.password-changed', detail: `${ended} other ${ended === 1 ? 'session' : 'sessions'} signed out` }, now);
    return reply.code(204).send();
  });
}
