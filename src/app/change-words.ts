import { instantToLocal, type Command, type Visit } from '../shared/index.js';
import { shortDate } from './format.js';

type Fields = Extract<Command, { type: 'change' }>['fields'];

/** The fields a change can touch, in the words the booking form uses. */
const FIELD_WORDS: readonly [keyof Fields, string][] = [
  ['patientName', "patient's name"],
  ['bed', 'bed'],
  ['visitorName', "visitor's name"],
  ['visitorMobile', "visitor's mobile number"],
  ['visitorEmail', "visitor's email address"],
  ['date', 'date'],
  ['time', 'time'],
  ['lengthMinutes', 'length'],
];

const when = (date: string, time: string) => `${shortDate(date)} at ${time}`;
const possessive = (name: string) => `${name}'s`;

/**
 * A change in words, naming the patient and what it would have done, for a refused change:
 * "Change to John Smith's visit on Thu 3 Dec at 14:30: time and visitor's name". `visit` is
 * the server's copy (a refused change is not shown as if it happened), if the tablet has it.
 */
export function describeChange(command: Command, visit: Visit | undefined, timeZone: string): string {
  if (command.type === 'book') {
    const { patientName, date, time, repeatDays } = command.fields;
    const repeat = repeatDays > 1 ? `, every day for ${repeatDays} days` : '';
    return `Booking a visit for ${patientName} on ${when(date, time)}${repeat}`;
  }
  const local = visit ? instantToLocal(new Date(visit.startsAt), timeZone) : null;
  const patient = visit?.patientName ?? ('fields' in command ? command.fields.patientName : null) ?? 'the patient';
  const onDay = local ? ` on ${when(local.date, local.time)}` : '';
  switch (command.type) {
    case 'cancel':
      return `Cancelling ${possessive(patient)} visit${onDay}`;
    case 'rebook':
      return `Rebooking ${possessive(patient)} visit for ${when(command.fields.date, command.fields.time)}`;
    case 'change': {
      const changed = visit && local ? changedFields(command.fields, visit, local).map((key) => FIELD_WORDS_BY_KEY.get(key)!) : [];
      return `Change to ${possessive(patient)} visit${onDay}${changed.length > 0 ? `: ${listInWords(changed)}` : ''}`;
    }
  }
}

const FIELD_WORDS_BY_KEY = new Map(FIELD_WORDS);

/** Which fields a change touches, compared with the visit as it was (on the hospital's clock). */
export function fieldsChanged(fields: Fields, visit: Visit, timeZone: string): (keyof Fields)[] {
  return changedFields(fields, visit, instantToLocal(new Date(visit.startsAt), timeZone));
}

function changedFields(fields: Fields, visit: Visit, local: { date: string; time: string }): (keyof Fields)[] {
  const before: Fields = {
    patientName: visit.patientName ?? '',
    bed: visit.bed,
    visitorName: visit.visitorName ?? '',
    visitorMobile: visit.visitorMobile,
    visitorEmail: visit.visitorEmail,
    date: local.date,
    time: local.time,
    lengthMinutes: visit.lengthMinutes,
  };
  return FIELD_WORDS.filter(([key]) => (fields[key] ?? null) !== (before[key] ?? null)).map(([key]) => key);
}

/** "time", "time and bed", "date, time and bed". */
function listInWords(items: readonly string[]): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
