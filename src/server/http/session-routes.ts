import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { LOCKOUT_MAX_FAILURES, SESSION_MAX_HOURS, instantToLocal, signInSchema, type SessionInfo } from '../../shared/index.js';
import type { AppContext } from '../context.js';
import { verifySecret } from '../security/secret-hash.js';
import { newToken, sha256 } from '../security/tokens.js';
import { clearFailures, lockedUntil, recordFailure } from '../store/sign-in-lockout.js';
import { createSession, endSession } from '../store/sessions.js';
import { canonicalWardCode, findWardByCode, type WardRecord } from '../store/wards.js';
import type { WardEvents } from '../ward-events.js';
import { SESSION_COOKIE, signedInWard } from './access.js';
import type { CredentialGuard } from './credential-guard.js';
import { HttpError, parseOr400 } from './errors.js';

const HOUR_MS = 3_600_000;

function sessionInfo(context: AppContext, ward: WardRecord, expiresAt: string): SessionInfo {
  return {
    ward: { id: ward.id, name: ward.name, code: ward.code },
    hospital: { name: ward.hospitalName },
    timeZone: context.config.timeZone,
    expiresAt,
  };
}

function lockedMessage(context: AppContext, until: Date): string {
  const { time } = instantToLocal(until, context.config.timeZone);
  return `This ward code is locked because the PIN was wrong ${LOCKOUT_MAX_FAILURES} times. Try again after ${time}.`;
}

function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string, expiresAt: Date): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: request.protocol === 'https',
    expires: expiresAt,
  });
}

export function registerSessionRoutes(app: FastifyInstance, context: AppContext, events: WardEvents, guard: CredentialGuard): void {
  app.post('/api/session', { config: { access: 'public' } }, async (request, reply) => {
    guard.check(request);
    const { wardCode, pin } = parseOr400(signInSchema, request.body);
    const code = canonicalWardCode(wardCode);
    const now = context.now();
    const locked = await lockedUntil(context.db, code, now);
    if (locked) throw new HttpError(429, 'locked', lockedMessage(context, locked));

    const ward = await findWardByCode(context.db, code);
    if (!(await verifySecret(pin, ward?.pinHash ?? null)) || !ward) {
      guard.failed(request);
      const nowLocked = await recordFailure(context.db, code, now);
      if (nowLocked) throw new HttpError(429, 'locked', lockedMessage(context, nowLocked));
      throw new HttpError(401, 'wrong_credentials', 'The ward code or PIN is not right. Check them and try again.');
    }
    await clearFailures(context.db, code);
    const token = newToken();
    const expiresAt = new Date(now.getTime() + SESSION_MAX_HOURS * HOUR_MS);
    await createSession(context.db, token, ward.id, now, expiresAt);
    setSessionCookie(request, reply, token, expiresAt);
    request.log.info({ wardId: ward.id }, 'ward signed in');
    return sessionInfo(context, ward, expiresAt.toISOString());
  });

  app.get('/api/session', { config: { access: 'ward' } }, async (request) => {
    const { ward, session } = signedInWard(request);
    return sessionInfo(context, ward, session.expiresAt);
  });

  app.delete('/api/session', { config: { access: 'ward' } }, async (request, reply) => {
    const { ward, session } = signedInWard(request);
    await endSession(context.db, session.token, context.now());
    events.sessionEnded(sha256(session.token));
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    request.log.info({ wardId: ward.id }, 'ward signed out');
    return reply.code(204).send();
  });
}
