import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ZodType } from 'zod';
import type { ApiRoute } from '../../src/server/http/access.js';
import { MAX_BODY_BYTES } from '../../src/shared/index.js';
import {
  adminSetupSchema,
  adminSignInSchema,
  emptyBodySchema,
  hospitalSchema,
  inviteAdminSchema,
  newWardSchema,
  passwordChangeSchema,
  pinResetSchema,
  secondFactorSchema,
  wardChangeSchema,
} from '../../src/shared/admin-schemas.js';
import { commandSchema, feedbackSchema, signInSchema } from '../../src/shared/command-schemas.js';
import { setUpAdmin } from '../helpers/admin.js';
import { ApiClient, book } from '../helpers/api-client.js';
import { changedTables, databaseSnapshot as snapshot, rowsWritten } from '../helpers/database-snapshot.js';
import { decodedJson, malformedBody, type WireBody } from '../helpers/malformed-json.js';
import { contentType, inPath, notASessionCookie, pathParam, queryString } from '../helpers/malformed-http.js';
import { sendRaw, type RawAnswer } from '../helpers/raw-http.js';
import { startServer } from '../helpers/server.js';
import { visitWithLink, visitorCookie } from './call-sockets.js';
import { TEST_MORNING } from '../helpers/test-clock.js';

/**
 * Issue 6: generated bad requests to every /api route (listed by the server itself, so a new
 * route is fuzzed without touching this file). None may get a 5xx, crash the server, change
 * the database, or get a refusal that is not a plain sentence.
 */

/** The floor per route, as the route's own caller (so payloads reach validation). */
const PAYLOADS_PER_ROUTE = 500;
/** Again without a session, or with the other kind: refused before validation, so fewer do. */
const PAYLOADS_WITHOUT_SESSION = 100;
/** At least this share of a route's payloads must get past body parsing and the session to the route's own checks. */
const SHARE_REACHING_THE_ROUTE = 0.2;
/** Generous: a run takes a few seconds, but a slow shared machine should not fail it. */
const RUN_TIMEOUT_MS = 120_000;
/** pino's "error" level: the server logs one for every 5xx and every failure of its own. */
const PINO_ERROR_LEVEL = 50;

/**
 * Bodies a route accepts and acts on by writing. A generated body these accept is not bad
 * input, so it is skipped. A new route that writes on a well-formed body belongs here; until
 * it is, the database check below fails and names the payload.
 */
const WELL_FORMED: Record<string, ZodType> = {
  'POST /api/session': signInSchema,
  'POST /api/commands': commandSchema,
  'POST /api/visitor-session/feedback': feedbackSchema,
  'POST /api/visits/:id/join-link': emptyBodySchema,
  'POST /api/admin/setup': adminSetupSchema,
  'POST /api/admin/session': adminSignInSchema,
  'POST /api/admin/session/second-factor': secondFactorSchema,
  'POST /api/admin/password': passwordChangeSchema,
  'POST /api/admin/admins': inviteAdminSchema,
  'POST /api/admin/hospitals': hospitalSchema,
  'PATCH /api/admin/hospitals/:id': hospitalSchema,
  'POST /api/admin/wards': newWardSchema,
  'PATCH /api/admin/wards/:id': wardChangeSchema,
  'POST /api/admin/wards/:id/pin': pinResetSchema,
  'POST /api/admin/wards/:id/archive': emptyBodySchema,
  'POST /api/admin/wards/:id/unarchive': emptyBodySchema,
};

let clock = new Date(TEST_MORNING);
// Started while the file is collected, so each route the server lists gets its own test.
const server = await startServer({ now: () => clock });
const routes: readonly ApiRoute[] = server.app.routes;
const session = { ward: '', visitor: '', admin: '' };
let realIds: string[] = [];
let validBodies: Record<string, () => unknown> = {};

