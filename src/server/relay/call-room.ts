import { randomUUID } from 'node:crypto';
import { MAX_VISITORS_PER_VISIT, type Participant } from '../../shared/index.js';

interface Member extends Participant {
  socketId: string;
  /** Set by admit; signals carry it so late ones from an older pairing are dropped. */
  pairingId: string | null;
}

/**
 * Who is in one visit's call, as the relay knows it: the tablet and up to three visitor
 * devices. The relay's own record decides who may signal whom; nothing a client says about
 * itself is believed.
 */
export class CallRoom {
  tabletSocketId: string | null = null;
  private readonly members = new Map<string, Member>();

  participants(): Participant[] {
    return [...this.members.values()].map(({ id, name, state }) => ({ id, name, state }));
  }

  /** A visitor device arrives and waits; null when the visit already has three. */
  addVisitor(socketId: string, name: string): Participant | null {
    if (this.members.size >= MAX_VISITORS_PER_VISIT) return null;
    const member: Member = { id: randomUUID(), socketId, name, state: 'waiting', pairingId: null };
    this.members.set(member.id, member);
    return { id: member.id, name, state: member.state };
  }

  /** The tablet lets a waiting visitor in: a new pairing starts. */
  admit(participantId: string): { socketId: string; pairingId: string; participant: Participant } | null {
    const member = this.members.get(participantId);
    if (!member) return null;
    member.state = 'admitted';
    member.pairingId = randomUUID();
    return { socketId: member.socketId, pairingId: member.pairingId, participant: { id: member.id, name: member.name, state: member.state } };
  }

  /** Where a tablet's signal may go: only to an admitted visitor, only in the current pairing. */
  visitorTarget(participantId: string, pairingId: string): string | null {
    const member = this.members.get(participantId);
    return member?.state === 'admitted' && member.pairingId === pairingId ? member.socketId : null;
  }

  /** The visitor behind a socket, if admitted and signalling in its current pairing. */
  admittedSender(socketId: string, pairingId: string): Member | null {
    const member = this.bySocket(socketId);
    return member?.state === 'admitted' && member.pairingId === pairingId ? member : null;
  }

  bySocket(socketId: string): Member | undefined {
    return [...this.members.values()].find((member) => member.socketId === socketId);
  }

  remove(socketId: string): Member | undefined {
    const member = this.bySocket(socketId);
    if (member) this.members.delete(member.id);
    return member;
  }

  visitorSocketIds(): string[] {
    return [...this.members.values()].map((member) => member.socketId);
  }
}
