import {
  PRESENCE_MAX_PER_VISIT,
  VISITOR_SESSION_MAX_HOURS,
  type Participant,
  type PresenceState,
  type VisitPresence,
  type VisitStatus,
} from '../../shared/index.js';
import type { WardEvents } from '../ward-events.js';

/**
 * Who is at each visit's link now, fed by the relay and the visitor-session route, read by the
 * ward's sockets (DESIGN.md: live state shared by nodes sits behind one interface; this is the
 * in-memory one for a single node, a Redis one with a TTL would take its place for several).
 * Never written to the database, and never logged: it carries the names visitors typed.
 */
export interface LivePresence {
  /** Someone swapped the link's token for a visitor session: they have the link open. */
  linkOpened(wardId: string, visitId: string, visitorSessionHash: string): void;
  /** A visitor device joined the room, or came back to it: waiting, or in the call on a restored pairing. */
  joined(visitor: { wardId: string; visitId: string | null; visitorSessionHash?: string | undefined }, participant: Participant): void;
  /** What the relay saw happen to a device already in the room (admitted, media back or lost, turned away, gone). */
  moved(visitId: string, participantId: string, state: PresenceState): void;
  /** A device's socket dropped: one in the call is reconnecting; one only waiting has gone. */
  away(visitId: string, participantId: string): void;
  /** The tablet came back and restored pairings: those the room now counts as admitted are in the call. */
  restored(visitId: string, participants: readonly Participant[]): void;
  /** The visit ended, was cancelled, or its link was replaced: nobody is at it any more. */
  closed(visitId: string): void;
  /** Everything known for a ward, for a tablet that (re)connects. */
  ward(wardId: string): Promise<VisitPresence[]>;
  /** Called once per ward for each burst of changes, with the visits that changed. */
  onChange(listener: (wardId: string, visits: VisitPresence[]) => void): void;
}

/** Gone or only-opened entries are forgotten after this: no visitor session lives longer. */
const PRESENCE_TTL_MS = VISITOR_SESSION_MAX_HOURS * 3_600_000;
const ACTIVE: ReadonlySet<PresenceState> = new Set(['waiting', 'checking', 'in-call', 'reconnecting']);
const CLOSED_STATUSES: ReadonlySet<VisitStatus> = new Set(['completed', 'cancelled', 'missed']);

interface Entry {
  /** The visitor session's hash: one entry per browser that opened the link. */
  key: string;
  participantId: string | null;
  name: string | null;
  state: PresenceState;
  since: Date;
}

interface VisitEntries {
  wardId: string;
  entries: Map<string, Entry>;
}

