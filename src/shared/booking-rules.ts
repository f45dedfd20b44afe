import {
  BED_MAX_LENGTH,
  BOOKING_HORIZON_DAYS,
  NAME_MAX_LENGTH,
  REPEAT_DAYS_MAX,
  REPEAT_DAYS_MIN,
  VISIT_LENGTH_MAX_MINUTES,
  VISIT_LENGTH_MIN_MINUTES,
} from './limits.js';
import { instantToLocal, isRealDate, isRealTime, localToInstant } from './local-time.js';
import { isEmail, normaliseTime, normaliseUkMobile } from './typed-input.js';

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
  ];
  if (fields.visitorMobile && !normaliseUkMobile(fields.visitorMobile)) {
    problems.push({ field: 'visitorMobile', message: 'Enter a UK mobile number, like 07700 900982' });
  }
  if (fields.visitorEmail && !isEmail(fields.visitorEmail.trim())) {
    problems.push({ field: 'visitorEmail', message: 'Enter an email address in the correct format, like name@example.com' });
  }
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
