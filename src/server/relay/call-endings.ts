import type { Visit } from '../../shared/index.js';
import { recordCallStep } from '../store/visits.js';
import type { Identity } from './identify.js';
import { NODE_GONE_AFTER_MS } from '../live/index.js';
import { tabletWait, visitorWait, visitRoom, visitorsRoom, type RelayCore } from './relay-core.js';

/** A visit closed from outside the relay: whoever is still in its room is told, and let go. */
const CLOSED_ELSEWHERE: readonly string[] = ['cancelled', 'missed'];

/** Gives up the place of a visitor device that did not come back (or left); the tablet closes its peer. */
export async function visitorGone(core: RelayCore, visitId: string, participantId: string): Promise<void> {
  const gone = await core.rooms.changeIfAny(visitId, (room) => {
    if (!room.isAway(participantId)) return undefined;
    room.remove(participantId);
    return { tabletSocketId: room.tabletSocketId };
  });
  if (!gone) return;
  await core.deps.presence.moved(visitId, participantId, 'left');
  if (gone.tabletSocketId) core.nsp.to(gone.tabletSocketId).emit('left', { participantId });
}

/**
 * The tablet has not come back within the grace period. A call that connected is ended as
 * of when the tablet went, so its duration is not padded by the wait. A visit only ready
 * (never connected) is left as it is: its visitors keep waiting for the tablet, and the room
 * goes with the last of them.
 */
export async function tabletGone(core: RelayCore, visitId: string): Promise<void> {
  const room = await core.rooms.read(visitId);
  if (!room || room.tabletSocketId || room.tabletLostAt === null) return;
  const { wardId, tabletLostAt } = room;
  const { context, events } = core.deps;
  const result = await recordCallStep(context.db, wardId, visitId, 'tablet-lost', context.now(), new Date(tabletLostAt));
  if (!result || result.visit.status === 'ready') {
    // No longer waiting for the tablet: the room now goes with its last visitor.
    await core.rooms.changeIfAny(visitId, (current) => {
      if (current.tabletSocketId === null) current.tabletLostAt = null;
    });
    return;
  }
  if (result.changed) events.visitsChanged(wardId, [result.visit]);
  await endCall(core, visitId);
}

/** Everyone in the room hears the visit has ended, and the room goes. */
export async function endCall(core: RelayCore, visitId: string): Promise<void> {
  await core.deadlines.cancel(tabletWait(visitId));
  core.nsp.to(visitRoom(visitId)).emit('ended');
  await core.rooms.close(visitId);
}

/**
 * A node died with sockets of this visit's call (live/node-liveness.ts): as if each had
 * dropped. A tablet lost then gets its grace period to come back through another node; a
 * visitor in the call gets theirs; one only waiting has gone.
 */
export async function nodeGone(core: RelayCore, visitId: string, node: string): Promise<void> {
  const lostAt = core.deps.context.now().getTime() - NODE_GONE_AFTER_MS;
  const dropped = await core.rooms.changeIfAny(visitId, (room) => room.dropNode(node, lostAt));
  if (!dropped) return;
  if (dropped.tabletLost) {
    core.nsp.to(visitRoom(visitId)).emit('ward-away');
    await core.deadlines.start(tabletWait(visitId));
  }
  for (const member of dropped.away) {
    if (member.state === 'waiting') await visitorGone(core, visitId, member.id);
    else {
      await core.deps.presence.away(visitId, member.id);
      await core.deadlines.start(visitorWait(visitId, member.id));
    }
  }
}

/** Runs a grace period that ran out, on whichever node claimed it. */
export function graceRanOut(core: RelayCore, key: string): Promise<void> {
  const [kind, visitId, participantId] = key.split(':');
  if (kind === 'tablet' && visitId) return tabletGone(core, visitId);
  if (kind === 'away' && visitId && participantId) return visitorGone(core, visitId, participantId);
  return Promise.reject(new Error(`A grace period with an unknown name ran out: ${kind}`));
}

/**
 * A visit cancelled, or marked missed, while people wait in its room: they are told, and the
 * room closes. The node that made the change does this; the adapter reaches every node's sockets.
 */
export async function closedElsewhere(core: RelayCore, visits: readonly Visit[]): Promise<void> {
  for (const visit of visits) {
    if (!CLOSED_ELSEWHERE.includes(visit.status) || !(await core.rooms.close(visit.id))) continue;
    await core.deadlines.cancel(tabletWait(visit.id));
    core.nsp.to(visitRoom(visit.id)).emit('ended');
    const members = await core.nsp.in(visitRoom(visit.id)).fetchSockets();
    for (const member of members) if ((member.data as Identity).role === 'visitor') member.disconnect(true);
  }
}

/** A replaced link: everyone who came in by the old one is disconnected; their sessions are gone, so they cannot come back. */
export function linkReplaced(core: RelayCore, visitId: string): void {
  core.nsp.in(visitorsRoom(visitId)).disconnectSockets(true);
}

