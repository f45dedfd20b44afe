import type { MessageChannel } from '../../shared/index.js';

/**
 * Notify's answers in the ward's words. Pure: the sending job and the visit page both read
 * these, and the unit tests pin them. Notify's statuses and errors are documented at
 * https://docs.notifications.service.gov.uk/rest-api.html#status-descriptions and #error-codes.
 */

const TELL_IT = 'Tell your IT team.';

/** Why Notify refused to take a message (a 400 or 403), from its error class and message. */
export function refusalReason(channel: MessageChannel, error: string, message: string): string {
  if (error === 'AuthError') return `GOV.UK Notify did not accept this service's key. ${TELL_IT}`;
  if (/team-only API key|trial mode/i.test(message)) return `GOV.UK Notify is in trial mode and only sends to the service's team. ${TELL_IT}`;
  if (error === 'InvalidPhoneError' || /^phone_number|mobile number/i.test(message)) return 'GOV.UK Notify does not accept this mobile number. Check it with the visitor';
  if (/^email_address/i.test(message)) return 'GOV.UK Notify does not accept this email address. Check it with the visitor';
  if (/template|personalisation/i.test(message)) return `The message template in GOV.UK Notify does not match this service. ${TELL_IT}`;
  return `GOV.UK Notify refused the ${channel === 'sms' ? 'text message' : 'email'}. ${TELL_IT}`;
}

export interface Delivery {
  state: 'sent' | 'delivered' | 'not-delivered';
  /** Notify will not change it again: the job stops asking. */
  final: boolean;
  reason: string | null;
}

const FAILURES: Record<string, Record<MessageChannel, string>> = {
  'permanent-failure': {
    sms: 'the number does not exist or cannot take text messages. Check it with the visitor',
    email: 'the email address does not exist or its mailbox refuses mail. Check it with the visitor',
  },
  'temporary-failure': {
    sms: 'the phone was off, had no signal or its inbox was full',
    email: 'the mailbox was full or not taking mail',
  },
  'technical-failure': {
    sms: 'a problem between GOV.UK Notify and the phone network. Send the link again, or share it yourself',
    email: 'a problem between GOV.UK Notify and the email provider. Send the link again, or share it yourself',
  },
  // An email Notify's virus check stopped (only for files; listed so no status reads as "sent").
  'validation-failed': { sms: 'GOV.UK Notify could not check it', email: 'GOV.UK Notify could not check it' },
};

/** Where a notification is, from Notify's status for it. */
export function deliveryOf(channel: MessageChannel, status: string): Delivery {
  if (status === 'delivered') return { state: 'delivered', final: true, reason: null };
  // "sent" is Notify's final word for a text to an international number: no receipt will come.
  if (status === 'sent') return { state: 'sent', final: true, reason: null };
  const failure = FAILURES[status];
  if (failure) return { state: 'not-delivered', final: true, reason: capitalise(failure[channel]) };
  // created, sending, pending, accepted: on its way.
  return { state: 'sent', final: false, reason: null };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const SECOND_MS = 1000;
const MINUTE_MS = 60 * SECOND_MS;

/** Retries after a network error, 429 or 5xx: 5 s, 10 s, 20 s, … up to every 5 minutes. */
export function retryDelayMs(attempts: number): number {
  return Math.min(5 * SECOND_MS * 2 ** Math.max(0, attempts - 1), 5 * MINUTE_MS);
}

/**
 * When to ask Notify again how a sent message is going: soon at first (a text is usually
 * delivered within seconds, and the nurse is looking at the page), then less and less often.
 */
export function followUpDelayMs(checks: number): number {
  return Math.min(3 * SECOND_MS * 2 ** checks, 10 * MINUTE_MS);
}
