import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.js';
import { findLiveAdminSession, type AdminSession } from '../store/admin-sessions.js';
import { findLiveSession, type LiveSession } from '../store/sessions.js';
import { findLiveVisitorSession, type LiveVisitorSession } from '../store/visitor-sessions.js';
import { findActiveWardById, type WardRecord } from '../store/wards.js';
import { TURNED_AWAY_MESSAGE } from '../../shared/index.js';
import { isCrossSite } from './cross-site.js';
import { HttpError } from './errors.js';

export const SESSION_COOKIE = 'wvv_session';
export const VISITOR_COOKIE = 'wvv_visitor';
export const ADMIN_COOKIE = 'wvv_admin';

/**
 * Who may call a route. Every /api route must declare one: anything undeclared is refused.
 * public: anyone (the route checks a credential itself, under the per-address limit);
 * ward: a live ward session; visitor: a live visitor session (a link's token swapped for a cookie);
 * admin: a trust admin's session that has passed the second factor. Each reaches only its own
 * routes: a ward session is no admin, and an admin session reaches no visit.
 */
export type Access = 'public' | 'ward' | 'visitor' | 'admin';

/** A registered /api route and who may use it: what the default-deny test walks through. */
export interface ApiRoute {
  method: string;
  url: string;
  access: Access;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    ward: WardRecord | null;
    session: (LiveSession & { token: string }) | null;
    visitorSession: LiveVisitorSession | null;
    admin: AdminSession | null;
  }
}

export function signedInWard(request: FastifyRequest): { ward: WardRecord; session: LiveSession & { token: string } } {
  if (!request.ward || !request.session) throw new HttpError(401, 'not_signed_in', 'Sign in to continue.');
  return { ward: request.ward, session: request.session };
}

export function joinedVisitor(request: FastifyRequest): LiveVisitorSession {
  if (!request.visitorSession) throw new HttpError(401, 'not_joined', NOT_JOINED);
  return request.visitorSession;
}

export function signedInAdmin(request: FastifyRequest): AdminSession {
  if (!request.admin) throw new HttpError(401, 'not_signed_in', ADMIN_NOT_SIGNED_IN);
  return request.admin;
}

const NOT_JOINED = 'Open the link the ward sent you again to get back to your visit.';
const ADMIN_NOT_SIGNED_IN = 'Sign in to the admin area to continue.';

/** The ward behind a session cookie, if the session is live and the ward not archived. */
export async function wardForToken(context: AppContext, token: string | undefined) {
  if (!token) return null;
  const session = await findLiveSession(context.db, token, context.now());
  if (!session) return null;
  const ward = await findActiveWardById(context.db, session.wardId);
  return ward ? { ward, session: { ...session, token } } : null;
}

/** Refuses, when registered, any /api route that does not say who may use it; answers the list of those that do. */
export function registerAccessControl(app: FastifyInstance, context: AppContext): readonly ApiRoute[] {
  app.decorateRequest('ward', null);
  app.decorateRequest('session', null);
  app.decorateRequest('visitorSession', null);
  app.decorateRequest('admin', null);
  const routes: ApiRoute[] = [];

  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api')) return;
    const access = route.config?.access;
    if (!access) throw new Error(`Route ${route.method} ${route.url} does not declare who may use it (config.access)`);
    for (const method of [route.method].flat()) if (method !== 'HEAD') routes.push({ method, url: route.url, access });
  });

  app.addHook('preHandler', async (request) => {
    // Unknown addresses fall through to the not-found answer, which reveals nothing.
    if (!request.url.startsWith('/api') || request.is404) return;
    const access = request.routeOptions.config.access;
    if (access === 'public') return;
    if (access === 'visitor') {
      const token = request.cookies[VISITOR_COOKIE];
      const found = token ? await findLiveVisitorSession(context.db, token, context.now()) : undefined;
      if (!found) throw new HttpError(401, 'not_joined', NOT_JOINED);
      if (found.turnedAway) throw new HttpError(403, 'turned_away', TURNED_AWAY_MESSAGE);
      request.visitorSession = found;
      return;
    }
    if (access === 'admin') {
      const token = request.cookies[ADMIN_COOKIE];
      const found = token ? await findLiveAdminSession(context.db, token, context.now()) : undefined;
      if (!found?.verified) throw new HttpError(401, 'not_signed_in', ADMIN_NOT_SIGNED_IN);
      request.admin = found;
      return;
    }
    const found = await wardForToken(context, request.cookies[SESSION_COOKIE]);
    if (access !== 'ward' || !found) throw new HttpError(401, 'not_signed_in', 'Sign in to continue.');
    request.ward = found.ward;
    request.session = found.session;
  });
  return routes;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * SameSite=Strict already keeps the cookie off cross-site requests; this refuses them outright
 * as a second lock, using what browsers say about where a request came from.
 */
export function registerCrossSiteCheck(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    if (SAFE_METHODS.has(request.method)) return;
    if (isCrossSite(request.headers)) throw new HttpError(403, 'cross_site', 'Requests from other websites are not allowed.');
  });
}
