import {
  PRESENCE_MAX_PER_VISIT,
  VISITOR_SESSION_MAX_HOURS,
  type Participant,
  type ParticipantState,
  type PresenceState,
  type VisitPresence,
  type VisitStatus,
} from '../../shared/index.js';
import type { LiveRecords, RecordKind } from '../live/index.js';
import { memoryRecords } from '../live/memory-records.js';
import type { WardEvents } from '../ward-events.js';

/**
 * Who is at each visit's link now, fed by the relay and the visitor-session route, read by the
 * ward's sockets. Kept in the live state (live/): this node's memory, or Redis with a TTL when
 * several nodes share the calls, so a tablet on any node sees everyone at the ward's links.
 * Never written to the database, and never logged: it carries the names visitors typed.
 */
export interface LivePresence {
  /** Someone swapped the link's token for a visitor session: they have the link open. */
  linkOpened(wardId: string, visitId: string, visitorSessionHash: string): Promise<void>;
  /** A visitor device joined the room, or came back to it: waiting, or in the call on a restored pairing. */
  joined(visitor: { wardId: string; visitId: string | null; visitorSessionHash?: string | undefined }, participant: Participant): Promise<void>;
  /** What the relay saw happen to a device already in the room (admitted, media back or lost, turned away, gone). */
  moved(visitId: string, participantId: string, state: PresenceState): Promise<void>;
  /** A device's socket dropped: one in the call is reconnecting; one only waiting has gone. */
  away(visitId: string, participantId: string): Promise<void>;
  /** The tablet came back and restored pairings: those the room now counts as admitted are in the call. */
  restored(visitId: string, participants: readonly Participant[]): Promise<void>;
  /** The visit ended, was cancelled, or its link was replaced: nobody is at it any more. */
  closed(visitId: string): Promise<void>;
  /** Everything known for a ward, for a tablet that (re)connects. */
  ward(wardId: string): Promise<VisitPresence[]>;
  /** Called once per ward for each burst of changes, with the visits that changed. */
  onChange(listener: (wardId: string, visits: VisitPresence[]) => void): void;
}

/** Gone or only-opened entries are forgotten after this: no visitor session lives longer. */
const PRESENCE_TTL_MS = VISITOR_SESSION_MAX_HOURS * 3_600_000;
const ACTIVE: ReadonlySet<PresenceState> = new Set(['waiting', 'checking', 'in-call', 'reconnecting']);
const IN_CALL: ReadonlySet<PresenceState> = new Set(['checking', 'in-call', 'reconnecting']);
const CLOSED_STATUSES: ReadonlySet<VisitStatus> = new Set(['completed', 'cancelled', 'missed']);

interface Entry {
  /** The visitor session's hash: one entry per browser that opened the link. */
  key: string;
  participantId: string | null;
  name: string | null;
  state: PresenceState;
  /** Milliseconds since the epoch: the record is JSON in Redis. */
  since: number;
}

/** Who is at one visit's link. */
export interface PresenceRecord {
  visitId: string;
  wardId: string;
  entries: Entry[];
}

/** A visit's presence in Redis is forgotten once no visitor session could still be live. */
export const presenceKind: RecordKind<PresenceRecord> = {
  name: 'presence',
  encode: (record) => JSON.stringify(record),
  decode: (text) => JSON.parse(text) as PresenceRecord,
  groupOf: (record) => record.wardId,
  ttlMs: PRESENCE_TTL_MS,
};

const view = ({ visitId, entries }: PresenceRecord): VisitPresence => ({
  visitId,
  visitors: [...entries].sort((a, b) => a.since - b.since).map(({ name, state, since }) => ({ name, state, since: new Date(since).toISOString() })),
});

/** Forgets what has expired, and the oldest gone (then only-opened) entries past the cap. */
function prune(record: PresenceRecord, now: number): void {
  const cutoff = now - PRESENCE_TTL_MS;
  record.entries = record.entries.filter((entry) => ACTIVE.has(entry.state) || entry.since >= cutoff);
  const expendable = record.entries
    .filter((entry) => !ACTIVE.has(entry.state))
    .sort((a, b) => Number(a.state === 'opened') - Number(b.state === 'opened') || a.since - b.since);
  while (record.entries.length > PRESENCE_MAX_PER_VISIT && expendable.length > 0) {
    const dropped = expendable.shift()!;
    record.entries = record.entries.filter((entry) => entry !== dropped);
  }
}

