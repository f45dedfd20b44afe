import fastifyCookie from '@fastify/cookie';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Server, Server as SocketServer } from 'socket.io';
import { CALL_NAMESPACE, MAX_BODY_BYTES } from '../shared/index.js';
import type { AppContext } from './context.js';
import { registerAccessControl, registerCrossSiteCheck, type ApiRoute } from './http/access.js';
import { capConnectionsPerAddress, DEFAULT_TIMEOUTS, timeoutOptions, type ConnectionTimeouts } from './http/connection-limits.js';
import { createCredentialGuard } from './http/credential-guard.js';
import { handleError } from './http/errors.js';
import { handleClientError, handleFrameworkError, refuseBodyOnDelete } from './http/framework-errors.js';
import { registerAdminAccountRoutes } from './http/admin-account-routes.js';
import { registerAdminAuditRoutes } from './http/admin-audit-routes.js';
import { registerAdminHospitalRoutes } from './http/admin-hospital-routes.js';
import { registerAdminReportRoutes } from './http/admin-report-routes.js';
import { registerAdminSessionRoutes } from './http/admin-session-routes.js';
import { registerAdminWardRoutes } from './http/admin-ward-routes.js';
import { registerFeedbackRoutes } from './http/feedback-routes.js';
import { registerHealthRoutes } from './http/health-routes.js';
import { registerMetricsRoute } from './http/metrics-route.js';
import { createMetrics } from './metrics.js';
import { countQueued } from './store/messages.js';
import { countVisitsInProgress } from './store/visits.js';
import { registerSecurityHeaders } from './http/security-headers.js';
import { warnOnceOfUntrustedForwarding } from './http/untrusted-forwarding.js';
import { registerSessionRoutes } from './http/session-routes.js';
import { registerStaticUi } from './http/static-ui.js';
import { registerCompression } from './http/compression.js';
import { registerJoinRoutes } from './http/join-routes.js';
import { registerVisitorSessionRoutes } from './http/visitor-session-routes.js';
import { registerVisitRoutes } from './http/visit-routes.js';
import { registerVisitMessageRoutes } from './http/visit-message-routes.js';
import { startMessaging } from './notify/messaging.js';
import { ADDRESS_LIMITS, AddressThrottle, triesKind } from './security/address-throttle.js';
import { createJoinLinks, joinLinkSecret } from './security/join-links.js';
import { trustFunction } from './security/proxy-trust.js';
import { loggedUrl } from './log-redaction.js';
import { startMissedVisitsJob } from './jobs/missed-visits.js';
import { startRetentionJob } from './jobs/retention.js';
import { startSessionSweep } from './jobs/session-sweep.js';
import { registerCallRelay, type CallRelay } from './relay/call-namespace.js';
import { joinRelayCluster } from './relay/cluster.js';
import { createRelay } from './relay/index.js';
import { closePresenceWithVisits, createPresence, presenceKind } from './relay/presence.js';
import { memoryLiveState, redisLiveState } from './live/index.js';
import { createWardEvents, type WardEvents } from './ward-events.js';

/** How long requests in flight may take to finish at shutdown (ours take milliseconds) before their connections are closed. */
const SHUTDOWN_GRACE_MS = 5_000;

export interface App {
  http: FastifyInstance;
  relay: SocketServer;
  /** What routes and jobs tell the relay: a job run by hand (a test) tells it through these. */
  events: WardEvents;
  /** The call relay's own state (its rooms), for tests and monitoring. */
  callRelay: Pick<CallRelay, 'roomCount'>;
  /** Every /api route and who may use it. */
  routes: readonly ApiRoute[];
  /** Stops taking new work, gives requests in flight a few seconds to finish, closes sockets and the database. */
  close(): Promise<void>;
}

export interface AppOptions {
  /** Where structured log lines go (default standard output). */
  logStream?: NodeJS.WritableStream;
  /** Shorter limits on slow clients, so a test sees them cut without waiting half a minute. */
  timeouts?: Partial<ConnectionTimeouts>;
}

