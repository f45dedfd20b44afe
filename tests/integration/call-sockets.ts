import { expect } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import type { Visit } from '../../src/shared/index.js';
import { ApiClient, book, signedInDemoWard } from '../helpers/api-client.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { testClock } from '../helpers/test-clock.js';

/** Sockets to the call relay for one test, all closed at its end. */
export class CallSockets {
  private readonly open: Socket[] = [];

  constructor(readonly server: TestServer) {}

  /**
   * A tablet by its session cookie, or a visitor by their link's token (swapped for a visitor
   * session first, as the page does) or by a visitor session cookie already swapped.
   */
  async connect(options: { cookie?: string; token?: string; visitorCookie?: string }): Promise<Socket> {
    const asVisitor = options.token !== undefined || options.visitorCookie !== undefined;
    const cookie = options.token ? await visitorCookie(this.server, options.token) : (options.visitorCookie ?? options.cookie);
    const socket = io(`${this.server.url}/call`, {
      transports: ['websocket'],
      reconnection: false,
      extraHeaders: cookie ? { cookie } : {},
      auth: asVisitor ? { as: 'visitor' } : {},
    });
    this.open.push(socket);
    return new Promise((resolve, reject) => {
      socket.on('connect', () => resolve(socket));
      socket.on('connect_error', (error) => reject(error));
    });
  }

  /** Drops a socket's connection as lost Wi-Fi would, and waits until the relay has seen it go. */
  async drop(socket: Socket): Promise<void> {
    const id = socket.id!;
    socket.io.engine.close();
    await expect.poll(() => this.server.app.relay.of('/call').sockets.has(id)).toBe(false);
  }

  closeAll(): void {
    for (const socket of this.open.splice(0)) socket.close();
  }
}

/** The visitor session cookie for a link's token; throws with the server's error code if it is refused. */
export async function visitorCookie(server: TestServer, token: string): Promise<string> {
  const visitor = new ApiClient(server.url);
  const answer = await visitor.openVisit(token);
  if (answer.status !== 200) throw new Error(answer.body?.error?.code ?? `status ${answer.status}`);
  return visitor.cookieHeader;
}

export function next<T = any>(socket: Socket, event: string): Promise<T> {
  return new Promise((resolve) => socket.once(event, resolve));
}

/** Resolves with what arrived for the event within the wait, or 'nothing'. */
export function within<T = any>(socket: Socket, event: string, ms = 300): Promise<T | 'nothing'> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve('nothing'), ms);
    socket.once(event, (payload: T) => {
      clearTimeout(timer);
      resolve(payload);
    });
  });
}

export interface LinkedVisit {
  visit: Visit;
  token: string;
  /** A ward session cookie live at the visit's time. */
  cookie: string;
}

/**
 * Books a visit at 14:30 on 21 November GMT and its join link, then moves the clock to 14:20
 * so the link is open, signing in again as the shift has moved on.
 */
export async function visitWithLink(server: TestServer, setClock: (at: Date) => void): Promise<LinkedVisit> {
  const tablet = await signedInDemoWard(server);
  const visit = (await tablet.send(book({ date: '2026-11-21', time: '14:30' }))).body.visits[0]!;
  const url: string = (await tablet.request('GET', `/api/visits/${visit.id}/join-link`)).body.url;
  setClock(new Date('2026-11-21T14:20:00Z'));
  const signIn = await tablet.signIn(server.demo.wardCode, server.demo.pin);
  return { visit, token: url.split('/visit/')[1]!, cookie: signIn.headers.get('set-cookie')!.split(';')[0]! };
}

export interface CallScene {
  ward: Socket;
  visitor: Socket;
  participantId: string;
}

/** The tablet starts the visit and a visitor ("Sam" unless named) joins and waits. */
export async function visitorWaiting(sockets: CallSockets, linked: LinkedVisit, name = 'Sam'): Promise<CallScene> {
  const ward = await sockets.connect({ cookie: linked.cookie });
  const room = next(ward, 'room');
  ward.emit('start', { visitId: linked.visit.id });
  await room;
  const visitor = await sockets.connect({ token: linked.token });
  const waiting = next(ward, 'participant');
  visitor.emit('join', { name });
  const participantId: string = (await waiting).id;
  return { ward, visitor, participantId };
}

/**
 * ...then the tablet lets them in to the identity check, reports media connected (the visit is
 * in progress), and says the check is done: they are in the call.
 */
export async function visitorInCall(sockets: CallSockets, linked: LinkedVisit): Promise<CallScene & { pairingId: string }> {
  const scene = await visitorWaiting(sockets, linked);
  const admitted = next(scene.visitor, 'admitted');
  scene.ward.emit('admit', { participantId: scene.participantId });
  const { pairingId, checking } = await admitted;
  expect(checking).toBe(true);
  scene.ward.emit('connected', { participantId: scene.participantId, pairingId });
  await expect.poll(async () => (await callTimes(sockets.server, linked.visit.id)).status).toBe('in-progress');
  const checked = next(scene.visitor, 'checked');
  const inCall = next(scene.ward, 'participant');
  scene.ward.emit('checked', { participantId: scene.participantId });
  await checked;
  expect(await inCall).toMatchObject({ id: scene.participantId, state: 'admitted' });
  return { ...scene, pairingId: pairingId as string };
}

export async function callTimes(server: TestServer, visitId: string) {
  return server.db.selectFrom('visits').select(['status', 'connected_at', 'ended_at']).where('id', '=', visitId).executeTakeFirstOrThrow();
}

/** A server on a movable clock with one visit whose link is open, and sockets to its relay. */
export interface CallTestBed {
  server: TestServer;
  sockets: CallSockets;
  linked: LinkedVisit;
  /** The server's clock: set `at` to move it. */
  clock: { at: Date };
  close(): Promise<void>;
}

export async function startCallTestBed(): Promise<CallTestBed> {
  const clock = testClock();
  const server = await startServer({ now: clock.now });
  const sockets = new CallSockets(server);
  const linked = await visitWithLink(server, (at) => (clock.at = at));
  return {
    server,
    sockets,
    linked,
    clock,
    async close() {
      sockets.closeAll();
      await server.close();
    },
  };
}
