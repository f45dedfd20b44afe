import type { Server } from 'socket.io';
import type { ZodType } from 'zod';
import { CALL_NAMESPACE, type CallError } from '../../shared/index.js';
import { tabletEvents, visitorEvents } from '../../shared/call-events.js';
import { closedElsewhere, graceRanOut, linkReplaced, nodeGone, visitorGone } from './call-endings.js';
import { CallRooms, callRoomKind } from './call-rooms.js';
import { identify, type Identity } from './identify.js';
import { EventBudget } from './rate-limit.js';
import { copyOf, tabletWait, visitorWait, visitRoom, visitorsRoom, type CallNamespace, type CallRelayDeps, type CallSocket, type RelayCore, type SocketSide } from './relay-core.js';
import { joinSessionRoom, SESSION_FULL } from './session-sockets.js';
import { handleTabletEvents } from './tablet-events.js';
import { handleVisitorEvents } from './visitor-events.js';
import { whenLost } from './grace-timers.js';

export type { CallRelayDeps } from './relay-core.js';

export interface CallRelay {
  /** Stops this node's grace periods, closes every call socket, and waits for what that set going. */
  close(): Promise<void>;
  /** Rooms held: each is let go once nobody is in it, or its visit closes. */
  roomCount(): Promise<number>;
}

/** How long closing waits for the work its disconnects set going (a grace period written down for another node). */
const CLOSE_WAIT_MS = 2_000;

/**
 * The call relay: one room per visit, the tablet and up to three visitor devices. It admits
 * only who the ward admits, forwards signals opaque between the tablet and its admitted
 * visitors only, stamps each signal's sender from its own record, and records the visit's
 * call steps (ready, in progress, completed) from what it sees. The rooms and grace periods
 * are live state (live/): in this node's memory, or in Redis so that any node can carry a
 * visit whose devices are on different nodes, and a node can stop mid-call.
 */
export function registerCallRelay(io: Server, deps: CallRelayDeps): CallRelay {
  const nsp = io.of(CALL_NAMESPACE) as unknown as CallNamespace;
  const core: RelayCore = {
    deps,
    nsp,
    rooms: new CallRooms(deps.live.records(callRoomKind)),
    deadlines: deps.live.deadlines(deps.context.config.callGraceMs, deps.logError),
    node: deps.node,
  };
  const pending = new Set<Promise<void>>();
  /** Work no socket request waits for: logged if it fails, and waited for on close. */
  const track = (work: Promise<void>) => {
    const tracked = work.catch(deps.logError).finally(() => pending.delete(tracked));
    pending.add(tracked);
  };
  core.deadlines.onDue((key) => graceRanOut(core, key));
  core.node.onNodeGone((visitId, node) => nodeGone(core, visitId, node));

  nsp.use(async (socket, next) => {
    try {
      const identity = await identify(socket, deps);
      if ('code' in identity) return next(Object.assign(new Error(identity.code), { data: identity }));
      // Sign-out or revocation of the tablet's session closes this socket too (see createRelay).
      if (!joinSessionRoom(nsp, socket, identity)) return next(Object.assign(new Error(SESSION_FULL.code), { data: SESSION_FULL }));
      socket.data = identity;
      next();
    } catch (error) {
      deps.logError(error);
      next(new Error('relay_error'));
    }
  });

  deps.events.onVisitsChanged((_wardId, visits) => track(closedElsewhere(core, visits)));
  deps.events.onLinkReplaced((visitId) => linkReplaced(core, visitId));

  nsp.on('connection', (socket) => {
    const identity = socket.data as Identity;
    // Heartbeats included, so a tablet that goes silent can be dated to when it was last heard.
    let lastHeard = deps.context.now();
    const heard = () => void (lastHeard = deps.context.now());
    if (identity.role === 'ward') socket.conn.on('packet', heard);
    if (identity.role === 'visitor' && identity.visitId) void socket.join(visitorsRoom(identity.visitId));
    let leaving = false;

    if (identity.role === 'ward') handleTabletEvents(core, socketSide(core, socket, identity, tabletEvents));
    else {
      handleVisitorEvents(core, socketSide(core, socket, identity, visitorEvents), () => {
        leaving = true;
        socket.disconnect(true);
      });
    }

    socket.on('disconnect', (reason) => {
      socket.conn.off('packet', heard);
      const lostAt = whenLost(reason, lastHeard, deps.context.now());
      track(identity.role === 'visitor' ? visitorDropped(core, socket.id, identity, leaving) : tabletDropped(core, socket.id, identity, lostAt));
    });
  });

  return {
    roomCount: () => core.rooms.count(),
    async close() {
      core.deadlines.close();
      core.node.close();
      // The root namespace's disconnect does not reach these; an open one would hold the HTTP server open.
      // This node's own, at once: through the Redis adapter `disconnectSockets` would go out to
      // every node and come back later, after Redis is closed.
      for (const socket of nsp.sockets.values()) socket.disconnect(true);
      const waited = new Promise((done) => setTimeout(done, CLOSE_WAIT_MS).unref());
      await Promise.race([Promise.all(pending), waited]);
    },
  };
}