/** Who is at each visit's link, kept in the live state (one node's memory, or Redis). */
export function createPresence(records: LiveRecords<PresenceRecord>, now: () => Date): LivePresence {
  const listeners: ((wardId: string, visits: VisitPresence[]) => void)[] = [];
  // Changes in one tick (a leave is "away" then "left") go out as one push, the latest view of each visit.
  const changed = new Map<string, { wardId: string; presence: VisitPresence }>();
  let flushQueued = false;

  const flush = () => {
    flushQueued = false;
    const byWard = new Map<string, VisitPresence[]>();
    for (const { wardId, presence } of changed.values()) byWard.set(wardId, [...(byWard.get(wardId) ?? []), presence]);
    changed.clear();
    for (const [wardId, pushed] of byWard) for (const listener of listeners) listener(wardId, pushed);
  };

  const push = (visitId: string, latest: { wardId: string; presence: VisitPresence }) => {
    changed.set(visitId, latest);
    if (!flushQueued) queueMicrotask(flush);
    flushQueued = true;
  };

  /** Changes a visit's entries; the ward hears of it if anything changed. */
  const change = async (visitId: string, wardId: string | null, edit: (record: PresenceRecord, at: number) => boolean) => {
    const after = await records.update(visitId, (found) => {
      if (!found && !wardId) return { keep: null, answer: null };
      const record = found ?? { visitId, wardId: wardId!, entries: [] };
      const at = now().getTime();
      if (!edit(record, at)) return { keep: found ?? null, answer: null };
      prune(record, at);
      return { keep: record, answer: { wardId: record.wardId, presence: view(record) } };
    });
    if (after) push(visitId, after);
  };

  const upsert = (record: PresenceRecord, entry: Entry) => {
    record.entries = [...record.entries.filter((known) => known.key !== entry.key), entry];
    return true;
  };
  /** Moves a device's entry to a new state, if it has one and is not in it already. */
  const move = (record: PresenceRecord, participantId: string, at: number, next: (entry: Entry) => PresenceState | null) => {
    const entry = record.entries.find((candidate) => candidate.participantId === participantId);
    const state = entry && next(entry);
    if (!entry || !state || entry.state === state) return false;
    Object.assign(entry, { state, since: at });
    return true;
  };

  return {
    linkOpened: (wardId, visitId, visitorSessionHash) =>
      change(visitId, wardId, (record, at) => upsert(record, { key: visitorSessionHash, participantId: null, name: null, state: 'opened', since: at })),
    joined: ({ wardId, visitId, visitorSessionHash }, participant) => {
      if (!visitId) return Promise.resolve();
      const state: PresenceState = participant.state === 'admitted' ? 'in-call' : participant.state;
      const key = visitorSessionHash ?? participant.id;
      return change(visitId, wardId, (record, at) => {
        const known = record.entries.find((entry) => entry.key === key);
        // The same device back on its place, in the same state: nothing a nurse needs to see.
        if (known && known.participantId === participant.id && known.state === state) return false;
        return upsert(record, { key, participantId: participant.id, name: participant.name, state, since: at });
      });
    },
    moved: (visitId, participantId, state) => change(visitId, null, (record, at) => move(record, participantId, at, () => state)),
    away: (visitId, participantId) =>
      change(visitId, null, (record, at) => move(record, participantId, at, (entry) => (IN_CALL.has(entry.state) ? 'reconnecting' : 'left'))),
    restored: (visitId, participants) =>
      change(visitId, null, (record, at) =>
        participants
          .filter((participant) => participant.state !== 'waiting')
          .map((participant) => move(record, participant.id, at, (entry) => (entry.state === 'waiting' ? presenceOf(participant.state) : null)))
          .includes(true),
      ),
    async closed(visitId) {
      const wardId = await records.update(visitId, (found) => ({ keep: null, answer: found?.wardId }));
      if (wardId) push(visitId, { wardId, presence: { visitId, visitors: [] } });
    },
    async ward(wardId) {
      const at = now().getTime();
      const found: VisitPresence[] = [];
      for (const record of await records.group(wardId)) {
        const copy = { ...record, entries: [...record.entries] };
        prune(copy, at);
        if (copy.entries.length > 0) found.push(view(copy));
      }
      return found;
    },
    onChange(listener) {
      listeners.push(listener);
    },
  };
}

/** One node's presence, in its memory. */
export function createMemoryPresence(now: () => Date): LivePresence {
  return createPresence(memoryRecords(presenceKind), now);
}

/** A visitor let in, as the ward's other tablets see it: talking to staff for the identity check, or in the call. */
export const presenceOf = (state: ParticipantState | undefined): PresenceState => (state === 'checking' ? 'checking' : 'in-call');

/** A visit that is over (ended, cancelled, missed) or whose link was replaced has nobody at it. */
export function closePresenceWithVisits(presence: LivePresence, events: WardEvents, logError: (error: unknown) => void): void {
  events.onVisitsChanged((_wardId, changed) => {
    for (const visit of changed) if (CLOSED_STATUSES.has(visit.status)) presence.closed(visit.id).catch(logError);
  });
  events.onLinkReplaced((visitId) => void presence.closed(visitId).catch(logError));
}
