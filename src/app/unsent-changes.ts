import { localToInstant, type Command } from '../shared/index.js';
import type { ListedVisit, OutboxEntry } from '../visits/index.js';
import { shortDate, visitDate, visitTime } from './format.js';

/** One change still only on this tablet, in words a nurse recognises. */
export interface UnsentChange {
  key: string;
  patient: string;
  /** "Thu 3 Dec at 14:30": when the visit is (after the change, for a change of time). */
  when: string;
  change: string;
  refused: boolean;
}

const WHAT_CHANGED: Record<Command['type'], string> = {
  book: 'new booking',
  rebook: 'rebooking',
  change: 'change of details',
  cancel: 'cancellation',
};

function dayAndTime(date: string, time: string): string {
  return `${shortDate(date)} at ${time}`;
}

/**
 * The outbox as a list of what would be lost: which visit (patient and time) and what change.
 * Bookings and changes carry their own details; a cancellation takes them from the visit.
 */
export function describeUnsent(outbox: readonly OutboxEntry[], visits: readonly ListedVisit[], timeZone: string): UnsentChange[] {
  const byId = new Map(visits.map((visit) => [visit.id, visit]));
  return [...outbox]
    .sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0))
    .map(({ command, refusal }) => {
      const visit = 'visitId' in command ? byId.get(command.visitId) : byId.get(command.visitIds[0]!);
      const fields = 'fields' in command ? command.fields : null;
      const patient = fields?.patientName ?? visit?.patientName ?? 'Patient name not known';
      const when = fields && localToInstant(fields, timeZone) ? dayAndTime(fields.date, fields.time) : visit ? dayAndTime(visitDate(visit, timeZone), visitTime(visit, timeZone)) : '';
      const days = command.type === 'book' || command.type === 'rebook' ? command.visitIds.length : 1;
      const change = days > 1 ? `${WHAT_CHANGED[command.type]} for ${days} days` : WHAT_CHANGED[command.type];
      return { key: command.key, patient, when, change, refused: refusal !== null };
    });
}
