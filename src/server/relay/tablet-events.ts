import { TURNED_AWAY_MESSAGE, joinState } from '../../shared/index.js';
import type { tabletEvents } from '../../shared/call-events.js';
import { closeInterruption, recordInterruption } from '../store/call-outages.js';
import { turnAwayVisitorSession } from '../store/visitor-sessions.js';
import { findVisit } from '../store/visits.js';
import { endCall } from './call-endings.js';
import { iceForParticipant } from './ice-servers.js';
import { copyOf, presenceOf, step, tabletWait, visitorWait, visitRoom, type RelayCore, type SocketSide } from './relay-core.js';

/**
 * What a ward tablet may do in a call: start it (or come back to it), admit, check and turn
 * away visitors, signal to the ones it admitted, report the media, step away, and end it.
 */
export function handleTabletEvents(core: RelayCore, side: SocketSide<typeof tabletEvents>): void {
  const { socket, identity, refuse, on } = side;
  const { deps, nsp, rooms, deadlines } = core;
  const { context, presence } = deps;

  on('start', async ({ visitId, pairings, held = false }) => {
    const visit = await findVisit(context.db, identity.wardId, visitId);
    if (!visit) return refuse({ code: 'not_found', message: 'There is no visit with that id on this ward.' });
    const state = joinState(visit, context.now());
    if (state === 'cancelled' || state === 'ended') {
      return refuse({ code: 'not_allowed', message: 'This visit has been cancelled or has ended.' });
    }
    // Back within the grace period (or another of the ward's tablets took over): the
    // visit carries on, and the room's waiting and admitted visitors are in "room".
    await deadlines.cancel(tabletWait(visitId));
    await step(core, identity, visitId, 'start');
    identity.visitId = visitId;
    const here = await rooms.change(visitId, identity.wardId, (room) => {
      Object.assign(room, { tabletSocketId: socket.id, tabletNode: core.node.name, onHold: held, tabletLostAt: null });
      // Calls whose media kept flowing while the relay lost track (a restart): restored, not renegotiated.
      const restored = room.restore(pairings ?? []);
      return { restored, participants: room.participants(), away: room.awayIds() };
    });
    await core.node.carries(visitId);
    await socket.join(visitRoom(visitId));
    if (!held) socket.to(visitRoom(visitId)).emit('ward-back');
    for (const { socketId, participantId, pairingId, checking } of here.restored) nsp.to(socketId).emit('admitted', { participantId, pairingId, checking });
    await presence.restored(visitId, here.participants);
    for (const participantId of here.away) await deadlines.start(visitorWait(visitId, participantId));
    socket.emit('room', { visitId, participants: here.participants, ...iceForParticipant(deps.ice, visit, context.now()) });
  });

  on('admit', async ({ participantId }) => {
    const visitId = identity.visitId;
    // A device that dropped is not refused: the tablet's own retry lets it in once it is back.
    const admitted = visitId ? await rooms.changeIfAny(visitId, (room) => (room.isAway(participantId) ? 'away' : room.admit(participantId))) : undefined;
    if (admitted === 'away') return;
    if (!admitted || !visitId) return refuse({ code: 'not_found', message: 'That visitor is no longer waiting.' });
    const pairing = { participantId, pairingId: admitted.pairingId, checking: admitted.participant.state === 'checking' };
    nsp.to(admitted.socketId).emit('admitted', pairing);
    socket.emit('admitted', pairing);
    await presence.moved(visitId, participantId, presenceOf(admitted.participant.state));
    socket.emit('participant', admitted.participant);
  });

  on('checked', async ({ participantId }) => {
    const visitId = identity.visitId;
    // A copy: in memory the room's own member would go on changing.
    const member = visitId ? await rooms.changeIfAny(visitId, (room) => copyOf(room.markChecked(participantId))) : undefined;
    if (!member || !visitId) return refuse({ code: 'not_found', message: 'That visitor is not being checked.' });
    if (member.socketId) nsp.to(member.socketId).emit('checked');
    await presence.moved(visitId, participantId, 'in-call');
    socket.emit('participant', { id: member.id, name: member.name, state: member.state });
  });

  // "Leave the call screen": the socket stays, so no grace period runs; the visitors are told.
  on('hold', async () => {
    const visitId = identity.visitId;
    const held = visitId && (await rooms.changeIfAny(visitId, (room) => room.tabletSocketId === socket.id && (room.onHold = true)));
    if (!held || !visitId) return refuse({ code: 'not_allowed', message: 'Start the visit first.' });
    socket.to(visitRoom(visitId)).emit('ward-away');
  });

  on('turn-away', async ({ participantId }) => {
    const visitId = identity.visitId;
    const member = visitId ? await rooms.changeIfAny(visitId, (room) => room.turnAway(participantId)) : undefined;
    if (!member || !visitId) return refuse({ code: 'not_found', message: 'That visitor is no longer waiting.' });
    await deadlines.cancel(visitorWait(visitId, participantId));
    await presence.moved(visitId, participantId, 'turned-away');
    socket.emit('left', { participantId });
    if (!member.socketId) return;
    // Their session is marked first, so a reload or a reconnection cannot beat it back in.
    if (member.visitorSessionHash) await turnAwayVisitorSession(context.db, member.visitorSessionHash, context.now());
    nsp.to(member.socketId).emit('call-error', { code: 'turned_away', message: TURNED_AWAY_MESSAGE });
    nsp.in(member.socketId).disconnectSockets(true);
  });

  on('signal', async ({ to, pairingId, data }) => {
    const room = identity.visitId ? await rooms.read(identity.visitId) : undefined;
    const target = room?.visitorTarget(to, pairingId);
    // A late signal from an older pairing is dropped, silently: it is not a mistake.
    if (target) nsp.to(target).emit('signal', { from: 'ward', pairingId, data });
  });

  on('connected', async ({ participantId, pairingId }) => {
    const visitId = identity.visitId;
    const room = visitId ? await rooms.read(visitId) : undefined;
    if (!visitId || !room?.isPairing(participantId, pairingId)) return;
    await presence.moved(visitId, participantId, presenceOf(room.stateOf(participantId)));
    await step(core, identity, visitId, 'connect');
    await closeInterruption(context.db, identity.wardId, visitId, context.now(), true);
  });

  on('interrupted', async ({ participantId, pairingId }) => {
    const visitId = identity.visitId;
    const room = visitId ? await rooms.read(visitId) : undefined;
    if (!visitId || !room?.isPairing(participantId, pairingId)) return;
    await presence.moved(visitId, participantId, 'reconnecting');
    await recordInterruption(context.db, identity.wardId, visitId, context.now());
  });

  on('end', async () => {
    const visitId = identity.visitId;
    if (!visitId) return refuse({ code: 'not_allowed', message: 'Start the visit first.' });
    await deadlines.cancel(tabletWait(visitId));
    await closeInterruption(context.db, identity.wardId, visitId, context.now(), false);
    await step(core, identity, visitId, 'end');
    await endCall(core, visitId);
  });
}
