import type { Namespace, Socket } from 'socket.io';
import type { z, ZodType } from 'zod';
import type { CallError, CallServerEvents } from '../../shared/index.js';
import type { IceConfig } from '../ice-config.js';
import type { Deadlines, LiveState, NodeLiveness } from '../live/index.js';
import type { Metrics } from '../metrics.js';
import type { Messaging } from '../notify/messaging.js';
import { recordCallStep, type CallStep } from '../store/visits.js';
import type { WardEvents } from '../ward-events.js';
import type { CallRooms } from './call-rooms.js';
import type { Identity, IdentifyDeps } from './identify.js';
import type { LivePresence } from './presence.js';
export { presenceOf } from './presence.js';

export interface CallRelayDeps extends IdentifyDeps {
  events: WardEvents;
  /** Told what happens to each visitor device, for the ward's live presence (relay/presence.ts). */
  presence: LivePresence;
  /** Where the rooms and grace periods are kept: this node's memory, or Redis for several nodes. */
  live: LiveState;
  /** This node among the others (live/node-liveness.ts). */
  node: NodeLiveness;
  /** Each participant gets its own TURN credential from this at start or join. */
  ice: IceConfig;
  /** Starting a visit sends the family its link ("we are ready now"). */
  messaging: Pick<Messaging, 'queue' | 'kick'>;
  /** Counts each message and refusal, for the metrics. */
  metrics?: Pick<Metrics, 'relayMessage' | 'relayRefusal'>;
  /** Where a failure goes: a handler's, or one outside any socket's request (a grace period running out). */
  logError: (error: unknown) => void;
}

/** What clients send is checked against the event schemas of shared/call-protocol.ts, so it is unknown here. */
type ClientEvents = Record<string, (payload: unknown) => void>;
export type CallNamespace = Namespace<ClientEvents, CallServerEvents>;
export type CallSocket = Socket<ClientEvents, CallServerEvents>;

/** What every part of the call relay shares: the namespace, the rooms, the grace periods. */
export interface RelayCore {
  deps: CallRelayDeps;
  nsp: CallNamespace;
  rooms: CallRooms;
  deadlines: Deadlines;
  /** This node among the others: rooms record it beside each socket. */
  node: NodeLiveness;
}

/** One socket's side: who it is, how to refuse it, and how to handle what it may send. */
export interface SocketSide<Events extends Record<string, ZodType>> {
  socket: CallSocket;
  identity: Identity;
  refuse(error: CallError): void;
  on<E extends keyof Events & string>(event: E, handle: (payload: z.infer<Events[E]>) => Promise<void> | void): void;
}

export const visitRoom = (visitId: string) => `visit:${visitId}`;
/** Every visitor socket of a visit from the moment it connects, joined or not: a replaced link lets them all go. */
export const visitorsRoom = (visitId: string) => `visitors:${visitId}`;

/** Grace periods, by name: a visit's lost tablet, or one visitor device away. */
export const tabletWait = (visitId: string) => `tablet:${visitId}`;
export const visitorWait = (visitId: string, participantId: string) => `away:${visitId}:${participantId}`;

/** In memory a room's own member would go on changing after the change that answered it: answer a copy. */
export const copyOf = <T extends object>(member: T | undefined): T | undefined => member && { ...member };


/** Records a call step, with the "we are ready now" messages when the visit really starts; the ward hears of a change. */
export async function step(core: RelayCore, identity: Identity, visitId: string, which: CallStep) {
  const { context, messaging, events } = core.deps;
  // The start and its "we are ready now" messages commit together (notify/queue.ts).
  const result = await context.db.transaction().execute(async (trx) => {
    const recorded = await recordCallStep(trx, identity.wardId, visitId, which, context.now());
    if (recorded?.changed && which === 'start') await messaging.queue.changed(trx, 'ready', identity.wardId, recorded.visit);
    return recorded;
  });
  if (result?.changed) {
    events.visitsChanged(identity.wardId, [result.visit]);
    if (which === 'start') messaging.kick();
  }
  return result;
}
