import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ZodType } from 'zod';
import { SOCKET_MESSAGE_MAX_BYTES } from '../../src/shared/index.js';
import { tabletEvents, visitorEvents } from '../../src/shared/call-events.js';
import { changedTables, databaseSnapshot as snapshot, rowsWritten } from '../helpers/database-snapshot.js';
import { badEmits, badPackets, nextAnswer, seenByServer, sendBad, unknownEventNames } from '../helpers/malformed-socket.js';
import { startServer } from '../helpers/server.js';
import { CallSockets, next, visitWithLink, visitorCookie, visitorWaiting, type CallScene, type LinkedVisit } from './call-sockets.js';
import { TEST_MORNING } from '../helpers/test-clock.js';

/**
 * Issue 6: generated bad messages for every event of the call relay (listed from the shared
 * protocol, so a new event is fuzzed without touching this file), from the side that may send
 * it, and events no one may send. Each must come back as a `call-error`, never crash the
 * server, never drop the connection (unless socket.io's own size limit does), never write.
 */

/** The floor per event. */
const PAYLOADS_PER_EVENT = 500;
/** A fresh socket this often: under the relay's burst of 120 a socket, so its rate limit never answers instead of validation. */
const PAYLOADS_PER_SOCKET = 100;
/** One payload in this many is a hand-written packet: nesting no client library would send. */
const RAW_PACKET_ONE_IN = 10;
/** Messages within this share of socket.io's size limit must be answered by the relay, not cut off. */
const SURELY_UNDER_THE_LIMIT = 0.9;
const RUN_TIMEOUT_MS = 120_000;

let clock = new Date(TEST_MORNING);
const server = await startServer({ now: () => clock });
const sockets = new CallSockets(server);
let linked: LinkedVisit;
let scene: CallScene;
let visitorSession: string;
let tablesAtStart: Awaited<ReturnType<typeof snapshot>>;
/** Visitor sockets made here (CallSockets keeps the tablets'), all closed at the end. */
const visitorSockets: Socket[] = [];

beforeAll(async () => {
  linked = await visitWithLink(server, (at) => (clock = at));
  scene = await visitorWaiting(sockets, linked);
  visitorSession = await visitorCookie(server, linked.token);
  tablesAtStart = await snapshot(server.db);
});
afterAll(async () => {
  sockets.closeAll();
  for (const socket of visitorSockets) socket.close();
  await server.close();
});

/** Messages a sender could get right, from which the malformed ones are made. */
function validSample(event: string): unknown {
  const pairing = { participantId: scene.participantId, pairingId: randomUUID() };
  const samples: Record<string, unknown> = {
    start: { visitId: linked.visit.id },
    admit: { participantId: scene.participantId },
    signal: { to: scene.participantId, pairingId: pairing.pairingId, data: { type: 'offer', sdp: 'v=0' } },
    connected: pairing,
    interrupted: pairing,
    join: { name: 'Sam' },
  };
  return structuredClone(Object.hasOwn(samples, event) ? samples[event] : {});
}

/** A tablet that has started the visit, with Sam waiting; or a visitor that has joined. */
async function readySocket(role: 'tablet' | 'visitor'): Promise<Socket> {
  if (role === 'tablet') {
    const tablet = await sockets.connect({ cookie: linked.cookie });
    const room = next(tablet, 'room');
    tablet.emit('start', { visitId: linked.visit.id });
    await room;
    return tablet;
  }
  const visitor = await connectVisitor();
  const joined = Promise.race([next(visitor, 'joined'), next(visitor, 'call-error').then((error) => Promise.reject(new Error(JSON.stringify(error))))]);
  visitor.emit('join', { name: 'Fuzz' });
  await joined;
  return visitor;
}

function connectVisitor(): Promise<Socket> {
  const socket = io(`${server.url}/call`, { transports: ['websocket'], reconnection: false, extraHeaders: { cookie: visitorSession }, auth: { as: 'visitor' } });
  visitorSockets.push(socket);
  return new Promise((resolve, reject) => {
    socket.on('connect', () => resolve(socket));
    socket.on('connect_error', reject);
  });
}

/**
 * Sends each generated message as `role` and checks the relay's answer, the database after
 * each, and at the end every table, and that a new tablet can still start the visit.
 */
async function fuzz(role: 'tablet' | 'visitor', events: fc.Arbitrary<string>, schemaOf: (event: string) => ZodType | undefined) {
  const tablesBefore = await snapshot(server.db);
  let socket = await readySocket(role);
  let sentOnSocket = 0;
  let answered = 0;
  const messages = events.chain((event) =>
    fc
      .oneof({ weight: RAW_PACKET_ONE_IN - 1, arbitrary: badEmits(() => validSample(event)) }, { weight: 1, arbitrary: badPackets(() => validSample(event)) })
      .map((bad) => ({ event, bad, seen: seenByServer(event, bad) }))
      // A message the event's schema takes is not bad input, and acting on it is right.
      .filter(({ seen }) => seen !== undefined && !schemaOf(event)?.safeParse(seen.args[0]).success),
  );
  try {
    await fc.assert(
      fc.asyncProperty(messages, async ({ event, bad, seen }) => {
        if (sentOnSocket >= PAYLOADS_PER_SOCKET || !socket.connected) {
          socket.close();
          socket = await readySocket(role);
          sentOnSocket = 0;
        }
        const writesBefore = await rowsWritten(server.db);
        const answer = nextAnswer(socket);
        sendBad(socket, event, bad);
        sentOnSocket++;
        const got = await answer;
        const said = `${event} (${seen!.bytes} bytes): ${JSON.stringify(got)}`;
        if (seen!.bytes < SOCKET_MESSAGE_MAX_BYTES * SURELY_UNDER_THE_LIMIT) {
          expect(got, said).toEqual({ kind: 'call-error', code: 'invalid_event', message: expect.stringMatching(/^[\s\S]+\.$/) });
          answered++;
        } else {
          expect(got.kind, said).not.toBe('nothing');
        }
        expect(await rowsWritten(server.db), `${said} wrote to the database`).toBe(writesBefore);
      }),
      { numRuns: PAYLOADS_PER_EVENT },
    );
  } finally {
    // A visit takes three visitor devices: one left open would refuse the next run's.
    socket.close();
  }
  expect(answered).toBeGreaterThan(PAYLOADS_PER_EVENT / 2);
  expect(changedTables(tablesBefore, await snapshot(server.db))).toEqual([]);
  await expectStillServing();
}

