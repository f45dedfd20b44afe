import { ParseError, parsePhoneNumberWithError, type PhoneNumber } from 'libphonenumber-js/core';
import metadata from './uk-phone-metadata.js';

/**
 * Visitors' mobile numbers, read by libphonenumber-js (Google's numbering data) with only the
 * +44 metadata (scripts/uk-phone-metadata.mjs), so the ward tablet's bundle stays small. The
 * only importer of libphonenumber-js. Pure, so the tablet's form and the server agree.
 *
 * A visit keeps a mobile as dialled inside the UK, "07700900123" (11 digits): the form visits
 * have had from the start, in databases and on tablets.
 */

/** Every UK mobile has 11 digits dialled from inside the UK: 07 and 9 more. */
export const UK_MOBILE_DIGITS = 11;

/**
 * Ofcom keeps 07700 900000 to 07700 900999 for drama and examples (its list of telephone
 * numbers for drama purposes): never given to anyone, so Google's data does not list them as
 * mobiles. They are accepted, because they are what the form's own example ("like 07700
 * 900982"), demonstrations and tests use; a text to one simply fails.
 */
const OFCOM_DRAMA_MOBILES = '7700900';
const NATIONAL_PREFIX = '0';
const UK_CALLING_CODE = '44';
const TYPED_DIGITS_AND_PUNCTUATION = /^\+?[\d\s()-]*$/;

/** Why a typed number is not a UK mobile. `number` is the library's own rendering (digits and spaces), never what was typed. */
export type UkMobileProblem =
  | { kind: 'characters' }
  | { kind: 'too-short' }
  | { kind: 'too-long' }
  | { kind: 'not-uk' }
  | { kind: 'landline'; number: string }
  | { kind: 'not-mobile'; number: string };

export type UkMobileReading = { mobile: string; phone: PhoneNumber } | { problem: UkMobileProblem };

/** The numbering plan's verdict, put into the reasons people can act on. */
function readParsed(phone: PhoneNumber): UkMobileReading {
  const national = phone.nationalNumber;
  const type = phone.getType();
  const isDrama = national.startsWith(OFCOM_DRAMA_MOBILES) && national.length + 1 === UK_MOBILE_DIGITS;
  if (type === 'MOBILE' || isDrama) return { mobile: `${NATIONAL_PREFIX}${national}`, phone };
  if (type === 'FIXED_LINE') return { problem: { kind: 'landline', number: phone.formatNational() } };
  if (type === undefined) {
    // Not a number in use: say which way the digits are off, as a mobile would need them.
    if (national.length + 1 < UK_MOBILE_DIGITS) return { problem: { kind: 'too-short' } };
    if (national.length + 1 > UK_MOBILE_DIGITS) return { problem: { kind: 'too-long' } };
  }
  // Personal numbers (070), pagers (076), freephone, shared-cost and the rest: real, not mobiles.
  return { problem: { kind: 'not-mobile', number: phone.formatNational() } };
}

/** What the library says of text that passed the character check and still could not be read. */
function parseErrorProblem(reason: string): UkMobileProblem {
  if (reason === 'INVALID_COUNTRY') return { kind: 'not-uk' };
  if (reason === 'TOO_LONG') return { kind: 'too-long' };
  // TOO_SHORT, and NOT_A_NUMBER: only digits and punctuation got here, so too few digits ("+", "07").
  return { kind: 'too-short' };
}

/**
 * A typed UK mobile: "07700 900123", "07700-900-123", "(07700) 900123", "+44 7700 900123",
 * "+44 (0)7700 900123", "0044 7700 900123". Mobiles of Guernsey, Jersey and the Isle of Man
 * (also +44) count; personal numbers (070), pagers (076) and landlines do not.
 */
export function readUkMobile(typed: string): UkMobileReading {
  const text = typed.trim();
  // Letters, full stops and the rest are refused before the library sees them: it would read a
  // number out of "call 07700 900123 after 6" and keep "ext. 5" as an extension.
  if (!TYPED_DIGITS_AND_PUNCTUATION.test(text)) return { problem: { kind: 'characters' } };
  let phone: PhoneNumber;
  try {
    phone = parsePhoneNumberWithError(text, { defaultCountry: 'GB', extract: false }, metadata);
  } catch (error) {
    if (error instanceof ParseError) return { problem: parseErrorProblem(error.message) };
    throw error;
  }
  // The metadata holds only +44; anything else would be a country the library should not have found.
  if (phone.countryCallingCode !== UK_CALLING_CODE) return { problem: { kind: 'not-uk' } };
  return readParsed(phone);
}

/** The mobile in the stored form, "07700900123", or null if it is not a UK mobile. */
export function normaliseUkMobile(input: string): string | null {
  const reading = readUkMobile(input);
  return 'mobile' in reading ? reading.mobile : null;
}

/** The number as people say it, "07700 900123"; anything else as it was stored. */
export function formatUkMobile(stored: string): string {
  const reading = readUkMobile(stored);
  return 'mobile' in reading ? reading.phone.formatNational() : stored;
}
