import type { Server, Socket } from 'socket.io';
import type { ZodType } from 'zod';
import {
  CALL_NAMESPACE,
  TURNED_AWAY_MESSAGE,
  joinState,
  type CallError,
  type CallServerEvents,
  type ParticipantState,
  type PresenceState,
} from '../../shared/index.js';
import { tabletEvents, visitorEvents } from '../../shared/call-events.js';
import type { IceConfig } from '../ice-config.js';
import type { Metrics } from '../metrics.js';
import type { Messaging } from '../notify/messaging.js';
import { closeInterruption, recordInterruption } from '../store/call-outages.js';
import { turnAwayVisitorSession } from '../store/visitor-sessions.js';
import { findVisit, recordCallStep, type CallStep } from '../store/visits.js';
import type { WardEvents } from '../ward-events.js';
import { CallRoom } from './call-room.js';
import { iceForParticipant } from './ice-servers.js';
import { identify, type Identity, type IdentifyDeps } from './identify.js';
import { joinSessionRoom, SESSION_FULL } from './session-sockets.js';
import type { LivePresence } from './presence.js';
import { EventBudget } from './rate-limit.js';
import { GraceTimers, whenLost } from './grace-timers.js';

type CallSocket = Socket<Record<string, (payload: unknown) => void>, CallServerEvents>;

export interface CallRelayDeps extends IdentifyDeps {
  events: WardEvents;
  /** Told what happens to each visitor device, for the ward's live presence (relay/presence.ts). */
  presence: LivePresence;
  /** Each participant gets its own TURN credential from this at start or join. */
  ice: IceConfig;
  /** Starting a visit sends the family its link ("we are ready now"). */
  messaging: Pick<Messaging, 'queue' | 'kick'>;
  /** Counts each message and refusal, for the metrics. */
  metrics?: Pick<Metrics, 'relayMessage' | 'relayRefusal'>;
  /** Where a failure outside any socket's request goes (a grace period running out). */
  logError: (error: unknown) => void;
}

export interface CallRelay {
  /** Clears the tablet grace timers, then closes every call socket: the first step of shutdown. */
  close(): void;
  /** Rooms held in memory: each is let go once nobody is in it, or its visit closes. */
  roomCount(): number;
}

/** A visit closed from outside the relay: whoever is still in its room is told, and let go. */
const CLOSED_ELSEWHERE: readonly string[] = ['cancelled', 'missed'];

const visitRoom = (visitId: string) => `visit:${visitId}`;
/** A visitor let in, as the ward's other tablets see it: talking to staff for the identity check, or in the call. */
const presenceOf = (state: ParticipantState | undefined): PresenceState => (state === 'checking' ? 'checking' : 'in-call');
/** Every visitor socket of a visit from the moment it connects, joined or not: a replaced link lets them all go. */
const visitorsRoom = (visitId: string) => `visitors:${visitId}`;

/**
 * The call relay: one room per visit, the tablet and up to three visitor devices. It admits
 * only who the ward admits, forwards signals opaque between the tablet and its admitted
 * visitors only, stamps each signal's sender from its own record, and records the visit's
 * call steps (ready, in progress, completed) from what it sees. A tablet that drops out keeps
 * its room for a grace period (see tabletLost).
 */
