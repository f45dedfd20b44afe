import { emailProblem, type EmailProblem } from './email-address.js';
import {
  BED_MAX_LENGTH,
  BOOKING_HORIZON_DAYS,
  EMAIL_MAX_LENGTH,
  NAME_MAX_LENGTH,
  REPEAT_DAYS_MAX,
  REPEAT_DAYS_MIN,
  VISIT_LENGTH_MAX_MINUTES,
  VISIT_LENGTH_MIN_MINUTES,
} from './limits.js';
import { instantToLocal, isRealDate, isRealTime, localToInstant } from './local-time.js';
import { normaliseTime } from './typed-input.js';
import { normaliseUkMobile, readUkMobile, UK_MOBILE_DIGITS, type UkMobileProblem } from './uk-mobile.js';

const DAY_MS = 86_400_000;

/** What a nurse fills in to book or change a visit. Times are the hospital's local time. */
export interface BookingFields {
  patientName: string;
  bed: string | null;
  visitorName: string;
  visitorMobile: string | null;
  visitorEmail: string | null;
  /** YYYY-MM-DD */
  date: string;
  /** HH:MM */
  time: string;
  lengthMinutes: number;
  /** Book the same time on this many days in a row (1 = just this day). */
  repeatDays: number;
}

export type BookingField = keyof BookingFields;

export interface FieldProblem {
  field: BookingField;
  message: string;
}

function textProblem(field: BookingField, label: string, value: string, max: number, required: boolean): FieldProblem | null {
  const trimmed = value.trim();
  if (required && trimmed === '') return { field, message: `Enter the ${label}` };
  if (trimmed.length > max) return { field, message: `${capitalise(label)} must be ${max} characters or fewer` };
  return null;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function dateProblem(date: string): FieldProblem | null {
  if (date === '') return { field: 'date', message: 'Enter the date of the visit' };
  if (!isRealDate(date)) return { field: 'date', message: 'Date of the visit must be a real date' };
  return null;
}

function timeProblem(time: string): FieldProblem | null {
  if (time === '') return { field: 'time', message: 'Enter the time of the visit' };
  if (!isRealTime(time)) return { field: 'time', message: 'Enter a real time, like 9:30 or 14:30' };
  return null;
}

const MOBILE_EXAMPLE = 'like 07700 900982';
const EMAIL_EXAMPLE = 'like name@example.com';

/** Each reason a mobile is refused, and what to do. `number` is the library's digits and spaces, never the typed text. */
function mobileMessage(problem: UkMobileProblem): string {
  switch (problem.kind) {
    case 'characters':
      return `Mobile number must only include numbers, spaces, brackets and dashes, ${MOBILE_EXAMPLE}`;
    case 'too-short':
      return `The mobile number is too short: enter all ${UK_MOBILE_DIGITS} digits, ${MOBILE_EXAMPLE}`;
    case 'too-long':
      return `The mobile number is too long: enter ${UK_MOBILE_DIGITS} digits, ${MOBILE_EXAMPLE}`;
    case 'not-uk':
      return `Enter a UK mobile number, ${MOBILE_EXAMPLE}: text messages can only go to UK mobiles`;
    case 'landline':
      return `${problem.number} is a landline: enter a mobile number, ${MOBILE_EXAMPLE}`;
    case 'not-mobile':
      return `${problem.number} is not a mobile number: enter a mobile number, ${MOBILE_EXAMPLE}`;
  }
}

/**
 * Each reason an email address is refused, and what to do. A function, not a table: the bundler
 * cannot tell that putting an imported value into a template at the top of a module has no side
 * effect, and then ships this module, and the phone library with it, to the visitor's pages too
 * (measured with `vite build`: it moved into the chunk the visitor's journey loads).
 */
function emailMessage(problem: EmailProblem): string {
  switch (problem) {
    case 'too-long':
      return `Email address must be ${EMAIL_MAX_LENGTH} characters or fewer`;
    case 'spaces':
      return `The email address cannot include spaces: enter it ${EMAIL_EXAMPLE}`;
    case 'no-at':
      return `Enter the email address with its @, ${EMAIL_EXAMPLE}`;
    case 'several-at':
      return `The email address has more than one @: enter it with one, ${EMAIL_EXAMPLE}`;
    case 'no-domain':
      return `The email address is not complete after the @: enter all of it, ${EMAIL_EXAMPLE}`;
    case 'dots-in-a-row':
      return `The email address has 2 dots in a row: enter it with one, ${EMAIL_EXAMPLE}`;
    case 'format':
      return `Enter an email address in the correct format, ${EMAIL_EXAMPLE}`;
  }
}

function contactProblems(fields: BookingFields): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const mobile = fields.visitorMobile?.trim();
  const reading = mobile ? readUkMobile(mobile) : undefined;
  if (reading && 'problem' in reading) problems.push({ field: 'visitorMobile', message: mobileMessage(reading.problem) });
  const email = fields.visitorEmail?.trim();
  const emailWrong = email ? emailProblem(email) : undefined;
  if (emailWrong) problems.push({ field: 'visitorEmail', message: emailMessage(emailWrong) });
  return problems;
}

