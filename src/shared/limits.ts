/** Numbers the product promises, named once so server, page and tests agree. */

export const PIN_MIN_DIGITS = 6;
export const WARD_CODE_MAX_LENGTH = 20;

/** A session lasts one shift at most. */
export const SESSION_MAX_HOURS = 12;

/**
 * Five wrong PINs for one ward code from one network address within 15 minutes lock that code
 * for that address for 15 minutes: the guesser is locked out, not the ward's nurses elsewhere.
 */
export const LOCKOUT_MAX_FAILURES = 5;
export const LOCKOUT_WINDOW_MINUTES = 15;
export const LOCKOUT_MINUTES = 15;
/**
 * Wrong PINs for one ward code from every address together within 15 minutes before the code
 * is locked for tablets the ward has not used before. A guesser with many addresses then gets
 * about 2,000 tries a day at a million PINs; the ward's own tablets still sign in.
 */
export const WARD_CODE_MAX_TRIES = 20;
/** How long a tablet stays known to its ward after its last sign-in. */
export const WARD_DEVICE_DAYS = 90;

export const VISIT_LENGTH_DEFAULT_MINUTES = 30;
export const VISIT_LENGTH_MIN_MINUTES = 5;
export const VISIT_LENGTH_MAX_MINUTES = 240;
/**
 * How far ahead a visit may be booked. Personal data is kept until a visit ends, so a visit on
 * 9999-12-31 would keep a name for ever; no ward plans visits a year out.
 */
export const BOOKING_HORIZON_DAYS = 365;
export const REPEAT_DAYS_MIN = 1;
export const REPEAT_DAYS_MAX = 14;

/** Long enough for any real name or bed label, short enough to fit a row on a phone. */
export const NAME_MAX_LENGTH = 100;
export const BED_MAX_LENGTH = 30;
export const EMAIL_MAX_LENGTH = 254;
export const CANCEL_REASON_MAX_LENGTH = 200;

/** The visit list tabs: "Today" starts an hour ago; "Past 12 hours" looks back from now. */
export const TODAY_LOOKBACK_MINUTES = 60;
export const PAST_TAB_HOURS = 12;

/** Request bodies are small JSON commands; anything bigger is a mistake or an attack. */
export const MAX_BODY_BYTES = 16 * 1024;

/**
 * Wrong credentials (PINs, link tokens, made-up cookies) from one network address: 30 within
 * 15 minutes and that address is refused for 15 minutes. A whole hospital may sit behind one
 * address, typing PINs at shift change, so the limit leaves room for their slips; a guesser
 * spraying a common PIN across ward codes, or links, needs thousands.
 */
export const ADDRESS_MAX_FAILURES = 30;
export const ADDRESS_WINDOW_MINUTES = 15;
export const ADDRESS_BLOCK_MINUTES = 15;

/** A visitor session (the link's token swapped for a cookie) lasts this long at most. */
export const VISITOR_SESSION_MAX_HOURS = 4;
