import { contactsOf, RESENDS_PER_VISIT, type ContactDelivery, type DeliveryState, type MessageKind, type Visit, type VisitMessages } from '../../shared/index.js';
import type { MessageRow } from '../store/messages.js';

const SHOWN_AS: Record<string, DeliveryState> = { queued: 'waiting', sent: 'sent', delivered: 'delivered', failed: 'not-delivered' };

/** Resends made for the visit: each made one row per contact, all with its key. */
export function resendsUsed(rows: readonly MessageRow[]): number {
  return new Set(rows.flatMap((row) => (row.resend_key ? [row.resend_key] : []))).size;
}

/**
 * What the visit page shows for each contact on the visit now: where its latest message is.
 * A contact changed since is not shown, nor a message dropped as no longer true.
 */
export function visitMessages(enabled: boolean, visit: Visit, rows: readonly MessageRow[]): VisitMessages {
  const contacts: ContactDelivery[] = [];
  for (const { channel, recipient } of contactsOf(visit)) {
    const latest = rows.filter((row) => row.channel === channel && row.recipient === recipient && SHOWN_AS[row.state]).at(-1);
    if (!latest) continue;
    contacts.push({
      channel,
      to: recipient,
      kind: latest.kind as MessageKind,
      state: SHOWN_AS[latest.state]!,
      reason: latest.state === 'failed' ? latest.failure_reason : null,
      at: latest.updated_at,
    });
  }
  const resendsLeft = Math.max(0, RESENDS_PER_VISIT - resendsUsed(rows));
  const started = visit.status === 'ready' || visit.status === 'in-progress';
  return { enabled, contacts, canResend: enabled && started && contactsOf(visit).length > 0 && resendsLeft > 0, resendsLeft };
}