/**
 * The date and the time are checked apart, so both are named at once when both are wrong.
 * Then "in the future" goes to the box that is wrong: the date if it is a past day, the time
 * if the day is today.
 */
function whenProblems(fields: BookingFields, now: Date, timeZone: string): FieldProblem[] {
  const date = dateProblem(fields.date);
  const time = timeProblem(fields.time);
  if (date || time) return [date, time].filter((p): p is FieldProblem => p !== null);
  if (fields.date < instantToLocal(now, timeZone).date) return [{ field: 'date', message: 'The date must be today or in the future' }];
  const startsAt = localToInstant(fields, timeZone);
  if (!startsAt) {
    return [{ field: 'time', message: 'This time does not exist on that day because the clocks go forward. Choose a later time' }];
  }
  if (startsAt.getTime() <= now.getTime()) return [{ field: 'time', message: 'The visit must be in the future' }];
  if (startsAt.getTime() > now.getTime() + BOOKING_HORIZON_DAYS * DAY_MS) return [{ field: 'date', message: 'The visit must be within a year from today' }];
  return [];
}

/**
 * Every problem with a booking, in the order the form shows its fields, worded for the
 * error summary. The same rules run on the tablet (before sending) and on the server.
 */
export function bookingProblems(fields: BookingFields, now: Date, timeZone: string): FieldProblem[] {
  const problems: (FieldProblem | null)[] = [
    textProblem('patientName', "patient's name", fields.patientName, NAME_MAX_LENGTH, true),
    textProblem('bed', 'bed', fields.bed ?? '', BED_MAX_LENGTH, false),
    textProblem('visitorName', "visitor's name", fields.visitorName, NAME_MAX_LENGTH, true),
    ...contactProblems(fields),
  ];
  problems.push(...whenProblems(fields, now, timeZone));
  const length = fields.lengthMinutes;
  if (!Number.isInteger(length) || length < VISIT_LENGTH_MIN_MINUTES || length > VISIT_LENGTH_MAX_MINUTES) {
    problems.push({
      field: 'lengthMinutes',
      message: `Length must be a whole number of minutes between ${VISIT_LENGTH_MIN_MINUTES} and ${VISIT_LENGTH_MAX_MINUTES}`,
    });
  }
  const repeat = fields.repeatDays;
  if (!Number.isInteger(repeat) || repeat < REPEAT_DAYS_MIN || repeat > REPEAT_DAYS_MAX) {
    problems.push({ field: 'repeatDays', message: `Number of days must be between ${REPEAT_DAYS_MIN} and ${REPEAT_DAYS_MAX}` });
  }
  return problems.filter((p): p is FieldProblem => p !== null);
}

/** Trims text, turns empty optional fields into null and typed times into HH:MM, as they are stored. */
export function tidyBooking(fields: BookingFields): BookingFields {
  const optional = (value: string | null) => (value && value.trim() !== '' ? value.trim() : null);
  const mobile = optional(fields.visitorMobile);
  return {
    ...fields,
    patientName: fields.patientName.trim(),
    visitorName: fields.visitorName.trim(),
    bed: optional(fields.bed),
    visitorMobile: mobile ? (normaliseUkMobile(mobile) ?? mobile) : null,
    visitorEmail: optional(fields.visitorEmail),
    // "9.30" and "930" become "09:30"; a time that cannot be read stays as typed, for the rules to name.
    time: normaliseTime(fields.time) ?? fields.time.trim(),
  };
}
