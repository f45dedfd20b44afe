import Fastify from 'fastify';
import { io } from 'socket.io-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { registerAccessControl } from '../../src/server/http/access.js';
import { tabletEvents, visitorEvents } from '../../src/shared/call-events.js';
import { ApiClient, book, signedInDemoWard } from '../helpers/api-client.js';
import { signedInAdmin } from '../helpers/admin.js';
import { databaseSnapshot } from '../helpers/database-snapshot.js';
import type { TestServer } from '../helpers/server.js';
import { CallSockets, next, visitorCookie, visitorWaiting, type LinkedVisit, startCallTestBed, type CallTestBed } from './call-sockets.js';

/**
 * Default deny, walked through from what the server itself registered: every /api route and
 * every socket event, so one added later is covered without editing this file.
 */

/** The only routes anyone may call: each checks a credential itself, under the per-address limit. */
const PUBLIC_ROUTES = ['POST /api/admin/session', 'POST /api/admin/session/second-factor', 'POST /api/admin/setup', 'POST /api/session', 'POST /api/visitor-session'];

let bed: CallTestBed;
let server: TestServer;
let sockets: CallSockets;
let linked: LinkedVisit;
/** Ward B: signed in, with a visit of its own. */
let otherWard: ApiClient;
let visitor: ApiClient;
/** A trust admin, fully signed in: reaches no ward's or visitor's route. */
let admin: ApiClient;

beforeEach(async () => {
  bed = await startCallTestBed();
  ({ server, sockets, linked } = bed);
  await server.addWard('WARD2', '654321');
  otherWard = new ApiClient(server.url);
  await otherWard.signIn('WARD2', '654321');
  await otherWard.send(book({ date: '2026-11-21', time: '15:00', patientName: 'Other Patient' }));
  visitor = new ApiClient(server.url);
  await visitor.openVisit(linked.token);
  admin = await signedInAdmin(server, 'admin@trust.example', () => bed.clock.at);
});
afterEach(async () => {
  await bed.close();
});

/** A route's address with its parameters filled by ward A's visit. */
const pathOf = (url: string) => url.replace(':id', linked.visit.id);
/** A body that would be accepted if the caller were allowed: a real command for ward A's visit. */
const bodyFor = (method: string) =>
  method === 'GET' || method === 'DELETE' ? undefined : { type: 'cancel', key: crypto.randomUUID(), visitId: linked.visit.id, baseVersion: 1, reason: 'x' };

describe('every HTTP route', () => {
  it('declares who may use it, and only the credential checks are open to anyone', () => {
    const routes = server.app.routes.map((route) => `${route.method} ${route.url}`);
    expect(routes.length).toBeGreaterThanOrEqual(8);
    expect(server.app.routes.filter((route) => route.access === 'public').map((route) => `${route.method} ${route.url}`).sort()).toEqual(PUBLIC_ROUTES);
  });

  it('refuses a route registered without saying who may use it', async () => {
    const app = Fastify();
    registerAccessControl(app, { config: {} as never, db: {} as never, now: () => new Date() });
    expect(() => app.get('/api/forgotten', async () => 'open')).toThrow('does not declare who may use it');
    await app.close();
  });

  it('refuses a caller without the right session, in words, changing nothing', async () => {
    const tablet = await signedInDemoWard(server);
    const anonymous = new ApiClient(server.url);
    const madeUp = { cookie: 'wvv_session=made-up; wvv_visitor=made-up' };
    for (const route of server.app.routes.filter((r) => r.access !== 'public')) {
      const before = await databaseSnapshot(server.db);
      const where = `${route.method} ${route.url}`;
      // Every other kind of session: a visitor's or an admin's on a ward route, and so on.
      const wrongKinds = { ward: [visitor, admin], visitor: [tablet, admin], admin: [tablet, visitor] }[route.access as 'ward' | 'visitor' | 'admin'];
      const path = pathOf(route.url);
      for (const [who, answer] of [
        ['no cookie', await anonymous.request(route.method, path, bodyFor(route.method))],
        ['a made-up cookie', await anonymous.request(route.method, path, bodyFor(route.method), { cookie: `${madeUp.cookie}; wvv_admin=made-up` })],
        ['one wrong kind of session', await wrongKinds[0]!.request(route.method, path, bodyFor(route.method))],
        ['another wrong kind of session', await wrongKinds[1]!.request(route.method, path, bodyFor(route.method))],
      ] as const) {
        expect(answer.status, `${where}, ${who}`).toBe(401);
        expect(answer.body.error.code).toBe(route.access === 'visitor' ? 'not_joined' : 'not_signed_in');
        expect(answer.body.error.message).toMatch(/^[A-Z].+\.$/);
      }
      expect(await databaseSnapshot(server.db), where).toEqual(before);
    }
  });

  // Hazard H02: a ward sees and starts only its own visits
  it("keeps one ward's visits from another ward's session on every ward route", async () => {
    const before = await databaseSnapshot(server.db);
    for (const route of server.app.routes.filter((r) => r.access === 'ward')) {
      await otherWard.signIn('WARD2', '654321'); // DELETE /api/session signs it out on the way round
      const answer = await otherWard.request(route.method, pathOf(route.url), bodyFor(route.method));
      if (route.url.includes(':id')) expect(answer.status, route.url).toBe(404);
      if (route.url === '/api/commands') expect(answer.status).toBe(404);
      expect(JSON.stringify(answer.body), `${route.method} ${route.url}`).not.toContain(linked.visit.id);
      expect(JSON.stringify(answer.body)).not.toContain(linked.visit.patientName);
    }
    // Ward B's own sign-out and its refused cancel are the only changes: ward A's rows are as they were.
    const after = await databaseSnapshot(server.db);
    expect(after.visits!.find((row) => row.id === linked.visit.id)).toEqual(before.visits!.find((row) => row.id === linked.visit.id));
  });

  it('changes nothing on GET, for anyone', async () => {
    const tablet = await signedInDemoWard(server);
    const before = await databaseSnapshot(server.db);
    for (const route of server.app.routes.filter((r) => r.method === 'GET')) {
      for (const caller of [tablet, visitor, admin, new ApiClient(server.url)]) {
        expect((await caller.request('GET', pathOf(route.url))).status, route.url).toBeLessThan(500);
      }
    }
    expect(await databaseSnapshot(server.db)).toEqual(before);
  });

  it('refuses every route that changes something when another website sends it, whoever is signed in', async () => {
    const tablet = await signedInDemoWard(server);
    const callers = { public: tablet, ward: tablet, visitor, admin };
    const before = await databaseSnapshot(server.db);
    for (const route of server.app.routes.filter((r) => r.method !== 'GET')) {
      for (const headers of [{ origin: 'https://evil.example' }, { 'sec-fetch-site': 'cross-site' }, { origin: 'null' }] as Record<string, string>[]) {
        const answer = await callers[route.access].request(route.method, pathOf(route.url), route.method === 'DELETE' ? undefined : {}, headers);
        expect(answer.status, `${route.method} ${route.url} ${JSON.stringify(headers)}`).toBe(403);
        expect(answer.body.error).toEqual({ code: 'cross_site', message: 'Requests from other websites are not allowed.' });
      }
    }
    expect(await databaseSnapshot(server.db)).toEqual(before);
  });

  it('answers an address that is no route with 404 in words', async () => {
    const answer = await new ApiClient(server.url).request('POST', '/api/wipe-everything', {});
    expect(answer.status).toBe(404);
    expect(answer.body.error.message).toMatch(/^[A-Z].+\.$/);
  });
});

