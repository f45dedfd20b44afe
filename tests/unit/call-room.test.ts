import { describe, expect, it } from 'vitest';
import { CallRoom } from '../../src/server/relay/call-room.js';
import { EVENT_BURST, EVENTS_PER_SECOND, EventBudget } from '../../src/server/relay/rate-limit.js';

describe('a call room', () => {
  // Hazard H01: nobody joins a call until the ward checks and admits them
  it('sends a tablet signal only to an admitted visitor in the current pairing', () => {
    const room = new CallRoom('ward-1');
    const visitor = room.addVisitor('socket-a', 'Sam')!.participant;
    expect(room.visitorTarget(visitor.id, 'any')).toBeNull();
    const first = room.admit(visitor.id)!;
    expect(room.visitorTarget(visitor.id, first.pairingId)).toBe('socket-a');
    const second = room.admit(visitor.id)!;
    expect(room.visitorTarget(visitor.id, first.pairingId)).toBeNull();
    expect(room.admittedSender('socket-a', second.pairingId)?.id).toBe(visitor.id);
    expect(room.admittedSender('socket-b', second.pairingId)).toBeNull();
  });

  it('holds three visitor devices at most, and forgets one that leaves', () => {
    const room = new CallRoom('ward-1');
    for (const socket of ['a', 'b', 'c']) expect(room.addVisitor(socket, socket)).not.toBeNull();
    expect(room.addVisitor('d', 'd')).toBeNull();
    const b = room.participants().find((p) => p.name === 'b')!;
    expect(room.remove(b.id)?.name).toBe('b');
    expect(room.participants().map((p) => p.name)).toEqual(['a', 'c']);
    expect(room.addVisitor('d', 'd')).not.toBeNull();
  });
});

describe('a call room coming back after a drop', () => {
  it('gives a visitor whose socket dropped its place and pairing back, with no new admit', () => {
    const room = new CallRoom('ward-1');
    const { participant } = room.addVisitor('socket-a', 'Sam')!;
    const { pairingId } = room.admit(participant.id)!;
    room.away('socket-a');
    expect(room.visitorTarget(participant.id, pairingId)).toBeNull();
    const back = room.addVisitor('socket-b', 'Sam', { participantId: participant.id, pairingId })!;
    // Still in the identity check: coming back does not skip it.
    expect(back).toEqual({ participant: { id: participant.id, name: 'Sam', state: 'checking' }, restoredPairingId: pairingId, replacedSocketId: null });
    expect(room.visitorTarget(participant.id, pairingId)).toBe('socket-b');
  });

  it('lets a device back on its pairing take its place from an old socket the relay never saw go, and says which to let go', () => {
    const room = new CallRoom('ward-1');
    const { participant } = room.addVisitor('socket-a', 'Sam')!;
    const { pairingId } = room.admit(participant.id)!;
    const back = room.addVisitor('socket-b', 'Sam', { participantId: participant.id, pairingId })!;
    expect(back.replacedSocketId).toBe('socket-a');
    expect(room.participants()).toHaveLength(1);
    expect(room.visitorTarget(participant.id, pairingId)).toBe('socket-b');
    // Without the pairing's id, the same participant id is somebody else.
    const other = room.addVisitor('socket-c', 'Eve', { participantId: participant.id, pairingId: crypto.randomUUID() })!;
    expect(other.participant.id).not.toBe(participant.id);
    expect(room.visitorTarget(participant.id, pairingId)).toBe('socket-b');
  });

  it('is written down and read back by other nodes as the same room', () => {
    const room = new CallRoom('ward-1');
    const { participant } = room.addVisitor('socket-a', 'Sam', undefined, 'session-hash')!;
    const { pairingId } = room.admit(participant.id)!;
    room.tabletSocketId = 'tablet';
    const copy = CallRoom.fromRecord(JSON.parse(JSON.stringify(room.toRecord())));
    expect(copy.toRecord()).toEqual(room.toRecord());
    expect(copy.visitorTarget(participant.id, pairingId)).toBe('socket-a');
    expect(copy.bySocket('socket-a')?.visitorSessionHash).toBe('session-hash');
  });

  it('after a relay restart, admits a visitor on its pairing only when the tablet claims the same one', () => {
    const room = new CallRoom('ward-1');
    const participantId = crypto.randomUUID();
    const pairingId = crypto.randomUUID();
    const joined = room.addVisitor('socket-v', 'Sam', { participantId, pairingId })!;
    // The visitor's word alone admits nobody.
    expect(joined.participant.state).toBe('waiting');
    expect(room.admittedSender('socket-v', pairingId)).toBeNull();
    expect(room.restore([{ participantId, pairingId: crypto.randomUUID(), name: 'Sam' }])).toEqual([]);
    expect(room.restore([{ participantId, pairingId, name: 'Sam' }])).toEqual([{ socketId: 'socket-v', participantId, pairingId, checking: false }]);
    expect(room.admittedSender('socket-v', pairingId)?.id).toBe(participantId);
  });

  it('keeps a place the tablet claims for a visitor not back yet, which only that pairing can take', () => {
    const room = new CallRoom('ward-1');
    const participantId = crypto.randomUUID();
    const pairingId = crypto.randomUUID();
    room.restore([{ participantId, pairingId, name: 'Sam' }]);
    expect(room.awayIds()).toEqual([participantId]);
    const impostor = room.addVisitor('socket-x', 'Eve', { participantId, pairingId: crypto.randomUUID() })!;
    expect(impostor.participant.id).not.toBe(participantId);
    expect(impostor.participant.state).toBe('waiting');
    expect(room.addVisitor('socket-v', 'Sam', { participantId, pairingId })!.restoredPairingId).toBe(pairingId);
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
