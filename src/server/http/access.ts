import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.js';
import { findLiveSession, type LiveSession } from '../store/sessions.js';
import { findWardById, type WardRecord } from '../store/wards.js';
import { HttpError } from './errors.js';

export const SESSION_COOKIE = 'wvv_session';

/** Who may call a route. Every /api route must declare one: anything undeclared is refused. */
export type Access = 'public' | 'ward';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    ward: WardRecord | null;
    session: (LiveSession & { token: string }) | null;
  }
}

export function signedInWard(request: FastifyRequest): { ward: WardRecord; session: LiveSession & { token: string } } {
  if (!request.ward || !request.session) throw new HttpError(401, 'not_signed_in', 'Sign in to continue.');
  return { ward: request.ward, session: request.session };
}

/** The ward behind a session cookie, if the session is live and the ward not archived. */
export async function wardForToken(context: AppContext, token: string | undefined) {
  if (!token) return null;
  const session = await findLiveSession(context.db, token, context.now());
  if (!session) return null;
  const ward = await findWardById(context.db, session.wardId);
  return ward ? { ward, session: { ...session, token } } : null;
}

export function registerAccessControl(app: FastifyInstance, context: AppContext): void {
  app.decorateRequest('ward', null);
  app.decorateRequest('session', null);

  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api') && !route.config?.access) {
      throw new Error(`Route ${route.method} ${route.url} does not declare who may use it (config.access)`);
    }
  });

  app.addHook('preHandler', async (request) => {
    // Unknown addresses fall through to the not-found answer, which reveals nothing.
    if (!request.url.startsWith('/api') || request.is404) return;
    const access = request.routeOptions.config.access;
    if (access === 'public') return;
    const found = await wardForToken(context, request.cookies[SESSION_COOKIE]);
    if (access !== 'ward' || !found) throw new HttpError(401, 'not_signed_in', 'Sign in to continue.');
    request.ward = found.ward;
    request.session = found.session;
  });
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * SameSite=Strict already keeps the cookie off cross-site requests; this refuses them outright
 * as a second lock, using what browsers say about where a request came from.
 */
export function registerCrossSiteCheck(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    if (SAFE_METHODS.has(request.method)) return;
    const site = request.headers['sec-fetch-site'];
    const origin = request.headers.origin;
    const fromElsewhere =
      (site !== undefined && site !== 'same-origin' && site !== 'none') ||
      (origin !== undefined && origin !== 'null' && hostOf(origin) !== request.headers.host);
    if (fromElsewhere || origin === 'null') {
      throw new HttpError(403, 'cross_site', 'Requests from other websites are not allowed.');
    }
  });
}

function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}
