// Straight to the module, not the index: the service worker bundles this file and must not
// pull in the zod schemas.
import { addDays, localToInstant } from '../shared/local-time.js';
import type { ApiErrorCode, Command, Visit } from '../shared/index.js';
import type { OutboxEntry } from './outbox.js';

/** A visit as the tablet shows it: the server's copy with this tablet's unsent changes on top. */
export interface ListedVisit extends Visit {
  /** Present while a change to this visit is only on this tablet. */
  unsent?: {
    keys: string[];
    /** The server's reason, if it refused one of them. */
    refusal: { code: ApiErrorCode; message: string } | null;
  };
}

function startsAt(date: string, time: string, timeZone: string): string {
  // Rules were checked before queuing; an impossible time here would be a bug, so keep the date.
  return (localToInstant({ date, time }, timeZone) ?? new Date(`${date}T${time}:00Z`)).toISOString();
}

function markUnsent(visit: Visit, entry: OutboxEntry): ListedVisit {
  const held = (visit as ListedVisit).unsent;
  return {
    ...visit,
    unsent: { keys: [...(held?.keys ?? []), entry.command.key], refusal: held?.refusal ?? entry.refusal },
  };
}

/** What the visit would be once the server applies the command (the server has the last word). */
function applyCommand(byId: Map<string, ListedVisit>, entry: OutboxEntry, timeZone: string): void {
  const command: Command = entry.command;
  if (command.type === 'book' || command.type === 'rebook') {
    const { fields } = command;
    command.visitIds.forEach((id, day) => {
      const visit: Visit = {
        id,
        version: 1,
        status: 'booked',
        startsAt: startsAt(addDays(fields.date, day), fields.time, timeZone),
        lengthMinutes: fields.lengthMinutes,
        patientName: fields.patientName,
        bed: fields.bed,
        visitorName: fields.visitorName,
        visitorMobile: fields.visitorMobile,
        visitorEmail: fields.visitorEmail,
        cancelReason: null,
        rebookOf: command.type === 'rebook' ? command.visitId : null,
        createdAt: entry.madeAt,
        updatedAt: entry.madeAt,
      };
      byId.set(id, markUnsent(visit, entry));
    });
    return;
  }
  const held = byId.get(command.visitId);
  if (!held) return;
  // A refused change is not shown as if it happened: the visit stays as the server has it,
  // marked with the refusal so the nurse can discard or redo the change.
  if (entry.refusal) {
    byId.set(command.visitId, markUnsent(held, entry));
    return;
  }
  const changed: Visit =
    command.type === 'cancel'
      ? { ...held, status: 'cancelled', cancelReason: command.reason.trim() }
      : {
          ...held,
          ...command.fields,
          startsAt: startsAt(command.fields.date, command.fields.time, timeZone),
        };
  // Each applied change bumps the version by one, so a change queued on top of this one is
  // based on the version the server will have by then.
  const next = { ...changed, version: held.version + 1, updatedAt: entry.madeAt };
  byId.set(command.visitId, markUnsent(stripFormOnly(next), entry));
}

/** Change fields carry date and time as typed; a visit keeps only its instant. */
function stripFormOnly(visit: Visit & { date?: string; time?: string }): Visit {
  const { date: _date, time: _time, ...rest } = visit;
  return rest;
}

/** The list the tablet shows: server visits, then every unsent change applied in order. */
export function viewWithOutbox(visits: readonly Visit[], outbox: readonly OutboxEntry[], timeZone: string): ListedVisit[] {
  const byId = new Map<string, ListedVisit>(visits.map((v) => [v.id, v]));
  const ordered = [...outbox].sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
  for (const entry of ordered) applyCommand(byId, entry, timeZone);
  return [...byId.values()];
}

/**
 * A fresh server list merged into the device's copy. The server's list is the truth for the
 * window it covers (from `listFrom`); a copy with a higher version than the list (a command's
 * answer that overtook the list) is kept. Older records stay until the daily purge.
 */
export function mergeServerList(held: readonly Visit[], listed: readonly Visit[], listFrom: Date): Visit[] {
  const heldById = new Map(held.map((v) => [v.id, v]));
  const merged = new Map<string, Visit>();
  for (const visit of listed) {
    const mine = heldById.get(visit.id);
    merged.set(visit.id, mine && mine.version > visit.version ? mine : visit);
  }
  for (const visit of held) {
    if (!merged.has(visit.id) && Date.parse(visit.startsAt) < listFrom.getTime()) merged.set(visit.id, visit);
  }
  return [...merged.values()];
}

/** Visits pushed by the server (another tablet's change) replace older copies only. */
export function mergePushed(held: readonly Visit[], pushed: readonly Visit[]): Visit[] {
  const byId = new Map(held.map((v) => [v.id, v]));
  for (const visit of pushed) {
    const mine = byId.get(visit.id);
    if (!mine || visit.version >= mine.version) byId.set(visit.id, visit);
  }
  return [...byId.values()];
}