/** A new tablet socket connects and starts the visit: the relay survived. */
async function expectStillServing() {
  const tablet = await readySocket('tablet');
  expect(tablet.connected).toBe(true);
  tablet.close();
}

const tabletOnly = Object.keys(tabletEvents).filter((event) => !Object.hasOwn(visitorEvents, event));
const visitorOnly = Object.keys(visitorEvents).filter((event) => !Object.hasOwn(tabletEvents, event));
const schemaIn = (events: Record<string, ZodType>) => (event: string) => (Object.hasOwn(events, event) ? events[event] : undefined);

it('fuzzes every event of both sides', () => {
  expect(Object.keys(tabletEvents)).toEqual(expect.arrayContaining(['start', 'admit', 'signal', 'end']));
  expect(Object.keys(visitorEvents)).toEqual(expect.arrayContaining(['join', 'signal', 'leave']));
});

describe('the tablet sends', () => {
  it.each(Object.keys(tabletEvents))(`${PAYLOADS_PER_EVENT} malformed "%s" messages`, (event) => fuzz('tablet', fc.constant(event), schemaIn(tabletEvents)), RUN_TIMEOUT_MS);
  it(`${PAYLOADS_PER_EVENT} events no one declared`, () => fuzz('tablet', unknownEventNames(tabletEvents), () => undefined), RUN_TIMEOUT_MS);
  it(`${PAYLOADS_PER_EVENT} visitor events (${visitorOnly.join(', ')})`, () => fuzz('tablet', fc.constantFrom(...visitorOnly), () => undefined), RUN_TIMEOUT_MS);
});

describe('a visitor sends', () => {
  it.each(Object.keys(visitorEvents))(`${PAYLOADS_PER_EVENT} malformed "%s" messages`, (event) => fuzz('visitor', fc.constant(event), schemaIn(visitorEvents)), RUN_TIMEOUT_MS);
  it(`${PAYLOADS_PER_EVENT} events no one declared`, () => fuzz('visitor', unknownEventNames(visitorEvents), () => undefined), RUN_TIMEOUT_MS);
  // Well-formed ones too: a visitor may not start, admit or end a visit whatever it sends.
  it(`${PAYLOADS_PER_EVENT} tablet events (${tabletOnly.join(', ')})`, () => fuzz('visitor', fc.constantFrom(...tabletOnly), () => undefined), RUN_TIMEOUT_MS);
});

describe('the root namespace, which takes no events', () => {
  it(`${PAYLOADS_PER_EVENT} messages from a signed-in tablet go unanswered and change nothing`, async () => {
    const tablesBefore = await snapshot(server.db);
    // A connection of its own: socket.io-client would otherwise reuse the first /call socket's.
    const root = io(server.url, { transports: ['websocket'], reconnection: false, forceNew: true, extraHeaders: { cookie: linked.cookie } });
    await next(root, 'connect');
    const heard: string[] = [];
    root.onAny((event: string) => heard.push(event));
    const declared = { ...tabletEvents, ...visitorEvents };
    const events = fc.oneof(fc.constantFrom(...Object.keys(declared)), unknownEventNames(declared));
    const messages = events.chain((event) => badEmits(() => validSample(event)).map((bad) => ({ event, bad, seen: seenByServer(event, bad) })));
    let sent = 0;
    fc.assert(
      fc.property(messages.filter(({ seen }) => seen !== undefined && seen.bytes < SOCKET_MESSAGE_MAX_BYTES * SURELY_UNDER_THE_LIMIT), ({ event, bad }) => {
        sendBad(root, event, bad);
        sent++;
      }),
      { numRuns: PAYLOADS_PER_EVENT },
    );
    // The same connection carries /call, and packets are handled in order: an answer there comes after all of the above.
    // The manager connects it itself (calling connect() too would ask twice).
    const call = root.io.socket('/call');
    await next(call, 'connect');
    const answer = nextAnswer(call);
    call.emit('not-an-event', {});
    expect((await answer).kind).toBe('call-error');
    expect(sent).toBe(PAYLOADS_PER_EVENT);
    expect(root.connected).toBe(true);
    expect(heard).toEqual([]);
    expect(changedTables(tablesBefore, await snapshot(server.db))).toEqual([]);
    call.close();
    root.close();
  }, RUN_TIMEOUT_MS);
});

it('leaves the visit as it was, and the relay serving', async () => {
  expect(changedTables(tablesAtStart, await snapshot(server.db))).toEqual([]);
  expect(scene.visitor.connected).toBe(true);
  await expectStillServing();
});