export function createMemoryPresence(now: () => Date): LivePresence {
  const visits = new Map<string, VisitEntries>();
  const listeners: ((wardId: string, visits: VisitPresence[]) => void)[] = [];
  // Changes in one tick (a leave is "away" then "left") go out as one push.
  const changed = new Map<string, string>();
  let flushQueued = false;

  const view = (visitId: string): VisitPresence => {
    const held = visits.get(visitId);
    const entries = held ? [...held.entries.values()].sort((a, b) => a.since.getTime() - b.since.getTime()) : [];
    return { visitId, visitors: entries.map(({ name, state, since }) => ({ name, state, since: since.toISOString() })) };
  };

  const flush = () => {
    flushQueued = false;
    const byWard = new Map<string, VisitPresence[]>();
    for (const [visitId, wardId] of changed) byWard.set(wardId, [...(byWard.get(wardId) ?? []), view(visitId)]);
    changed.clear();
    for (const [wardId, pushed] of byWard) for (const listener of listeners) listener(wardId, pushed);
  };

  const touch = (visitId: string, wardId: string) => {
    changed.set(visitId, wardId);
    if (!flushQueued) queueMicrotask(flush);
    flushQueued = true;
  };

  /** Forgets what has expired, and the oldest gone (then only-opened) entries past the cap. */
  const prune = (held: VisitEntries) => {
    const cutoff = now().getTime() - PRESENCE_TTL_MS;
    for (const [key, entry] of held.entries) if (!ACTIVE.has(entry.state) && entry.since.getTime() < cutoff) held.entries.delete(key);
    const expendable = [...held.entries.values()]
      .filter((entry) => !ACTIVE.has(entry.state))
      .sort((a, b) => Number(a.state === 'opened') - Number(b.state === 'opened') || a.since.getTime() - b.since.getTime());
    while (held.entries.size > PRESENCE_MAX_PER_VISIT && expendable.length > 0) held.entries.delete(expendable.shift()!.key);
  };

  const entryFor = (visitId: string, participantId: string) => {
    const held = visits.get(visitId);
    const entry = held && [...held.entries.values()].find((candidate) => candidate.participantId === participantId);
    return entry && held ? { held, entry } : undefined;
  };

  const set = (visitId: string, held: VisitEntries, entry: Entry, state: PresenceState) => {
    if (entry.state === state) return;
    Object.assign(entry, { state, since: now() });
    touch(visitId, held.wardId);
  };

  const upsert = (wardId: string, visitId: string, entry: Entry) => {
    const held = visits.get(visitId) ?? visits.set(visitId, { wardId, entries: new Map() }).get(visitId)!;
    held.entries.set(entry.key, entry);
    prune(held);
    touch(visitId, wardId);
  };

  return {
    linkOpened(wardId, visitId, visitorSessionHash) {
      upsert(wardId, visitId, { key: visitorSessionHash, participantId: null, name: null, state: 'opened', since: now() });
    },
    joined({ wardId, visitId, visitorSessionHash }, participant) {
      if (!visitId) return;
      const state: PresenceState = participant.state === 'admitted' ? 'in-call' : participant.state;
      const key = visitorSessionHash ?? participant.id;
      const known = visits.get(visitId)?.entries.get(key);
      // The same device back on its place, in the same state: nothing a nurse needs to see.
      if (known && known.participantId === participant.id && known.state === state) return;
      upsert(wardId, visitId, { key, participantId: participant.id, name: participant.name, state, since: now() });
    },
    moved(visitId, participantId, state) {
      const found = entryFor(visitId, participantId);
      if (found) set(visitId, found.held, found.entry, state);
    },
    away(visitId, participantId) {
      const found = entryFor(visitId, participantId);
      if (!found) return;
      const inCall = found.entry.state === 'in-call' || found.entry.state === 'checking' || found.entry.state === 'reconnecting';
      set(visitId, found.held, found.entry, inCall ? 'reconnecting' : 'left');
    },
    restored(visitId, participants) {
      for (const participant of participants) {
        const found = entryFor(visitId, participant.id);
        if (found && participant.state !== 'waiting' && found.entry.state === 'waiting') set(visitId, found.held, found.entry, participant.state === 'checking' ? 'checking' : 'in-call');
      }
    },
    closed(visitId) {
      const held = visits.get(visitId);
      if (!held) return;
      visits.delete(visitId);
      touch(visitId, held.wardId);
    },
    async ward(wardId) {
      const found: VisitPresence[] = [];
      for (const [visitId, held] of visits) {
        if (held.wardId !== wardId) continue;
        prune(held);
        if (held.entries.size > 0) found.push(view(visitId));
      }
      return found;
    },
    onChange(listener) {
      listeners.push(listener);
    },
  };
}

/** A visit that is over (ended, cancelled, missed) or whose link was replaced has nobody at it. */
export function closePresenceWithVisits(presence: LivePresence, events: WardEvents): void {
  events.onVisitsChanged((_wardId, changed) => {
    for (const visit of changed) if (CLOSED_STATUSES.has(visit.status)) presence.closed(visit.id);
  });
  events.onLinkReplaced((visitId) => presence.closed(visitId));
}
