import { describe, expect, it } from 'vitest';
import { createMemoryPresence } from '../../src/server/relay/presence.js';
import { PRESENCE_MAX_PER_VISIT, VISITOR_SESSION_MAX_HOURS, type VisitPresence } from '../../src/shared/index.js';

const WARD = 'ward-1';
const VISIT = '00000000-0000-4000-8000-000000000001';
const HOUR_MS = 3_600_000;

function presenceOnClock() {
  const clock = { at: new Date('2026-11-21T14:00:00Z') };
  const presence = createMemoryPresence(() => clock.at);
  const pushes: VisitPresence[][] = [];
  presence.onChange((_ward, visits) => pushes.push(visits));
  const visitor = (n: number) => ({ wardId: WARD, visitId: VISIT, visitorSessionHash: `session-${n}` });
  const join = (n: number, name: string) => presence.joined(visitor(n), { id: `p${n}`, name, state: 'waiting' });
  return { clock, presence, pushes, join };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('live presence kept in memory', () => {
  it('keeps everyone in the room however many more open the link, dropping the oldest who only opened it', async () => {
    const { presence, clock, join } = presenceOnClock();
    for (const n of [1, 2, 3]) join(n, `Visitor ${n}`);
    for (let n = 4; n < 20; n++) {
      clock.at = new Date(clock.at.getTime() + 60_000);
      presence.linkOpened(WARD, VISIT, `session-${n}`);
    }
    const [visit] = await presence.ward(WARD);
    expect(visit!.visitors).toHaveLength(PRESENCE_MAX_PER_VISIT);
    expect(visit!.visitors.filter((v) => v.state === 'waiting').map((v) => v.name)).toEqual(['Visitor 1', 'Visitor 2', 'Visitor 3']);
    expect(visit!.visitors.at(-1)!.since).toBe(clock.at.toISOString());
  });

  it('forgets who only opened the link or left once no visitor session could still be live, never who is in the room', async () => {
    const { presence, clock, join } = presenceOnClock();
    presence.linkOpened(WARD, VISIT, 'session-9');
    join(1, 'Peter Smith');
    clock.at = new Date(clock.at.getTime() + VISITOR_SESSION_MAX_HOURS * HOUR_MS + 1);
    expect((await presence.ward(WARD))[0]!.visitors.map((v) => v.state)).toEqual(['waiting']);
  });

  it('sends one push for a burst of changes: a visitor leaving is not first shown reconnecting', async () => {
    const { presence, pushes, join } = presenceOnClock();
    join(1, 'Peter Smith');
    presence.moved(VISIT, 'p1', 'in-call');
    await settle();
    pushes.length = 0;
    presence.away(VISIT, 'p1');
    presence.moved(VISIT, 'p1', 'left');
    await settle();
    expect(pushes).toEqual([[{ visitId: VISIT, visitors: [expect.objectContaining({ name: 'Peter Smith', state: 'left' })] }]]);
  });

  it('shows a waiting visitor whose connection dropped as gone, and one in the call as reconnecting', async () => {
    const { presence, join } = presenceOnClock();
    join(1, 'Waiting Person');
    join(2, 'Calling Person');
    presence.moved(VISIT, 'p2', 'in-call');
    presence.away(VISIT, 'p1');
    presence.away(VISIT, 'p2');
    expect((await presence.ward(WARD))[0]!.visitors.map((v) => [v.name, v.state])).toEqual([
      ['Waiting Person', 'left'],
      ['Calling Person', 'reconnecting'],
    ]);
  });
});
