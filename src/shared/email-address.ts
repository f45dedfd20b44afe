import { EMAIL_MAX_LENGTH } from './limits.js';

/**
 * Visitors' email addresses, checked as far as GOV.UK Notify will check them when it sends, so
 * a booking is refused at the desk rather than its email failing later: one @, the characters
 * Notify allows before it, no 2 dots in a row, and a domain of real-looking labels ending in a
 * top-level domain of letters. Whether the address exists only a sent email can tell.
 * Pure, so the tablet's form and the server agree.
 */

/** Why a typed address will not do, for booking-rules to put in words. */
export type EmailProblem = 'too-long' | 'spaces' | 'no-at' | 'several-at' | 'no-domain' | 'dots-in-a-row' | 'format';

/** Letters, digits and the punctuation an address may have before the @ (not < > ( ) , ; : " [ ] \). */
const LOCAL_PART = /^[a-z0-9.!#$%&'*+/=?^_`{|}~-]+$/i;
/** One part of the domain between dots: letters, digits and hyphens, not at either end. */
const DOMAIN_LABEL = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i;
/** The last part: letters (com, uk, scot), or an internationalised one spelt the xn-- way. */
const TOP_LEVEL_DOMAIN = /^(?:[a-z]{2,}|xn--[a-z0-9-]+)$/i;
const DOMAIN_LABEL_MAX_LENGTH = 63;

function domainProblem(domain: string): EmailProblem | undefined {
  const labels = domain.split('.');
  if (domain === '' || labels.length < 2) return 'no-domain';
  const wellFormed = labels.every((label) => label.length <= DOMAIN_LABEL_MAX_LENGTH && DOMAIN_LABEL.test(label));
  return wellFormed && TOP_LEVEL_DOMAIN.test(labels[labels.length - 1]!) ? undefined : 'format';
}

/** What is wrong with a typed email address (already trimmed), or undefined when it will do. */
export function emailProblem(address: string): EmailProblem | undefined {
  if (address.length > EMAIL_MAX_LENGTH) return 'too-long';
  if (/\s/.test(address)) return 'spaces';
  const parts = address.split('@');
  if (parts.length === 1) return 'no-at';
  if (parts.length > 2) return 'several-at';
  if (address.includes('..')) return 'dots-in-a-row';
  const [local = '', domain = ''] = parts;
  if (!LOCAL_PART.test(local) || local.startsWith('.') || local.endsWith('.')) return 'format';
  return domainProblem(domain);
}

export function isEmail(address: string): boolean {
  return emailProblem(address) === undefined;
}
