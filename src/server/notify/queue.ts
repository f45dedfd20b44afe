import type { MessageKind, Visit } from '../../shared/index.js';
import type { Db } from '../store/database.js';
import { dropPending, insertMessages, listMessages, type MessageRow } from '../store/messages.js';
import { planMessages, supersededBy, type KeptMessage, type MessageEvent } from './message-plan.js';

/** Queues what a change sends to a visit's contacts; call each inside the transaction of the change itself. */
export interface QueueMessages {
  /** The visits one booking made, one a day. */
  booked(trx: Db, wardId: string, visits: readonly Visit[]): Promise<void>;
  /** Anything that happened to one visit after it was booked. */
  changed(trx: Db, event: MessageEvent, wardId: string, visit: Visit, before?: Visit): Promise<void>;
}

/** With Notify not set up nothing is written, so nothing changes. */
export const queueNothing: QueueMessages = { booked: async () => {}, changed: async () => {} };

function kept(row: MessageRow, now: Date): KeptMessage {
  const leased = (row.lease_until ?? '') > now.toISOString();
  return {
    channel: row.channel as KeptMessage['channel'],
    recipient: row.recipient,
    kind: row.kind as MessageKind,
    state: row.state,
    mayHaveGone:
      ['sent', 'delivered', 'covered'].includes(row.state) || (row.state === 'queued' && (row.in_doubt === 1 || leased)),
  };
}

/**
 * The transactional half of the outbox: the change and its messages commit together or not
 * at all, so a booking can neither lose its confirmation nor send one for a booking that
 * failed. Pending messages the event makes pointless are dropped first. Answers how many it
 * queued (a resend queues none while each contact's last link is still on its way).
 */
export async function queueVisitMessages(
  trx: Db,
  event: MessageEvent,
  wardId: string,
  visit: Visit,
  now: Date,
  options: { before?: Visit; resendKey?: string } = {},
): Promise<number> {
  await dropPending(trx, visit.id, supersededBy(event), now);
  const rows = (await listMessages(trx, visit.id)).filter((row) => row.state !== 'dropped');
  const drafts = planMessages(event, visit, rows.map((row) => kept(row, now)), options.before);
  await insertMessages(trx, wardId, visit.id, drafts, now, { resendKey: options.resendKey ?? null });
  return drafts.length;
}

/**
 * A booking of one visit a day for several days is confirmed once, by the first day's message
 * for all of them, rather than with a text per day at once. The later days keep a `covered`
 * row per contact, so the family, who know of those days, are told if one is changed or
 * cancelled. Each day still gets its own link when it starts.
 */
export async function queueBookingMessages(trx: Db, wardId: string, visits: readonly Visit[], now: Date): Promise<void> {
  const [first, ...later] = visits;
  if (!first) return;
  await insertMessages(trx, wardId, first.id, planMessages('booked', first, []), now, { coversDays: visits.length });
  for (const visit of later) await insertMessages(trx, wardId, visit.id, planMessages('booked', visit, []), now, { state: 'covered' });
}

export function createMessageQueue(now: () => Date): QueueMessages {
  return {
    booked: (trx, wardId, visits) => queueBookingMessages(trx, wardId, visits, now()),
    changed: async (trx, event, wardId, visit, before) => void (await queueVisitMessages(trx, event, wardId, visit, now(), { before })),
  };
}
