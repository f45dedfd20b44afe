import { contactsOf, type MessageChannel, type MessageKind, type Visit, type VisitStatus } from '../../shared/index.js';

/** What happened to a visit that the family should hear about. A resend is "ready" again, asked for by staff. */
export type MessageEvent = 'booked' | 'changed' | 'cancelled' | 'ready' | 'resend';

/** A message already in the outbox for this visit, after the pending ones the event supersedes were dropped. */
export interface KeptMessage {
  channel: MessageChannel;
  recipient: string | null;
  kind: MessageKind;
  state: string;
  /** Sent, or perhaps sent: accepted by Notify, in flight on some node, or an answer lost. */
  mayHaveGone: boolean;
}

export interface MessageDraft {
  kind: MessageKind;
  channel: MessageChannel;
  recipient: string;
}

/**
 * Messages an event makes pending ones pointless: a change makes an unsent confirmation out of
 * date, a start makes both redundant (the ready message is the one that matters), and a
 * cancellation makes every unsent one wrong.
 */
export function supersededBy(event: MessageEvent): MessageKind[] {
  if (event === 'changed') return ['booked', 'changed'];
  if (event === 'ready') return ['booked', 'changed'];
  if (event === 'cancelled') return ['booked', 'changed', 'ready'];
  return [];
}

function heardOf(kept: readonly KeptMessage[], channel: MessageChannel, recipient: string): boolean {
  return kept.some((m) => m.channel === channel && m.recipient === recipient && m.mayHaveGone && m.kind !== 'cancelled');
}

type Contacts = Pick<Visit, 'visitorMobile' | 'visitorEmail'>;
type When = Pick<Visit, 'startsAt' | 'lengthMinutes'>;

/** A new bed or a corrected spelling is the ward's business; a new time is the family's. */
function whenMoved(before: When | undefined, after: When): boolean {
  return !before || before.startsAt !== after.startsAt || before.lengthMinutes !== after.lengthMinutes;
}

/**
 * The messages an event sends, one per contact on the visit as it is after the event. Someone
 * told nothing yet gets the booking confirmation rather than news of a change; someone told
 * nothing is not told of a cancellation either. `before` is the visit as it was, for a change.
 */
export function planMessages(event: MessageEvent, visit: Contacts & When, kept: readonly KeptMessage[], before?: When): MessageDraft[] {
  const drafts: MessageDraft[] = [];
  for (const { channel, recipient } of contactsOf(visit)) {
    const told = heardOf(kept, channel, recipient);
    if (event === 'booked') drafts.push({ kind: 'booked', channel, recipient });
    else if (event === 'changed') {
      if (!told) drafts.push({ kind: 'booked', channel, recipient });
      else if (whenMoved(before, visit)) drafts.push({ kind: 'changed', channel, recipient });
    }
    else if (event === 'cancelled') {
      if (told) drafts.push({ kind: 'cancelled', channel, recipient });
    } else if (event === 'ready') drafts.push({ kind: 'ready', channel, recipient });
    else if (!kept.some((m) => m.channel === channel && m.recipient === recipient && m.kind === 'ready' && m.state === 'queued')) {
      // A resend while the last one is still on its way would only send two.
      drafts.push({ kind: 'ready', channel, recipient });
    }
  }
  return drafts;
}

const WANTED_WHILE: Record<MessageKind, readonly VisitStatus[]> = {
  booked: ['booked'],
  changed: ['booked'],
  ready: ['ready', 'in-progress'],
  cancelled: ['cancelled'],
};

/**
 * Whether a message still says something true when its turn comes: a confirmation of a visit
 * since started or cancelled, or a "we are ready" for a visit that has ended, is dropped.
 */
export function stillWanted(kind: MessageKind, status: VisitStatus): boolean {
  return WANTED_WHILE[kind].includes(status);
}
