import type { MessageKind, Visit } from '../../shared/index.js';
import type { Db } from '../store/database.js';
import { dropPending, insertMessages, listMessages, type MessageRow } from '../store/messages.js';
import { planMessages, supersededBy, type KeptMessage, type MessageEvent } from './message-plan.js';

/** Queues what an event sends to a visit's contacts; call it inside the transaction of the change itself. */
export type QueueMessages = (trx: Db, event: MessageEvent, wardId: string, visit: Visit, before?: Visit) => Promise<void>;

/** With Notify not set up nothing is written, so nothing changes. */
export const queueNothing: QueueMessages = async () => {};

function kept(row: MessageRow, now: Date): KeptMessage {
  const leased = (row.lease_until ?? '') > now.toISOString();
  return {
    channel: row.channel as KeptMessage['channel'],
    recipient: row.recipient,
    kind: row.kind as MessageKind,
    state: row.state,
    mayHaveGone: row.state === 'sent' || row.state === 'delivered' || (row.state === 'queued' && (row.in_doubt === 1 || leased)),
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
  await insertMessages(trx, wardId, visit.id, drafts, now, options.resendKey ?? null);
  return drafts.length;
}

export function createMessageQueue(now: () => Date): QueueMessages {
  return async (trx, event, wardId, visit, before) => void (await queueVisitMessages(trx, event, wardId, visit, now(), { before }));
}