export function registerCallRelay(io: Server, deps: CallRelayDeps): CallRelay {
  const rooms = new Map<string, CallRoom>();
  const grace = new GraceTimers(deps.context.config.callGraceMs);
  // A visitor's phone that drops keeps its place (and its live pairing) as long as a tablet would.
  const visitorGrace = new GraceTimers(deps.context.config.callGraceMs);
  const awayKey = (visitId: string, participantId: string) => `${visitId}/${participantId}`;
  /** Gives up the place of a visitor device that did not come back; the tablet closes its peer. */
  const awayExpired = (visitId: string, participantId: string) => {
    const room = rooms.get(visitId);
    if (!room?.isAway(participantId)) return;
    room.remove(participantId);
    deps.presence.moved(visitId, participantId, 'left');
    if (room.tabletSocketId) nsp.to(room.tabletSocketId).emit('left', { participantId });
    forgetIfEmpty(visitId);
  };
  /**
   * A room nobody is in is let go, or it would outlive its visit for the life of the process: a
   * visitor who joined before the ward started and left, or a tablet lost from a visit that
   * never connected. A tablet or visitor coming back makes a new one.
   */
  const forgetIfEmpty = (visitId: string) => {
    if (rooms.get(visitId)?.empty) rooms.delete(visitId);
  };
  const roomFor = (visitId: string) => rooms.get(visitId) ?? rooms.set(visitId, new CallRoom()).get(visitId)!;
  const nsp = io.of(CALL_NAMESPACE);

  nsp.use(async (socket, next) => {
    try {
      const identity = await identify(socket, deps);
      if ('code' in identity) return next(Object.assign(new Error(identity.code), { data: identity }));
      // Sign-out or revocation of the tablet's session closes this socket too (see createRelay).
      if (!joinSessionRoom(nsp, socket, identity)) return next(Object.assign(new Error(SESSION_FULL.code), { data: SESSION_FULL }));
      socket.data = identity;
      next();
    } catch (error) {
      next(error instanceof Error ? error : new Error('relay_error'));
    }
  });

  const step = async (identity: Identity, visitId: string, which: CallStep) => {
    // The start and its "we are ready now" messages commit together (notify/queue.ts).
    const result = await deps.context.db.transaction().execute(async (trx) => {
      const recorded = await recordCallStep(trx, identity.wardId, visitId, which, deps.context.now());
      if (recorded?.changed && which === 'start') await deps.messaging.queue.changed(trx, 'ready', identity.wardId, recorded.visit);
      return recorded;
    });
    if (result?.changed) {
      deps.events.visitsChanged(identity.wardId, [result.visit]);
      if (which === 'start') deps.messaging.kick();
    }
    return result;
  };

  /**
   * The tablet has not come back within the grace period. A call that connected is ended as
   * of when the tablet went, so its duration is not padded by the wait. A visit only ready
   * (never connected) is left as it is: its visitors keep waiting for the tablet.
   */
  const tabletLost = async (wardId: string, visitId: string, lostAt: Date) => {
    if (rooms.get(visitId)?.tabletSocketId) return;
    const result = await recordCallStep(deps.context.db, wardId, visitId, 'tablet-lost', deps.context.now(), lostAt);
    // Visitors waiting for a visit that never connected keep waiting; the room goes with the last of them.
    if (!result || result.visit.status === 'ready') return forgetIfEmpty(visitId);
    if (result.changed) deps.events.visitsChanged(wardId, [result.visit]);
    nsp.to(visitRoom(visitId)).emit('ended');
    rooms.delete(visitId);
  };

  // A visit cancelled, or marked missed, while people wait in its room: they are told, and the room closes.
  deps.events.onVisitsChanged((_wardId, visits) => {
    for (const visit of visits) {
      if (!CLOSED_ELSEWHERE.includes(visit.status) || !rooms.has(visit.id)) continue;
      nsp.to(visitRoom(visit.id)).emit('ended');
      rooms.delete(visit.id);
      void nsp
        .in(visitRoom(visit.id))
        .fetchSockets()
        .then((members) => members.filter((member) => (member.data as Identity).role === 'visitor').forEach((member) => member.disconnect(true)));
    }
  });

  // A replaced link: everyone who came in by the old one is disconnected; their sessions are gone, so they cannot come back.
  deps.events.onLinkReplaced((visitId) => nsp.in(visitorsRoom(visitId)).disconnectSockets(true));

  nsp.on('connection', (raw) => {
    const socket = raw as unknown as CallSocket;
    const identity = socket.data as Identity;
    const budget = new EventBudget(Date.now());
    // Heartbeats included, so a tablet that goes silent can be dated to when it was last heard.
    let lastHeard = deps.context.now();
    const heard = () => void (lastHeard = deps.context.now());
    if (identity.role === 'ward') socket.conn.on('packet', heard);
    if (identity.role === 'visitor' && identity.visitId) void socket.join(visitorsRoom(identity.visitId));
    const refuse = (error: CallError): void => {
      deps.metrics?.relayRefusal(error.code);
      socket.emit('call-error', error);
    };
    /** Every message spends from the budget, known or not; a socket that floods on is cut off. */
    const withinBudget = (): boolean => {
      deps.metrics?.relayMessage(CALL_NAMESPACE);
      if (budget.take(Date.now())) return true;
      if (budget.flooding) socket.disconnect(true);
      else refuse({ code: 'rate_limited', message: 'Too many messages. Slow down.' });
      return false;
    };
    const allowed = identity.role === 'ward' ? tabletEvents : visitorEvents;
    let leaving = false;

    // Anything not declared for this role is refused, and changes nothing.
    socket.onAny((event: string) => {
      // Own keys only: "__proto__" and "constructor" are "in" every object.
      // The name is not repeated back: it is whatever the sender typed.
      if (Object.hasOwn(allowed, event) || !withinBudget()) return;
      refuse({ code: 'invalid_event', message: 'That is not a message you can send.' });
    });

    function on<T>(event: string, schema: ZodType<T>, handle: (payload: T) => Promise<void> | void) {
      socket.on(event, (payload: unknown) => {
        if (!withinBudget()) return;
        const parsed = schema.safeParse(payload);
        if (!parsed.success) return refuse({ code: 'invalid_event', message: `The "${event}" message is not valid.` });
        Promise.resolve(handle(parsed.data)).catch(() => refuse({ code: 'not_allowed', message: 'That could not be done. Try again.' }));
      });
    }

    if (identity.role === 'ward') {
      on('start', tabletEvents.start, async ({ visitId, pairings, held }) => {
        const visit = await findVisit(deps.context.db, identity.wardId, visitId);
        if (!visit) return refuse({ code: 'not_found', message: 'There is no visit with that id on this ward.' });
        const state = joinState(visit, deps.context.now());
        if (state === 'cancelled' || state === 'ended') {
          return refuse({ code: 'not_allowed', message: 'This visit has been cancelled or has ended.' });
        }
        // Back within the grace period (or another of the ward's tablets took over): the
        // visit carries on, and the room's waiting and admitted visitors are in "room".
        grace.cancel(visitId);
        await step(identity, visitId, 'start');
        identity.visitId = visitId;
        const room = roomFor(visitId);
        room.tabletSocketId = socket.id;
        room.onHold = held ?? false;
        await socket.join(visitRoom(visitId));
        if (!room.onHold) socket.to(visitRoom(visitId)).emit('ward-back');
        // Calls whose media kept flowing while the relay lost track (a restart): restored, not renegotiated.
        for (const { socketId, participantId, pairingId, checking } of room.restore(pairings ?? [])) {
          nsp.to(socketId).emit('admitted', { participantId, pairingId, checking });
        }
        deps.presence.restored(visitId, room.participants());
        for (const participantId of room.awayIds()) visitorGrace.start(awayKey(visitId, participantId), () => awayExpired(visitId, participantId));
        socket.emit('room', { visitId, participants: room.participants(), ...iceForParticipant(deps.ice, visit, deps.context.now()) });
      });
      const tabletRoom = () => (identity.visitId ? rooms.get(identity.visitId) : undefined);
      on('admit', tabletEvents.admit, ({ participantId }) => {
        // A device that dropped is not refused: the tablet's own retry lets it in once it is back.
        if (tabletRoom()?.isAway(participantId)) return;
        const admitted = tabletRoom()?.admit(participantId);
        if (!admitted) return refuse({ code: 'not_found', message: 'That visitor is no longer waiting.' });
        const pairing = { participantId, pairingId: admitted.pairingId, checking: admitted.participant.state === 'checking' };
        nsp.to(admitted.socketId).emit('admitted', pairing);
        socket.emit('admitted', pairing);
        deps.presence.moved(identity.visitId!, participantId, presenceOf(admitted.participant.state));
        socket.emit('participant', admitted.participant);
      });
      on('checked', tabletEvents.checked, ({ participantId }) => {
        const member = tabletRoom()?.markChecked(participantId);
        if (!member) return refuse({ code: 'not_found', message: 'That visitor is not being checked.' });
        if (member.socketId) nsp.to(member.socketId).emit('checked');
        deps.presence.moved(identity.visitId!, participantId, 'in-call');
        socket.emit('participant', { id: member.id, name: member.name, state: member.state });
      });
      // "Leave the call screen": the socket stays, so no grace period runs; the visitors are told.
      on('hold', tabletEvents.hold, () => {
        const room = tabletRoom();
        if (!room || room.tabletSocketId !== socket.id) return refuse({ code: 'not_allowed', message: 'Start the visit first.' });
        room.onHold = true;
        socket.to(visitRoom(identity.visitId!)).emit('ward-away');
      });
      on('turn-away', tabletEvents['turn-away'], async ({ participantId }) => {
        const room = tabletRoom();
        const member = room?.turnAway(participantId);
        if (!member) return refuse({ code: 'not_found', message: 'That visitor is no longer waiting.' });
        visitorGrace.cancel(awayKey(identity.visitId!, participantId));
        deps.presence.moved(identity.visitId!, participantId, 'turned-away');
        socket.emit('left', { participantId });
        if (!member.socketId) return;
        // Their session is marked first, so a reload or a reconnection cannot beat it back in.
        const visitorSession = (nsp.sockets.get(member.socketId)?.data as Identity | undefined)?.visitorSessionHash;
        if (visitorSession) await turnAwayVisitorSession(deps.context.db, visitorSession, deps.context.now());
        nsp.to(member.socketId).emit('call-error', { code: 'turned_away', message: TURNED_AWAY_MESSAGE });
        nsp.in(member.socketId).disconnectSockets(true);
      });
      on('signal', tabletEvents.signal, ({ to, pairingId, data }) => {
        const target = tabletRoom()?.visitorTarget(to, pairingId);
        // A late signal from an older pairing is dropped, silently: it is not a mistake.
        if (target) nsp.to(target).emit('signal', { from: 'ward', pairingId, data });
      });
      on('connected', tabletEvents.connected, async ({ participantId, pairingId }) => {
        if (!identity.visitId || !tabletRoom()?.isPairing(participantId, pairingId)) return;
        deps.presence.moved(identity.visitId, participantId, presenceOf(tabletRoom()?.stateOf(participantId)));
        await step(identity, identity.visitId, 'connect');
        await closeInterruption(deps.context.db, identity.wardId, identity.visitId, deps.context.now(), true);
      });
      on('interrupted', tabletEvents.interrupted, async ({ participantId, pairingId }) => {
        if (!identity.visitId || !tabletRoom()?.isPairing(participantId, pairingId)) return;
        deps.presence.moved(identity.visitId, participantId, 'reconnecting');
        await recordInterruption(deps.context.db, identity.wardId, identity.visitId, deps.context.now());
      });
      on('end', tabletEvents.end, async () => {
        if (!identity.visitId) return refuse({ code: 'not_allowed', message: 'Start the visit first.' });
        grace.cancel(identity.visitId);
        await closeInterruption(deps.context.db, identity.wardId, identity.visitId, deps.context.now(), false);
        await step(identity, identity.visitId, 'end');
        nsp.to(visitRoom(identity.visitId)).emit('ended');
        rooms.delete(identity.visitId);
      });
    } else {
      const visitId = identity.visitId!;
      on('join', visitorEvents.join, async ({ name, resume }) => {
        // The visit's slot sets the TURN credential's expiry. Read before the room changes, so
        // the check below and the add stay together with no wait between them.
        const visit = await findVisit(deps.context.db, identity.wardId, visitId);
        if (!visit || joinState(visit, deps.context.now()) !== 'open') return refuse({ code: 'link_closed', message: 'This visit cannot be joined now.' });
        const room = roomFor(visitId);
        if (room.bySocket(socket.id)) return;
        const joined = room.addVisitor(socket.id, name, resume);
        if (!joined) return refuse({ code: 'full', message: 'This visit already has 3 people joining. Ask the ward for help.' });
        const { participant, restoredPairingId } = joined;
        visitorGrace.cancel(awayKey(visitId, participant.id));
        deps.presence.joined(identity, participant);
        await socket.join(visitRoom(visitId));
        const ice = iceForParticipant(deps.ice, visit, deps.context.now());
        socket.emit('joined', {
          participantId: participant.id,
          state: participant.state,
          ...(restoredPairingId ? { pairingId: restoredPairingId } : {}),
          wardAway: room.wardAway,
          ...ice,
        });
        // The tablet hears of a device back on its pairing too: one that lost its peer meanwhile (a reload) lets it in again.
        if (room.tabletSocketId) nsp.to(room.tabletSocketId).emit('participant', participant);
      });
      on('signal', visitorEvents.signal, ({ pairingId, data }) => {
        const room = rooms.get(visitId);
        const sender = room?.admittedSender(socket.id, pairingId);
        if (room?.tabletSocketId && sender) nsp.to(room.tabletSocketId).emit('signal', { from: sender.id, pairingId, data });
      });
      on('leave', visitorEvents.leave, () => {
        leaving = true;
        socket.disconnect(true);
      });
    }

    socket.on('disconnect', (reason) => {
      socket.conn.off('packet', heard);
      if (identity.role === 'visitor' && identity.visitId) {
        const visitId = identity.visitId;
        const member = rooms.get(visitId)?.away(socket.id);
        if (member) deps.presence.away(visitId, member.id);
        // "Leave" is final; a dropped connection (signal lost, a relay restart) may come back.
        if (member && (leaving || member.state === 'waiting')) awayExpired(visitId, member.id);
        else if (member) visitorGrace.start(awayKey(visitId, member.id), () => awayExpired(visitId, member.id));
      }
      // A tablet that drops keeps the room: visitors wait, and the visit stays open, until it
      // comes back, ends the visit, or the grace period runs out.
      if (identity.role === 'ward' && identity.visitId) {
        const { wardId, visitId } = identity;
        const room = rooms.get(visitId);
        if (room?.tabletSocketId !== socket.id) return;
        room.tabletSocketId = null;
        nsp.to(visitRoom(visitId)).emit('ward-away');
        const lostAt = whenLost(reason, lastHeard, deps.context.now());
        grace.start(visitId, () => void tabletLost(wardId, visitId, lostAt).catch(deps.logError));
      }
    });
  });

  return {
    roomCount: () => rooms.size,
    close() {
      grace.close();
      visitorGrace.close();
      // The root namespace's disconnect does not reach these; an open one would hold the HTTP server open.
      nsp.disconnectSockets(true);
    },
  };
}