beforeAll(async () => {
  await server.addWard('OTHER', '246810');
  const otherWard = new ApiClient(server.url);
  await otherWard.signIn('OTHER', '246810');
  const othersVisit = (await otherWard.send(book({ date: '2026-12-01' }))).body.visits[0]!;
  const linked = await visitWithLink(server, (at) => (clock = at));
  session.ward = linked.cookie;
  session.visitor = await visitorCookie(server, linked.token);
  const admin = await setUpAdmin(server, 'admin@trust.example', () => clock);
  session.admin = admin.client.cookieHeader;
  const hospital = (await admin.client.request('GET', '/api/admin/hospitals')).body.hospitals[0];
  realIds = [othersVisit.id, linked.visit.id, linked.token, hospital.id, hospital.wards[0].id];
  validBodies = {
    'POST /api/session': () => ({ wardCode: server.demo.wardCode, pin: server.demo.pin }),
    'POST /api/commands': () => book({ date: '2026-11-28' }),
    // Right shape, wrong token: a real one would start a visitor session.
    'POST /api/visitor-session': () => ({ token: 'A'.repeat(43) }),
    'POST /api/visitor-session/feedback': () => ({ answer: 'good' }),
    'POST /api/admin/session': () => ({ email: admin.email, password: admin.password }),
    'POST /api/admin/hospitals': () => ({ name: 'St Elsewhere' }),
    'POST /api/admin/wards': () => ({ hospitalId: hospital.id, name: 'Ash ward', code: 'ASH3', pin: '20481632' }),
    'PATCH /api/admin/wards/:id': () => ({ name: 'Ash ward', code: 'ASH3' }),
    'POST /api/admin/admins': () => ({ email: 'new.admin@trust.example' }),
    'POST /api/admin/password': () => ({ currentPassword: admin.password, newPassword: 'a whole new pass phrase' }),
  };
});
afterAll(() => server.close());

interface BadRequest {
  params: string[];
  rawPath: boolean;
  query: string;
  body: WireBody | undefined;
  contentType: string | undefined;
  cookie: string | undefined;
}

const routeKey = (route: ApiRoute) => `${route.method} ${route.url}`;

/** A body the route would accept as it is, which would make the run's "nothing changed" untrue. */
function wellFormed(route: ApiRoute, body: WireBody | undefined): boolean {
  const schema = WELL_FORMED[routeKey(route)];
  const decoded = decodedJson(body);
  return schema !== undefined && decoded.parsed && schema.safeParse(decoded.value).success;
}

function badRequests(route: ApiRoute, cookie: fc.Arbitrary<string | undefined>): fc.Arbitrary<BadRequest> {
  const params = route.url.match(/:\w+/g) ?? [];
  const body = malformedBody(() => (validBodies[routeKey(route)] ?? (() => ({})))(), MAX_BODY_BYTES);
  // No body is a bad request to a POST, and harmless to a GET; to a DELETE it is the request itself.
  const bodyOrNone = route.method === 'DELETE' ? body.filter((bytes) => bytes.length > 0) : fc.option(body, { nil: undefined, freq: 8 });
  return fc
    .record({
      params: fc.tuple(...params.map(() => pathParam(realIds))),
      rawPath: fc.boolean(),
      query: queryString,
      body: bodyOrNone,
      contentType,
      cookie,
    })
    .filter((request) => !wellFormed(route, request.body));
}

let nextAddress = 0;
/** A different loopback source address each time, so the per-address limit on wrong credentials does not answer instead of validation. */
function sourceAddress(): string {
  const n = nextAddress++;
  return `127.1.${Math.floor(n / 250) % 250}.${(n % 250) + 1}`;
}

function send(route: ApiRoute, request: BadRequest): Promise<RawAnswer> {
  let index = 0;
  const path = route.url.replace(/:\w+/g, () => inPath(request.params[index++]!, request.rawPath)) + request.query;
  const headers: Record<string, string> = {};
  if (request.contentType !== undefined) headers['content-type'] = request.contentType;
  if (request.cookie !== undefined) headers.cookie = request.cookie;
  return sendRaw(server.url, { method: route.method, path, body: request.body, headers, localAddress: sourceAddress() });
}