describe('every socket', () => {
  it('is refused at the handshake on every namespace without a session, or from another website', async () => {
    const namespaces = [...server.app.relay._nsps.keys()].sort();
    expect(namespaces).toEqual(['/', '/call']);
    for (const namespace of namespaces) {
      for (const options of [{}, { auth: { as: 'visitor' } }, { extraHeaders: { cookie: linked.cookie, origin: 'http://evil.example' } }]) {
        const socket = io(`${server.url}${namespace}`, { transports: ['websocket'], reconnection: false, ...options });
        const refused = await new Promise<boolean>((resolve) => {
          socket.on('connect', () => resolve(false));
          socket.on('connect_error', () => resolve(true));
        });
        socket.close();
        expect(refused, `${namespace} ${JSON.stringify(options)}`).toBe(true);
      }
    }
  });

  it("refuses every tablet event from a visitor and every visitor-only event from a tablet, changing nothing", async () => {
    const scene = await visitorWaiting(sockets, linked);
    const before = await databaseSnapshot(server.db);
    const cases: [typeof scene.ward, string][] = [
      ...Object.keys(tabletEvents).filter((event) => !(event in visitorEvents)).map((event) => [scene.visitor, event] as [typeof scene.ward, string]),
      ...Object.keys(visitorEvents).filter((event) => !(event in tabletEvents)).map((event) => [scene.ward, event] as [typeof scene.ward, string]),
    ];
    expect(cases.length).toBeGreaterThanOrEqual(7);
    for (const [socket, event] of cases) {
      const refusal = next(socket, 'call-error');
      socket.emit(event, { participantId: scene.participantId, visitId: linked.visit.id, name: 'Mallory' });
      expect(await refusal, event).toMatchObject({ code: 'invalid_event' });
    }
    expect(await databaseSnapshot(server.db)).toEqual(before);
  });

  // Hazard H02: a ward sees and starts only its own visits
  it("does not let a visitor's session reach another visit's call, or a ward start another ward's visit", async () => {
    const otherVisit = (await otherWard.list()).body.visits[0]!;
    const wardB = await sockets.connect({ cookie: otherWard.cookieHeader });
    const refused = next(wardB, 'call-error');
    wardB.emit('start', { visitId: linked.visit.id });
    expect(await refused).toMatchObject({ code: 'not_found' });
    // Ward B's tablet waits in its own visit; A's visitor joining is seen only by A's room.
    const room = next(wardB, 'room');
    wardB.emit('start', { visitId: otherVisit.id });
    await room;
    const heard: unknown[] = [];
    wardB.on('participant', (participant) => heard.push(participant));
    const scene = await visitorWaiting(sockets, linked);
    expect(scene.participantId).toMatch(/^[0-9a-f-]{36}$/);
    expect(heard).toEqual([]);
    expect(await visitorCookie(server, linked.token)).toMatch(/^wvv_visitor=/);
  });
});