export async function createApp(context: AppContext, options: AppOptions = {}): Promise<App> {
  // Only the proxies TRUST_PROXY names may say who the client is and whether it came over
  // HTTPS (for Secure cookies and HSTS); the relay's handshake uses the same function.
  const trustProxy = trustFunction(context.config.trustProxy);
  const http = Fastify({
    logger: {
      level: context.config.logLevel,
      serializers: { req: (req) => ({ method: req.method, url: loggedUrl(req) }) },
      ...(options.logStream ? { stream: options.logStream } : {}),
    },
    bodyLimit: MAX_BODY_BYTES,
    trustProxy,
    ...timeoutOptions({ ...DEFAULT_TIMEOUTS, ...options.timeouts }),
    frameworkErrors: handleFrameworkError,
    clientErrorHandler: handleClientError,
  });
  http.setErrorHandler(handleError);
  capConnectionsPerAddress(http.server, {
    max: context.config.maxConnectionsPerAddress,
    // Everyone arrives from the proxy's address: it must keep the per-client count itself.
    exempt: (address) => trustProxy !== false && trustProxy(address, 0),
    onCapReached: () => http.log.warn('an address reached MAX_CONNECTIONS_PER_ADDRESS; its further connections are refused'),
  });
  warnOnceOfUntrustedForwarding(http, trustProxy);
  http.addHook('preValidation', refuseBodyOnDelete);
  // JSON bodies only: a cross-site HTML form can send text/plain without a preflight.
  http.removeContentTypeParser('text/plain');
  await http.register(fastifyCookie);
  await registerCompression(http);
  registerCrossSiteCheck(http);
  const routes = registerAccessControl(http, context);
  await registerSecurityHeaders(http);
  const events = createWardEvents();
  // With REDIS_URL the nodes share the relay and its live state; start-up stops if Redis cannot be reached.
  const cluster = context.config.redisUrl ? await joinRelayCluster(context.config.redisUrl, (error) => http.log.error({ err: error }, 'Redis for the relay failed')) : null;
  const secret = joinLinkSecret(context.config.joinLinkSecret, context.config.dataDir);
  const joinLinks = createJoinLinks(secret);
  // Rooms, grace periods, presence and the per-address counts: one node's memory, or Redis.
  const live = cluster ? redisLiveState(cluster.commands, secret) : memoryLiveState();
  // Who is at each visit's link: live state, never stored (see relay/presence.ts).
  const presence = createPresence(live.records(presenceKind), context.now);
  const logRelayError = (error: unknown) => http.log.error({ err: error }, 'the call relay failed');
  closePresenceWithVisits(presence, events, logRelayError);
  const throttle = new AddressThrottle(live.records(triesKind('address-tries', ADDRESS_LIMITS)));
  const guard = createCredentialGuard(context, throttle);
  registerSessionRoutes(http, context, events, guard, live);
  const messaging = startMessaging({
    context,
    joinLinks,
    changed: (wardId, visitId) => events.messagesChanged(wardId, visitId),
    warn: (fields, message) => http.log.warn(fields, message),
    logError: (error) => http.log.error({ err: error }, 'sending messages failed'),
    ran: (ok) => metrics.jobRan('messages', ok),
  });
  registerVisitRoutes(http, context, events, joinLinks, messaging);
  registerVisitMessageRoutes(http, context, messaging, events);
  registerJoinRoutes(http, context, joinLinks, events);
  registerVisitorSessionRoutes(http, context, joinLinks, guard, presence);
  registerFeedbackRoutes(http, context);
  const readiness = { draining: false, ...(cluster ? { redisAnswers: () => cluster.answers() } : {}) };
  registerHealthRoutes(http, context, readiness);
  const metrics = createMetrics();
  registerMetricsRoute(http, metrics, context.config.metricsToken);
  registerAdminSessionRoutes(http, context, guard);
  registerAdminAccountRoutes(http, context, guard);
  registerAdminHospitalRoutes(http, context);
  registerAdminWardRoutes(http, context);
  registerAdminReportRoutes(http, context);
  registerAdminAuditRoutes(http, context);
  await registerStaticUi(http, context.config.uiDir);
  await http.ready();

  const parseCookie = (header: string) => http.parseCookie(header);
  const relay = createRelay(http.server, context, events, presence, parseCookie, throttle, logRelayError);
  // Before the call namespace is made, so both namespaces' rooms reach every node.
  cluster?.attach(relay as unknown as Server);
  const callRelay = registerCallRelay(relay as unknown as Server, {
    context,
    events,
    presence,
    throttle,
    ice: context.config.ice,
    parseCookie,
    messaging,
    metrics,
    live,
    node: await live.liveness(context.config.nodeName, logRelayError),
    logError: logRelayError,
  });
  metrics.observe({
    sockets: () => ({ '/': relay.of('/').sockets.size, [CALL_NAMESPACE]: relay.of(CALL_NAMESPACE).sockets.size }),
    callRooms: () => callRelay.roomCount(),
    visitsInCall: () => countVisitsInProgress(context.db),
    messagesQueued: () => countQueued(context.db),
  });
  const ran = (job: string) => (ok: boolean) => metrics.jobRan(job, ok);
  const stopMissedJob = startMissedVisitsJob(context, events, (error) => http.log.error({ err: error }, 'missed visits check failed'), ran('missed-visits'));
  const stopRetention = startRetentionJob(context, (error) => http.log.error({ err: error }, 'personal data deletion failed'), ran('retention'));
  const stopSessionSweep = startSessionSweep(context, events, (error) => http.log.error({ err: error }, 'session sweep failed'), ran('session-sweep'));
  return {
    http,
    relay,
    events,
    callRelay,
    routes,
    async close() {
      readiness.draining = true;
      stopMissedJob();
      stopSessionSweep();
      stopRetention();
      await messaging.stop();
      // Timers first, so the call sockets' disconnects start none that would outlive the database.
      await callRelay.close();
      relay.disconnectSockets(true);
      // Connections no namespace holds (a handshake still in its middleware, a long poll)
      // would keep the HTTP server open: engine.io closes them all.
      relay.engine.close();
      // Requests in flight get a few seconds to finish; then a rolling update must not hang.
      const forceClose = setTimeout(() => http.server.closeAllConnections(), SHUTDOWN_GRACE_MS);
      forceClose.unref();
      await http.close();
      clearTimeout(forceClose);
      await cluster?.close();
      await context.db.destroy();
    },
  };
}
