import type { LiveState } from '../live/index.js';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { SESSION_MAX_HOURS, type SessionInfo } from '../../shared/index.js';
import { signInSchema } from '../../shared/command-schemas.js';
import type { AppContext } from '../context.js';
import { newToken, sha256 } from '../security/tokens.js';
import { createSession, endSession } from '../store/sessions.js';
import { canonicalWardCode, type WardRecord } from '../store/wards.js';
import type { WardEvents } from '../ward-events.js';
import { SESSION_COOKIE, signedInWard } from './access.js';
import type { CredentialGuard } from './credential-guard.js';
import { parseOr400 } from './errors.js';
import { createWardSignIn, rememberTablet } from './ward-sign-in.js';

const HOUR_MS = 3_600_000;

function sessionInfo(context: AppContext, ward: WardRecord, expiresAt: string): SessionInfo {
  return {
    ward: { id: ward.id, name: ward.name, code: ward.code },
    hospital: { name: ward.hospitalName },
    timeZone: context.config.timeZone,
    expiresAt,
    messaging: context.config.notify !== null,
  };
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

export function registerSessionRoutes(app: FastifyInstance, context: AppContext, events: WardEvents, guard: CredentialGuard, live: LiveState): void {
  const checkPin = createWardSignIn(context, guard, live);
  app.post('/api/session', { config: { access: 'public' } }, async (request, reply) => {
    await guard.check(request);
    const { wardCode, pin } = parseOr400(signInSchema, request.body);
    const ward = await checkPin(request, canonicalWardCode(wardCode), pin);
    const now = context.now();
    const token = newToken();
    const expiresAt = new Date(now.getTime() + SESSION_MAX_HOURS * HOUR_MS);
    await createSession(context.db, token, ward.id, now, expiresAt);
    setSessionCookie(request, reply, token, expiresAt);
    // After the session's cookie, which tests (and simple clients) read first.
    await rememberTablet(context, request, reply, ward.id);
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
    // The browser's HTTP cache goes too, whatever it kept despite no-store. Not "storage": the
    // app has already warned about unsent changes and wipes the ward's IndexedDB itself, and
    // "storage" would also remove the service worker, so the next nurse's tablet would not
    // open offline until a reload.
    reply.header('clear-site-data', '"cache"');
    request.log.info({ wardId: ward.id }, 'ward signed out');
    return reply.code(204).send();
  });
}
