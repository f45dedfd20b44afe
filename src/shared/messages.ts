/**
 * The messages the service sends a visitor through GOV.UK Notify. Each is written to the
 * server's outbox in the same transaction as the change that causes it (server/notify/).
 */
export const MESSAGE_KINDS = ['booked', 'changed', 'cancelled', 'ready'] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

/** Notify's names for the two ways a message goes: a text message or an email. */
export const MESSAGE_CHANNELS = ['sms', 'email'] as const;
export type MessageChannel = (typeof MESSAGE_CHANNELS)[number];

/**
 * Where one contact's latest message is, as the ward sees it:
 * waiting (in the outbox, or being retried), sent (Notify accepted it), delivered (the phone
 * or mailbox took it), not-delivered (Notify refused it or the provider gave up: `reason` says
 * why in plain words).
 */
export type DeliveryState = 'waiting' | 'sent' | 'delivered' | 'not-delivered';

export interface ContactDelivery {
  channel: MessageChannel;
  /** The mobile number or email address, as stored on the visit. */
  to: string;
  /** Which message this is about: the latest one that was meant to reach this contact. */
  kind: MessageKind;
  state: DeliveryState;
  /** Only when not delivered: why, in plain words. */
  reason: string | null;
  /** When the message reached its state, ISO 8601. */
  at: string;
}

/** `GET /api/visits/:id/messages` and the answer to "Send the link again". */
export interface VisitMessages {
  /** False when this server has no GOV.UK Notify set up: staff share the link themselves. */
  enabled: boolean;
  /** One line per contact that has been sent (or is due) a message, texts first. */
  contacts: ContactDelivery[];
  /** Whether "Send the link again" can be used now (the visit has started and has a contact). */
  canResend: boolean;
  /** How many more times the link may be sent again for this visit. */
  resendsLeft: number;
}

/** The contacts a visit has now, texts first: the order the server sends in and the tablet lists them. */
export function contactsOf(visit: { visitorMobile: string | null; visitorEmail: string | null }): { channel: MessageChannel; recipient: string }[] {
  const contacts: { channel: MessageChannel; recipient: string }[] = [];
  if (visit.visitorMobile) contacts.push({ channel: 'sms', recipient: visit.visitorMobile });
  if (visit.visitorEmail) contacts.push({ channel: 'email', recipient: visit.visitorEmail });
  return contacts;
}

/** At most this many "Send the link again" per visit: enough for a lost text, too few to pester anyone. */
export const RESENDS_PER_VISIT = 3;


/** Pushed on the ward's socket when a visit's message status moves, so an open visit page refreshes it. */
export const MESSAGES_CHANGED = 'messages-changed';

// The shapes of MESSAGES_CHANGED (push-schemas.ts) and "Send the link again" (command-schemas.ts).
export type { MessagesChanged } from './push-schemas.js';
export type { ResendRequest } from './command-schemas.js';
