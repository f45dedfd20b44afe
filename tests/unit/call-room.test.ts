import { describe, expect, it } from 'vitest';
import { CallRoom } from '../../src/server/relay/call-room.js';
import { EVENT_BURST, EVENTS_PER_SECOND, EventBudget } from '../../src/server/relay/rate-limit.js';

describe('a call room', () => {
  it('sends a tablet signal only to an admitted visitor in the current pairing', () => {
    const room = new CallRoom();
    const visitor = room.addVisitor('socket-a', 'Sam')!;
    expect(room.visitorTarget(visitor.id, 'any')).toBeNull();
    const first = room.admit(visitor.id)!;
    expect(room.visitorTarget(visitor.id, first.pairingId)).toBe('socket-a');
    const second = room.admit(visitor.id)!;
    expect(room.visitorTarget(visitor.id, first.pairingId)).toBeNull();
    expect(room.admittedSender('socket-a', second.pairingId)?.id).toBe(visitor.id);
    expect(room.admittedSender('socket-b', second.pairingId)).toBeNull();
  });

  it('holds three visitor devices at most, and forgets one that leaves', () => {
    const room = new CallRoom();
    for (const socket of ['a', 'b', 'c']) expect(room.addVisitor(socket, socket)).not.toBeNull();
    expect(room.addVisitor('d', 'd')).toBeNull();
    expect(room.remove('b')?.name).toBe('b');
    expect(room.participants().map((p) => p.name)).toEqual(['a', 'c']);
    expect(room.addVisitor('d', 'd')).not.toBeNull();
  });
});

describe('the event budget', () => {
  it('allows a burst, then refills at a steady rate', () => {
    const budget = new EventBudget(0);
    for (let i = 0; i < EVENT_BURST; i++) expect(budget.take(0)).toBe(true);
    expect(budget.take(0)).toBe(false);
    expect(budget.take(1000 / EVENTS_PER_SECOND)).toBe(true);
    expect(budget.take(1000 / EVENTS_PER_SECOND)).toBe(false);
  });
});
