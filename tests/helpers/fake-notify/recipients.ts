import { domainToASCII } from 'node:url';
import { parsePhoneNumberWithError, validatePhoneNumberLength, type PhoneNumber } from 'libphonenumber-js/max';

/**
 * Recipient checks as Notify makes them (alphagov/notifications-utils,
 * notifications_utils/recipient_validation/phone_number.py and email_address.py). Notify parses
 * numbers with Google's libphonenumber (Python port); libphonenumber-js is the JavaScript port of
 * the same data, so the forms it accepts match: 07700 900123, +44 7700 900123, 447700900123,
 * 0044…, "+44 (0)7700…", brackets and hyphens, stray leading zeros or pluses.
 */
export type PhoneProblem = 'INVALID_NUMBER' | 'TOO_LONG' | 'TOO_SHORT' | 'UNKNOWN_CHARACTER';

/** The words the v2 API uses (InvalidPhoneError.LEGACY_V2_API_ERROR_MESSAGES). */
export const PHONE_MESSAGES: Record<PhoneProblem, string> = {
  INVALID_NUMBER: 'Number is not valid – double check the phone number you entered',
  TOO_LONG: 'Too many digits',
  TOO_SHORT: 'Not enough digits',
  UNKNOWN_CHARACTER: 'Must not contain letters or symbols',
};

export class InvalidPhone extends Error {
  constructor(readonly code: PhoneProblem) {
    super(PHONE_MESSAGES[code]);
    this.name = 'InvalidPhone';
  }
}

export interface ParsedPhone {
  /** E.164 with the plus, e.g. +447700900123. */
  e164: string;
  uk: boolean;
  /** Outside Great Britain (the Channel Islands and Isle of Man count), unless a TV number. */
  international: boolean;
  /** A UK landline (or a number that may be one), which a service may not text by default. */
  landline: boolean;
  /** Ofcom's drama numbers, which libphonenumber calls invalid and Notify lets through. */
  tvNumber: boolean;
}

const UK_CALLING_CODE = '44';
const ALLOWED_CHARACTERS = /^[\s()+\-0-9]*$/;
const FORMATTING = /[\s()\-]/g;
const LANDLINE_TYPES = new Set(['FIXED_LINE', 'FIXED_LINE_OR_MOBILE', 'UAN']);
const ALLOWED_TYPES = new Set(['FIXED_LINE', 'MOBILE', 'FIXED_LINE_OR_MOBILE', 'UAN', 'PERSONAL_NUMBER']);
// Notify's `re.match("7700[900000-900999]", national_number)`: the brackets are a character
// class, so any national number starting 7700 and a digit counts as a TV number.
const TV_NUMBER = /^7700\d/;

function parse(text: string): PhoneNumber | null {
  try {
    return parsePhoneNumberWithError(text, { defaultCountry: 'GB', extract: false });
  } catch {
    return null;
  }
}

function parseOnce(raw: string): PhoneNumber {
  if (!ALLOWED_CHARACTERS.test(raw)) throw new InvalidPhone('UNKNOWN_CHARACTER');
  if (raw === '') throw new InvalidPhone('TOO_SHORT');
  const compact = raw.replace(FORMATTING, '');
  // libphonenumber always drops the UK trunk 0 (a UK number never starts 0 after it);
  // libphonenumber-js keeps it on short numbers, so drop it here to judge the length alike.
  const text = /^0[1-9]/.test(compact) ? `+${UK_CALLING_CODE}${compact.slice(1)}` : compact;
  let number = parse(text);
  if (!number) throw new InvalidPhone('INVALID_NUMBER');
  const reason = validatePhoneNumberLength(text, 'GB');
  if (reason) {
    // A spreadsheet may have eaten the plus: Notify retries the digits as international.
    const forced = parse(`+${compact}`);
    if (forced?.isPossible()) number = forced;
    else if (reason === 'TOO_LONG') throw new InvalidPhone('TOO_LONG');
    // libphonenumber's "possible local only" lengths (a UK number of 8 digits) are too short to Notify.
    else if (reason === 'TOO_SHORT' || (reason === 'INVALID_LENGTH' && number.countryCallingCode === UK_CALLING_CODE)) {
      throw new InvalidPhone('TOO_SHORT');
    } else throw new InvalidPhone('INVALID_NUMBER');
  }
  const type = number.getType();
  if (!(number.isValid() && type !== undefined && ALLOWED_TYPES.has(type)) && !TV_NUMBER.test(number.nationalNumber)) {
    throw new InvalidPhone('INVALID_NUMBER');
  }
  return number;
}

/** Notify's last resort for a number that fails: no pluses, no leading zeros, ASCII only. */
function thoroughlyNormalised(raw: string): string {
  return raw
    .replaceAll('+', '')
    .replace(/^0+/, '')
    .normalize('NFKD')
    .replace(/[^\x00-\x7F]/g, '');
}

/** Parses like Notify's PhoneNumber(); throws InvalidPhone with the code Notify would give. */
export function parsePhone(raw: string): ParsedPhone {
  let number: PhoneNumber;
  try {
    number = parseOnce(raw);
  } catch {
    number = parseOnce(thoroughlyNormalised(raw));
  }
  const uk = number.countryCallingCode === UK_CALLING_CODE;
  const type = number.getType();
  const tvNumber = TV_NUMBER.test(number.nationalNumber);
  return {
    e164: number.number,
    uk,
    international: number.country !== 'GB' && !tvNumber,
    landline: uk && type !== undefined && LANDLINE_TYPES.has(type),
    tvNumber,
  };
}

// notifications_utils.formatters.strip_and_remove_obscure_whitespace: zero-width characters go,
// then the ends are trimmed.
const OBSCURE_WHITESPACE = /[\u180E\u200B\u200C\u200D\u2060\uFEFF]/g;
const EMAIL = /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~\-]+@([^.@][^@\s]+)$/;
const HOSTNAME_PART = /^(xn|[a-z0-9]+)(-?-[a-z0-9]+)*$/i;
const TLD = /^([a-z]{2,63}|xn--([a-z0-9]+-)*[a-z0-9]+)$/i;
const MAX_EMAIL_LENGTH = 320;
const MAX_HOSTNAME_LENGTH = 253;
const MAX_LABEL_LENGTH = 63;

export function isEmailAddress(raw: string): boolean {
  const address = raw.replace(OBSCURE_WHITESPACE, '').trim();
  const match = EMAIL.exec(address);
  if (!match?.[1] || address.length > MAX_EMAIL_LENGTH || address.includes('..')) return false;
  const hostname = domainToASCII(match[1]);
  const parts = hostname.split('.');
  if (hostname === '' || hostname.length > MAX_HOSTNAME_LENGTH || parts.length < 2) return false;
  if (!parts.every((part) => part.length > 0 && part.length <= MAX_LABEL_LENGTH && HOSTNAME_PART.test(part))) return false;
  return TLD.test(parts.at(-1) ?? '');
}

/** The form in which a refused recipient is recognised, however it was typed. */
export function recipientKey(type: 'sms' | 'email', to: string): string {
  if (type === 'email') return to.replace(OBSCURE_WHITESPACE, '').trim().toLowerCase();
  try {
    return parsePhone(to).e164;
  } catch {
    return to;
  }
}
