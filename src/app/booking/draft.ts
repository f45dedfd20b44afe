import {
  addDays,
  instantToLocal,
  VISIT_LENGTH_DEFAULT_MINUTES,
  type BookingField,
  type BookingFields,
  type ChangeFields,
  type Visit,
} from '../../shared/index.js';

/** What the booking form holds: every box as typed, so nothing the nurse types is lost. */
export interface BookingDraft {
  patientName: string;
  bed: string;
  visitorName: string;
  visitorMobile: string;
  visitorEmail: string;
  day: string;
  month: string;
  year: string;
  time: string;
  lengthMinutes: string;
  repeatDays: string;
}

export const emptyDraft: BookingDraft = {
  patientName: '',
  bed: '',
  visitorName: '',
  visitorMobile: '',
  visitorEmail: '',
  day: '',
  month: '',
  year: '',
  time: '',
  lengthMinutes: String(VISIT_LENGTH_DEFAULT_MINUTES),
  repeatDays: '',
};

/** The id of the box each field's problem links to; the date links to its Day box. */
export const FIELD_IDS: Record<BookingField, string> = {
  patientName: 'patient-name',
  bed: 'bed',
  visitorName: 'visitor-name',
  visitorMobile: 'visitor-mobile',
  visitorEmail: 'visitor-email',
  date: 'date-day',
  time: 'time',
  lengthMinutes: 'length',
  repeatDays: 'repeat-days',
};

const pad = (text: string, width: number) => text.trim().padStart(width, '0');

/** Typed boxes to the contract's fields. Bad numbers stay bad (NaN) so the rules name them. */
export function draftToFields(draft: BookingDraft): BookingFields {
  const anyDate = draft.day.trim() || draft.month.trim() || draft.year.trim();
  return {
    patientName: draft.patientName,
    bed: draft.bed,
    visitorName: draft.visitorName,
    visitorMobile: draft.visitorMobile,
    visitorEmail: draft.visitorEmail,
    date: anyDate ? `${pad(draft.year, 4)}-${pad(draft.month, 2)}-${pad(draft.day, 2)}` : '',
    time: draft.time.trim(),
    lengthMinutes: wholeNumber(draft.lengthMinutes),
    repeatDays: draft.repeatDays.trim() === '' ? 1 : wholeNumber(draft.repeatDays),
  };
}

function wholeNumber(text: string): number {
  return /^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN;
}

export function withoutRepeat(fields: BookingFields): ChangeFields {
  const { repeatDays: _repeat, ...change } = fields;
  return change;
}

/** A draft of an existing visit, moved by whole days (1 = same time tomorrow, for Rebook). */
export function draftFromVisit(visit: Visit, timeZone: string, daysLater = 0): BookingDraft {
  const local = instantToLocal(new Date(visit.startsAt), timeZone);
  const date = addDays(local.date, daysLater);
  const [year, month, day] = date.split('-') as [string, string, string];
  return {
    patientName: visit.patientName ?? '',
    bed: visit.bed ?? '',
    visitorName: visit.visitorName ?? '',
    visitorMobile: visit.visitorMobile ?? '',
    visitorEmail: visit.visitorEmail ?? '',
    day,
    month,
    year,
    time: local.time,
    lengthMinutes: String(visit.lengthMinutes),
    repeatDays: '',
  };
}

/** From a box's id back to its field, to put a summary's problem next to its box. */
export function fieldOfId(id: string | undefined): BookingField | undefined {
  return (Object.keys(FIELD_IDS) as BookingField[]).find((field) => FIELD_IDS[field] === id);
}