/** What a person or operator would notice: a server error, a refusal that is not a sentence, a change. */
/** Refusals any route gives before its own checks run: of the body's type, size or JSON, of the headers, of the session. */
const BEFORE_THE_ROUTE = new Set(['unsupported_media_type', 'too_large', 'not_signed_in', 'not_joined', 'The request body is not valid JSON.', 'The request body is empty. Send a JSON object.']);

function reachedTheRoute(answer: RawAnswer): boolean {
  const error = answer.json?.error;
  return answer.status < 400 || !(BEFORE_THE_ROUTE.has(error?.code) || BEFORE_THE_ROUTE.has(error?.message));
}

async function expectHarmless(route: ApiRoute, answer: RawAnswer, writesBefore: number, mayAnswer2xx: boolean) {
  const said = `${answer.status} ${answer.text.slice(0, 300)}`;
  expect(answer.status, said).toBeLessThan(500);
  if (!mayAnswer2xx) expect(answer.status, said).toBeGreaterThanOrEqual(400);
  if (answer.status >= 400) {
    expect(answer.json?.error, said).toEqual(expect.objectContaining({ code: expect.any(String), message: expect.any(String) }));
    const message: string = answer.json.error.message;
    expect(message, said).toMatch(/^[A-Z][^\n]*\.$/);
    expect(message, said).not.toMatch(/\bat .+:\d+|\.[jt]s\b|node:internal|Error:/);
    expect(message, `${said}: a vowel needs "an"`).not.toMatch(/\ba (array|int|object|undefined)\b/);
  }
  expect(await rowsWritten(server.db), `${routeKey(route)} wrote to the database: ${said}`).toBe(writesBefore);
}

/** Runs the payloads, then checks every table is as it was and the server still serves a signed-in tablet. */
async function fuzz(route: ApiRoute, runs: number, cookie: fc.Arbitrary<string | undefined>, mayAnswer2xx: boolean) {
  const tablesBefore = await snapshot(server.db);
  const logsBefore = server.logLines.length;
  let sent = 0;
  let reached = 0;
  await fc.assert(
    fc.asyncProperty(badRequests(route, cookie), async (request) => {
      const writesBefore = await rowsWritten(server.db);
      const answer = await send(route, request);
      sent++;
      if (reachedTheRoute(answer)) reached++;
      await expectHarmless(route, answer, writesBefore, mayAnswer2xx);
    }),
    { numRuns: runs },
  );
  expect(sent).toBeGreaterThanOrEqual(runs);
  expect(changedTables(tablesBefore, await snapshot(server.db))).toEqual([]);
  const errors = server.logLines.slice(logsBefore).filter((line) => JSON.parse(line).level >= PINO_ERROR_LEVEL);
  expect(errors).toEqual([]);
  const stillServing = await sendRaw(server.url, { method: 'GET', path: '/api/session', headers: { cookie: session.ward } });
  expect(stillServing.status).toBe(200);
  return reached;
}

it('fuzzes every route the server lists, commands among them', () => {
  expect(routes.length).toBeGreaterThan(0);
  expect(routes.map(routeKey)).toContain('POST /api/commands');
});

describe.each(routes.map((route) => [routeKey(route), route] as const))('%s', (_name, route) => {
  const ownSession = () => (route.access === 'public' ? undefined : session[route.access]);
  const otherSessions = () => Object.entries(session).filter(([kind]) => kind !== route.access).map(([, cookie]) => cookie);
  it(
    `${PAYLOADS_PER_ROUTE} bad requests as its ${route.access} caller`,
    async () => {
      const reached = await fuzz(route, PAYLOADS_PER_ROUTE, fc.constant(ownSession()), route.method === 'GET');
      // Otherwise the run only shows that wrong Content-Types and broken JSON are refused.
      expect(reached).toBeGreaterThan(PAYLOADS_PER_ROUTE * SHARE_REACHING_THE_ROUTE);
    },
    RUN_TIMEOUT_MS,
  );
  if (route.access === 'public') return;
  it(
    `${PAYLOADS_WITHOUT_SESSION} bad requests without its session`,
    () => fuzz(route, PAYLOADS_WITHOUT_SESSION, notASessionCookie(otherSessions()), false),
    RUN_TIMEOUT_MS,
  );
});
