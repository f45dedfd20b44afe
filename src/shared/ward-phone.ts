/**
 * The ward's phone number for families: set by the trust admin, shown on the visitor's pages
 * so a family whose visit was cancelled or has ended knows whom to call. A UK number as people
 * type it ("020 7946 0000", "+44 (0)20 7946 0000", "0113-496-0000"). No zod here: the
 * visitor's page uses telHref, and its bundle stays small.
 */

/** Longer than any UK number written out with +44, brackets and spaces; shorter than any paragraph. */
export const WARD_PHONE_MAX_LENGTH = 30;
/** A UK number dialled from inside the UK: 0 and then 9 or 10 digits. */
const NATIONAL_DIGITS_MIN = 10;
const NATIONAL_DIGITS_MAX = 11;

const EXAMPLE = 'like 020 7946 0000 or +44 20 7946 0000';
/** Digits, spaces, brackets and dashes, with a + only at the very start. */
const TYPABLE = /^\+?[0-9 ()-]+$/;

/** What the admin typed, tidied for showing: no space at the ends, one space between groups. */
export function tidyWardPhone(typed: string): string {
  return typed.trim().replace(/\s+/g, ' ');
}

/** The number as dialled inside the UK (0 and then digits), or undefined if it is not one. */
function nationalDigits(typed: string): string | undefined {
  if (!TYPABLE.test(typed)) return undefined;
  let digits = typed.replace(/[ ()-]/g, '');
  if (digits.startsWith('+')) {
    if (!digits.startsWith('+44')) return undefined;
    // "+44 (0)20 …" is how many people write it: the 0 in brackets is not dialled from abroad.
    digits = `0${digits.slice(3).replace(/^0/, '')}`;
  }
  return digits;
}

/**
 * What is wrong with a phone number the admin typed, in NHS error-message style (no full
 * stop: the server adds one); undefined when it will do. An empty number is not checked
 * here: the setting is optional, and empty means "no number".
 */
export function wardPhoneProblem(typed: string): string | undefined {
  const phone = tidyWardPhone(typed);
  if (phone.length > WARD_PHONE_MAX_LENGTH) return `Phone number must be ${WARD_PHONE_MAX_LENGTH} characters or fewer`;
  if (!TYPABLE.test(phone)) return `Phone number must only include numbers, spaces, brackets and dashes, ${EXAMPLE}`;
  if (phone.startsWith('+') && !phone.startsWith('+44')) return `Enter a UK phone number, starting with 0 or +44, ${EXAMPLE}`;
  const digits = nationalDigits(phone)!;
  if (!digits.startsWith('0') || digits.length < NATIONAL_DIGITS_MIN || digits.length > NATIONAL_DIGITS_MAX) {
    return `Enter a UK phone number with 10 or 11 digits, ${EXAMPLE}`;
  }
  return undefined;
}

/** The tel: address of a UK number (a ward's, or a visitor's mobile), in the +44 form that works from abroad too. */
export function telHref(phone: string): string {
  const digits = nationalDigits(tidyWardPhone(phone));
  return digits ? `tel:+44${digits.slice(1)}` : `tel:${phone.replace(/[^0-9+]/g, '')}`;
}