/** A visitor's socket dropped: "Leave" is final, and so is a drop while only waiting; one in the call may come back. */
async function visitorDropped(core: RelayCore, socketId: string, identity: Identity, leaving: boolean): Promise<void> {
  const visitId = identity.visitId;
  const member = visitId ? await core.rooms.changeIfAny(visitId, (room) => copyOf(room.away(socketId))) : undefined;
  if (!member || !visitId) return;
  // Straight to "left": the ward's tablets never show someone who left as reconnecting.
  if (leaving || member.state === 'waiting') return visitorGone(core, visitId, member.id);
  await core.deps.presence.away(visitId, member.id);
  await core.deadlines.start(visitorWait(visitId, member.id));
}

/**
 * A tablet that drops keeps the room: visitors wait, and the visit stays open, until it comes
 * back, ends the visit, or the grace period runs out, on whichever node sees it first.
 */
async function tabletDropped(core: RelayCore, socketId: string, identity: Identity, lostAt: Date): Promise<void> {
  const visitId = identity.visitId;
  if (!visitId) return;
  const lost = await core.rooms.changeIfAny(visitId, (room) => {
    if (room.tabletSocketId !== socketId) return false;
    Object.assign(room, { tabletSocketId: null, tabletLostAt: lostAt.getTime() });
    return true;
  });
  if (!lost) return;
  core.nsp.to(visitRoom(visitId)).emit('ward-away');
  await core.deadlines.start(tabletWait(visitId));
}

/** Every message spends from the socket's budget, is checked against its schema, and any failure is logged and answered. */
function socketSide<Events extends Record<string, ZodType>>(core: RelayCore, socket: CallSocket, identity: Identity, allowed: Events): SocketSide<Events> {
  const { deps } = core;
  const budget = new EventBudget(Date.now());
  const refuse = (error: CallError): void => {
    deps.metrics?.relayRefusal(error.code);
    socket.emit('call-error', error);
  };
  const withinBudget = (): boolean => {
    deps.metrics?.relayMessage(CALL_NAMESPACE);
    if (budget.take(Date.now())) return true;
    // A socket that floods on is cut off.
    if (budget.flooding) socket.disconnect(true);
    else refuse({ code: 'rate_limited', message: 'Too many messages. Slow down.' });
    return false;
  };
  // Anything not declared for this role is refused, and changes nothing.
  socket.onAny((event: string) => {
    // Own keys only: "__proto__" and "constructor" are "in" every object.
    // The name is not repeated back: it is whatever the sender typed.
    if (Object.hasOwn(allowed, event) || !withinBudget()) return;
    refuse({ code: 'invalid_event', message: 'That is not a message you can send.' });
  });
  return {
    socket,
    identity,
    refuse,
    on(event, handle) {
      socket.on(event as string, (payload: unknown) => {
        if (!withinBudget()) return;
        const parsed = allowed[event]!.safeParse(payload);
        if (!parsed.success) return refuse({ code: 'invalid_event', message: `The "${event}" message is not valid.` });
        Promise.resolve(handle(parsed.data as never)).catch((error: unknown) => {
          deps.logError(error);
          refuse({ code: 'not_allowed', message: 'That could not be done. Try again.' });
        });
      });
    },
  };
}
