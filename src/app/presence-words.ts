import { instantToLocal, type PresenceState, type VisitStatus, type VisitorPresence } from '../shared/index.js';

export interface PresenceLine {
  text: string;
  /** Someone is waiting for the ward to let them in: the line a nurse must act on. */
  waiting: boolean;
}

/** Waiting first: it is the one that needs the nurse. Gone last. */
const ORDER: Record<PresenceState, number> = { waiting: 0, checking: 1, 'in-call': 2, reconnecting: 3, opened: 4, left: 5, 'turned-away': 6 };
const OVER: ReadonlySet<VisitStatus> = new Set(['completed', 'cancelled', 'missed']);

const sameName = (name: string) => name.trim().toLocaleLowerCase('en-GB');

/**
 * Presence in words for a row of the visit list: "Peter Smith is waiting (since 14:46)".
 * One line per person: the latest of several entries under one name (a phone that came back
 * after a drop is still Peter), and one "Opened the link" for everyone who has not joined yet,
 * unless someone joined since (most likely the same person). Before the ward pressed "Start
 * visit", a visitor waiting is only someone with the link open: nobody can let them in yet.
 */
export function presenceLines(visitors: readonly VisitorPresence[], status: VisitStatus, timeZone: string): PresenceLine[] {
  if (OVER.has(status)) return [];
  const at = (since: string) => instantToLocal(new Date(since), timeZone).time;
  const byName = new Map<string, VisitorPresence & { name: string }>();
  let lastOpened: VisitorPresence | null = null;
  for (const visitor of [...visitors].sort((a, b) => Date.parse(a.since) - Date.parse(b.since))) {
    if (visitor.name === null) lastOpened = visitor;
    else byName.set(sameName(visitor.name), { ...visitor, name: visitor.name });
  }
  const named = [...byName.values()];
  const joinedSince = lastOpened && named.some((visitor) => Date.parse(visitor.since) >= Date.parse(lastOpened!.since));
  const lines: { order: number; since: string; line: PresenceLine }[] = named.map((visitor) => {
    const state = visitor.state === 'waiting' && status === 'booked' ? 'opened' : visitor.state;
    return { order: ORDER[state], since: visitor.since, line: { text: namedLine(visitor.name, state, at(visitor.since)), waiting: state === 'waiting' } };
  });
  if (lastOpened && !joinedSince) lines.push({ order: ORDER.opened, since: lastOpened.since, line: { text: `Opened the link at ${at(lastOpened.since)}`, waiting: false } });
  return lines.sort((a, b) => a.order - b.order || Date.parse(a.since) - Date.parse(b.since)).map(({ line }) => line);
}

function namedLine(name: string, state: PresenceState, time: string): string {
  switch (state) {
    case 'opened':
      return `${name} opened the link at ${time}`;
    case 'waiting':
      return `${name} is waiting (since ${time})`;
    case 'checking':
      return `${name} is being checked by staff`;
    case 'in-call':
      return `${name} is in the call`;
    case 'reconnecting':
      return `${name} is reconnecting`;
    case 'left':
      return `${name} left at ${time}`;
    case 'turned-away':
      return `${name} was not let in`;
  }
}
