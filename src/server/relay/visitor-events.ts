import { joinState } from '../../shared/index.js';
import type { visitorEvents } from '../../shared/call-events.js';
import { findVisit } from '../store/visits.js';
import { iceForParticipant } from './ice-servers.js';
import { visitorWait, visitRoom, type RelayCore, type SocketSide } from './relay-core.js';

/** What a visitor's device may do in a call: join (or come back), signal to the tablet once admitted, and leave. */
export function handleVisitorEvents(core: RelayCore, side: SocketSide<typeof visitorEvents>, leave: () => void): void {
  const { socket, identity, refuse, on } = side;
  const { deps, nsp, rooms, deadlines } = core;
  const visitId = identity.visitId!;

  on('join', async ({ name, resume }) => {
    // The visit's slot sets the TURN credential's expiry.
    const visit = await findVisit(deps.context.db, identity.wardId, visitId);
    if (!visit || joinState(visit, deps.context.now()) !== 'open') return refuse({ code: 'link_closed', message: 'This visit cannot be joined now.' });
    // The count and the add happen in one change, so two devices on two nodes cannot both take the third place.
    const joined = await rooms.change(visitId, identity.wardId, (room) => {
      if (room.bySocket(socket.id)) return 'already';
      const added = room.addVisitor(socket.id, name, resume, identity.visitorSessionHash ?? null, core.node.name);
      return added && { ...added, wardAway: room.wardAway, tabletSocketId: room.tabletSocketId };
    });
    if (joined === 'already') return;
    if (!joined) return refuse({ code: 'full', message: 'This visit already has 3 people joining. Ask the ward for help.' });
    const { participant, restoredPairingId, replacedSocketId } = joined;
    if (replacedSocketId && replacedSocketId !== socket.id) nsp.in(replacedSocketId).disconnectSockets(true);
    await core.node.carries(visitId);
    await deadlines.cancel(visitorWait(visitId, participant.id));
    await deps.presence.joined(identity, participant);
    await socket.join(visitRoom(visitId));
    socket.emit('joined', {
      participantId: participant.id,
      state: participant.state,
      ...(restoredPairingId ? { pairingId: restoredPairingId } : {}),
      wardAway: joined.wardAway,
      ...iceForParticipant(deps.ice, visit, deps.context.now()),
    });
    // The tablet hears of a device back on its pairing too: one that lost its peer meanwhile (a reload) lets it in again.
    if (joined.tabletSocketId) nsp.to(joined.tabletSocketId).emit('participant', participant);
  });

  on('signal', async ({ pairingId, data }) => {
    const room = await rooms.read(visitId);
    const sender = room?.admittedSender(socket.id, pairingId);
    if (room?.tabletSocketId && sender) nsp.to(room.tabletSocketId).emit('signal', { from: sender.id, pairingId, data });
  });

  on('leave', leave);
}
