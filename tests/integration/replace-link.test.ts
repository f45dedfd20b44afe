import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiClient, book, signedInDemoWard } from '../helpers/api-client.js';
import type { TestServer } from '../helpers/server.js';
import { next, startCallTestBed, visitorWaiting, type CallSockets, type CallTestBed, type LinkedVisit } from './call-sockets.js';

/** Issue 12: "Make a new link" for a link sent to the wrong person. */

let bed: CallTestBed;
let server: TestServer;
let sockets: CallSockets;
let linked: LinkedVisit;
let tablet: ApiClient;

beforeEach(async () => {
  bed = await startCallTestBed();
  ({ server, sockets, linked } = bed);
  tablet = await signedInDemoWard(server);
});
afterEach(() => bed.close());

const replace = (client: ApiClient, visitId: string) => client.request('POST', `/api/visits/${visitId}/join-link`, {});
const tokenOf = (url: string) => url.split('/visit/')[1]!;

describe('making a new link', () => {
  // Hazard H01: nobody joins a call until the ward checks and admits them
  // Hazard H08: a forwarded link lets nobody in by itself
  it('stops the old link at once, signs out whoever opened it and closes their call socket; the new link works', async () => {
    const wrongPerson = new ApiClient(server.url);
    expect((await wrongPerson.openVisit(linked.token)).status).toBe(200);
    const scene = await visitorWaiting(sockets, linked);
    const closed = next(scene.visitor, 'disconnect');

    const answer = await replace(tablet, linked.visit.id);
    expect(answer.status).toBe(200);
    const newToken = tokenOf(answer.body.url);
    expect(newToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newToken).not.toBe(linked.token);

    expect(await closed).toBe('io server disconnect');
    const oldLink = await new ApiClient(server.url).openVisit(linked.token);
    expect(oldLink.status).toBe(404);
    expect(oldLink.body.error.code).toBe('link_not_found');
    expect((await wrongPerson.request('GET', '/api/visitor-session')).status).toBe(401);
    expect((await new ApiClient(server.url).openVisit(newToken)).status).toBe(200);
    // Staff are shown the new link from now on, on every tablet.
    expect((await tablet.request('GET', `/api/visits/${linked.visit.id}/join-link`)).body.url).toBe(answer.body.url);
    expect(scene.ward.connected).toBe(true);
  });

  it("is refused for another ward's visit, an unknown one, and a cancelled one, in words, changing nothing", async () => {
    await server.addWard('WARD2', '654321');
    const otherWard = new ApiClient(server.url);
    await otherWard.signIn('WARD2', '654321');
    expect((await replace(otherWard, linked.visit.id)).status).toBe(404);
    expect((await replace(tablet, crypto.randomUUID())).status).toBe(404);
    expect((await replace(tablet, 'not-an-id')).status).toBe(404);
    expect((await new ApiClient(server.url).openVisit(linked.token)).status).toBe(200);

    const visit = (await tablet.send(book({ date: '2026-11-22', time: '10:00' }))).body.visits[0]!;
    await tablet.send({ type: 'cancel', key: crypto.randomUUID(), visitId: visit.id, baseVersion: 1, reason: 'Discharged' });
    const refused = await replace(tablet, visit.id);
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toBe('This visit has been cancelled, so its link no longer works anyway.');
  });
});
