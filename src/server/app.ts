import fastifyCookie from '@fastify/cookie';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Server, Server as SocketServer } from 'socket.io';
import { MAX_BODY_BYTES } from '../shared/index.js';
import type { AppContext } from './context.js';
import { registerAccessControl, registerCrossSiteCheck } from './http/access.js';
import { handleError } from './http/errors.js';
import { registerFeedbackRoutes } from './http/feedback-routes.js';
import { registerSecurityHeaders } from './http/security-headers.js';
import { registerSessionRoutes } from './http/session-routes.js';
import { registerStaticUi } from './http/static-ui.js';
import { registerJoinRoutes } from './http/join-routes.js';
import { registerVisitRoutes } from './http/visit-routes.js';
import { createJoinLinks, joinLinkSecret } from './security/join-links.js';
import { redactUrl } from './log-redaction.js';
import { startMissedVisitsJob } from './jobs/missed-visits.js';
import { registerCallRelay } from './relay/call-namespace.js';
import { createRelay } from './relay/index.js';
import { createWardEvents } from './ward-events.js';

export interface App {
  http: FastifyInstance;
  relay: SocketServer;
  /** Stops taking new work, lets requests in flight finish, closes sockets and the database. */
  close(): Promise<void>;
}

export interface AppOptions {
  /** Where structured log lines go (default standard output). */
  logStream?: NodeJS.WritableStream;
}

export async function createApp(context: AppContext, options: AppOptions = {}): Promise<App> {
  const http = Fastify({
    logger: {
      level: context.config.logLevel,
      serializers: { req: (req) => ({ method: req.method, url: redactUrl(req.url) }) },
      ...(options.logStream ? { stream: options.logStream } : {}),
    },
    bodyLimit: MAX_BODY_BYTES,
    // Behind a trust's load balancer the scheme (for Secure cookies and HSTS) comes from it.
    trustProxy: context.config.production,
  });
  http.setErrorHandler(handleError);
  await http.register(fastifyCookie);
  registerCrossSiteCheck(http);
  registerAccessControl(http, context);
  await registerSecurityHeaders(http);
  const events = createWardEvents();
  const joinLinks = createJoinLinks(joinLinkSecret(context.config.joinLinkSecret, context.config.dataDir));
  registerSessionRoutes(http, context, events);
  registerVisitRoutes(http, context, events, joinLinks);
  registerJoinRoutes(http, context, joinLinks);
  registerFeedbackRoutes(http, context, joinLinks);
  await registerStaticUi(http, context.config.uiDir);
  await http.ready();

  const parseCookie = (header: string) => http.parseCookie(header);
  const relay = createRelay(http.server, context, events, parseCookie);
  const callRelay = registerCallRelay(relay as unknown as Server, {
    context,
    events,
    joinLinks,
    ice: context.config.ice,
    parseCookie,
    logError: (error) => http.log.error({ err: error }, 'ending a call after its tablet was lost failed'),
  });
  const stopMissedJob = startMissedVisitsJob(context, events, (error) => http.log.error({ err: error }, 'missed visits check failed'));
  return {
    http,
    relay,
    async close() {
      stopMissedJob();
      // Timers first, so the call sockets' disconnects start none that would outlive the database.
      callRelay.close();
      relay.disconnectSockets(true);
      await http.close();
      await context.db.destroy();
    },
  };
}
