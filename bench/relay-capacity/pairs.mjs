// One visit's call as the relay sees it: a tablet socket and a visitor socket, the visitor
// admitted, the tablet echoing whatever the visitor signals. Made against the product (real
// sign-in, bookings, join links, visitor sessions, start, join, admit) or the bare relay.
import { join, resolve } from 'node:path';
import { io } from 'socket.io-client';

const root = resolve(import.meta.dirname, '../..');
const { instantToLocal } = await import(join(root, 'dist/node/shared/index.js'));
const { DEMO_WARD } = await import(join(root, 'dist/node/server/store/seed-demo.js'));

/** A tablet session holds at most this many sockets per namespace (relay/session-sockets.ts). */
const SOCKETS_PER_SESSION = 8;
const SETUP_AT_ONCE = 25;

const once = (socket, event) => new Promise((resolve) => socket.once(event, resolve));
function connect(url, options) {
  const socket = io(`${url}/call`, { transports: ['websocket'], reconnection: false, ...options });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

/** Runs `make(i)` for 0..count-1, a few at a time; failures are counted, and each kind printed once. */
async function inBatches(count, make) {
  const made = [];
  const reasons = new Set();
  let failed = 0;
  for (let start = 0; start < count; start += SETUP_AT_ONCE) {
    const batch = Array.from({ length: Math.min(SETUP_AT_ONCE, count - start) }, (_, k) => make(start + k));
    for (const result of await Promise.allSettled(batch)) {
      if (result.status === 'fulfilled') made.push(result.value);
      else failed++, reasons.add(String(result.reason?.message ?? result.reason));
    }
  }
  for (const reason of reasons) console.error(`a visit could not be set up: ${reason}`);
  return { made, failed };
}

async function post(url, path, body, cookie) {
  const response = await fetch(url + path, { method: 'POST', headers: { 'content-type': 'application/json', ...(cookie && { cookie }) }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return { body: await response.json(), cookie: response.headers.get('set-cookie')?.split(';')[0] };
}

/** Tablets connect to `tabletNode`, visitors to `visitorNode` (the same node, or another through Redis). */
export async function productPairs(tabletNode, visitorNode, count) {
  const sessions = [];
  for (let i = 0; i < Math.ceil(count / SOCKETS_PER_SESSION); i++) sessions.push((await post(tabletNode, '/api/session', { wardCode: DEMO_WARD.wardCode, pin: DEMO_WARD.pin })).cookie);
  const { date, time } = instantToLocal(new Date(Date.now() + 5 * 60_000), 'Europe/London');
  return inBatches(count, async (i) => {
    const cookie = sessions[Math.floor(i / SOCKETS_PER_SESSION)];
    const fields = { patientName: `Patient ${i}`, bed: null, visitorName: 'Visitor', visitorMobile: null, visitorEmail: null, date, time, lengthMinutes: 60, repeatDays: 1 };
    const visit = (await post(tabletNode, '/api/commands', { type: 'book', key: crypto.randomUUID(), visitIds: [crypto.randomUUID()], fields }, cookie)).body.visits[0];
    const link = await (await fetch(`${tabletNode}/api/visits/${visit.id}/join-link`, { headers: { cookie } })).json();
    const visitorCookie = (await post(visitorNode, '/api/visitor-session', { token: link.url.split('/visit/')[1] })).cookie;
    const tablet = await connect(tabletNode, { extraHeaders: { cookie } });
    const room = once(tablet, 'room');
    tablet.emit('start', { visitId: visit.id });
    await room;
    const visitor = await connect(visitorNode, { extraHeaders: { cookie: visitorCookie }, auth: { as: 'visitor' } });
    const waiting = once(tablet, 'participant');
    visitor.emit('join', { name: 'Visitor' });
    const { id: participantId } = await waiting;
    const admitted = once(visitor, 'admitted');
    tablet.emit('admit', { participantId });
    const { pairingId } = await admitted;
    tablet.on('signal', ({ from, data }) => tablet.emit('signal', { to: from, pairingId, data }));
    return { sockets: [tablet, visitor], send: (data) => visitor.emit('signal', { pairingId, data }), onEcho: (listener) => visitor.on('signal', ({ data }) => listener(data)) };
  });
}

export function barePairs(tabletNode, visitorNode, count) {
  return inBatches(count, async (i) => {
    const tablet = await connect(tabletNode, { query: { room: `visit-${i}` } });
    const visitor = await connect(visitorNode, { query: { room: `visit-${i}` } });
    tablet.on('signal', (data) => tablet.emit('signal', data));
    return { sockets: [tablet, visitor], send: (data) => visitor.emit('signal', data), onEcho: (listener) => visitor.on('signal', listener) };
  });
}
