import {
  contactsOf,
  formatUkMobile,
  type ChangeFields,
  RESENDS_PER_VISIT,
  type ContactDelivery,
  type DeliveryState,
  type MessageChannel,
  type MessageKind,
  type Visit,
} from '../shared/index.js';

/**
 * What the tablet says about the visitor's texts and emails (GOV.UK Notify), in NHS content
 * style. Pure, so the unit tests pin every sentence.
 */

/** The issue's own words, for a server with no GOV.UK Notify. */
export const MESSAGES_NOT_SET_UP = 'Text and email messages are not set up. Share the link yourself.';
export const MESSAGES_OFFLINE = 'Message status shows when the tablet is online.';
export const MESSAGES_NO_CONTACT = 'This visit has no mobile number or email address, so no messages are sent. Share the link yourself.';
export const MESSAGES_NONE_YET = 'No messages have been sent to the visitor.';
export const MESSAGES_NOT_SENT_YET = 'Messages to the visitor are sent once this visit has been sent. The tablet sends it when it is back online.';
export const RESEND_DONE = 'The link is being sent again.';
export const RESEND_OFFLINE = 'Sending the link again needs the network. Try again when the tablet is online.';

export const DELIVERY_WORDS: Record<DeliveryState, string> = {
  waiting: 'Waiting to send',
  sent: 'Sent',
  delivered: 'Delivered',
  'not-delivered': 'Not delivered',
};

/** nhsuk tag colours: grey not started, blue on its way, green arrived, red failed. */
export const DELIVERY_TAG_COLOURS: Record<DeliveryState, string> = {
  waiting: 'grey',
  sent: 'blue',
  delivered: 'green',
  'not-delivered': 'red',
};

/** Which message a line is about (the server sends "changed" only for a new date, time or length). */
export const MESSAGE_KIND_WORDS: Record<MessageKind, string> = {
  booked: 'Booking confirmation',
  changed: 'New time',
  cancelled: 'Cancellation',
  ready: 'Link to join',
};

type Contacts = Pick<Visit, 'visitorMobile' | 'visitorEmail'>;

/** The ways a visit's visitor can be reached, texts first (as the server sends them). */
export function channelsOf(visit: Contacts): MessageChannel[] {
  return contactsOf(visit).map((contact) => contact.channel);
}

/** A contact line's key: how the message goes. */
export const CHANNEL_WORDS: Record<MessageChannel, string> = { sms: 'Text message', email: 'Email' };

/** Where it goes: the mobile as people read it ("07700 900123"), or the email address. */
export function addressWords({ channel, to }: Pick<ContactDelivery, 'channel' | 'to'>): string {
  return channel === 'sms' ? formatUkMobile(to) : to;
}

/** A reason as a sentence: the server's reasons do not all end with a full stop. */
export function reasonSentence(reason: string): string {
  const text = reason.trim();
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/** "text 07700 900123 and email name@example.com". */
function whomWeSend(visit: Contacts): string {
  const parts: string[] = [];
  if (visit.visitorMobile) parts.push(`text ${formatUkMobile(visit.visitorMobile)}`);
  if (visit.visitorEmail) parts.push(`email ${visit.visitorEmail}`);
  return parts.join(' and ');
}

/**
 * After booking: how the family will get the link, or null when the nurse must share it
 * (no Notify, or no contact). A repeat booking is confirmed once; each day's link goes when it starts.
 */
export function bookedMessageWords(messaging: boolean, visit: Contacts, visits = 1): string | null {
  if (!messaging || channelsOf(visit).length === 0) return null;
  return visits > 1
    ? `We will ${whomWeSend(visit)} once to confirm all ${visits} visits, and again with the link when you start each one.`
    : `We will ${whomWeSend(visit)} to confirm the booking, and again with the link when you start the visit.`;
}

/** "text", "email", "text and email", as a verb. */
function sendVerb(channels: readonly MessageChannel[]): string {
  return channels.map((channel) => (channel === 'sms' ? 'text' : 'email')).join(' and ');
}

/**
 * What happened after a change or cancellation, for the success banner: `moved` when the date,
 * time or length moved; `changed` for other details; `newContacts` a mobile or email added or
 * corrected, which the server sends the booking confirmation to.
 */
export type VisitorNews = 'moved' | 'changed' | 'cancelled';

export interface TellVisitorFacts {
  news: VisitorNews;
  name: string;
  messaging: boolean;
  visit: Contacts;
  newContacts?: readonly MessageChannel[] | undefined;
}

const WHEN_FIELDS: readonly (keyof ChangeFields)[] = ['date', 'time', 'lengthMinutes'];

/**
 * What a saved change means for the visitor, by the server's rule (notify/message-plan.ts): a
 * new date, time or length is sent to them; a mobile or email added or corrected gets the
 * booking confirmation; nothing else is sent.
 */
export function newsOfChange(changed: readonly (keyof ChangeFields)[], after: Contacts): { news: VisitorNews; newContacts: MessageChannel[] } {
  const newContacts: MessageChannel[] = [];
  if (changed.includes('visitorMobile') && after.visitorMobile) newContacts.push('sms');
  if (changed.includes('visitorEmail') && after.visitorEmail) newContacts.push('email');
  return { news: changed.some((key) => WHEN_FIELDS.includes(key)) ? 'moved' : 'changed', newContacts };
}

/** The banner's sentence, and whether it asks the nurse to tell the visitor (then it shows how to reach them). */
export function tellVisitorWords({ news, name, messaging, visit, newContacts = [] }: TellVisitorFacts): { words: string; nurseTells: boolean } {
  const channels = messaging ? channelsOf(visit) : [];
  const we = (words: string) => ({ words, nurseTells: false });
  const nurse = (words: string) => ({ words, nurseTells: true });
  if (news === 'cancelled') {
    return channels.length > 0
      ? we(`We will tell ${name} by ${sendVerb(channels)} that the visit is cancelled. Their link no longer works.`)
      : nurse(`Tell ${name} the visit is cancelled. Their link no longer works.`);
  }
  if (channels.length === 0) return nurse(`Tell ${name} about the change. Their link stays the same.`);
  if (news === 'moved') return we(`We will ${sendVerb(channels)} ${name} about the change. Their link stays the same.`);
  const added = newContacts.filter((channel) => channels.includes(channel));
  if (added.length > 0) return we(`We will ${sendVerb(added)} ${name} to confirm the booking. Their link stays the same.`);
  return we(`${name.charAt(0).toUpperCase()}${name.slice(1)} is not sent a message about this change. Only a new date, time or length is sent to them.`);
}

/** Under "Send the link again", once some of the visit's resends are used; null before. */
export function resendsLeftWords(left: number): string | null {
  if (left >= RESENDS_PER_VISIT) return null;
  if (left <= 0) return `The link has been sent again ${RESENDS_PER_VISIT} times for this visit. Share it yourself, or phone the visitor.`;
  return `You can send it ${left === 1 ? '1 more time' : `${left} more times`}.`;
}
