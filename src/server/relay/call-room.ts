import { randomUUID } from 'node:crypto';
import { MAX_VISITORS_PER_VISIT, type LivePairing, type Participant } from '../../shared/index.js';

interface Member extends Participant {
  /** null while the visitor's device is away (its socket dropped); its peer may still be up. */
  socketId: string | null;
  /** Set by admit; signals carry it so late ones from an older pairing are dropped. */
  pairingId: string | null;
  /** A pairing this visitor says it still has, waiting for the tablet to confirm it. */
  claimedPairingId: string | null;
}

export interface Joined {
  participant: Participant;
  /** The live pairing the relay restored: the visitor keeps its peer. */
  restoredPairingId: string | null;
}

/**
 * Who is in one visit's call, as the relay knows it: the tablet and up to three visitor
 * devices. The relay's own record decides who may signal whom; nothing a client says about
 * itself is believed unless the tablet, which admitted it, says the same.
 */
export class CallRoom {
  tabletSocketId: string | null = null;
  private readonly members = new Map<string, Member>();

  participants(): Participant[] {
    return [...this.members.values()].map(publicView);
  }

  /**
   * A visitor device arrives and waits; null when the visit already has three. One coming
   * back with the pairing it had (`resume`) gets it back if the relay still knows it, or waits
   * with it as a claim until the tablet confirms it (after a relay restart).
   */
  addVisitor(socketId: string, name: string, resume?: LivePairing): Joined | null {
    const known = resume && this.members.get(resume.participantId);
    if (known && known.state === 'admitted' && known.pairingId === resume.pairingId && known.socketId === null) {
      known.socketId = socketId;
      return { participant: publicView(known), restoredPairingId: known.pairingId };
    }
    if (this.members.size >= MAX_VISITORS_PER_VISIT) return null;
    // An id is only reused when the relay has no such member: a visitor cannot take over another's place.
    const id = resume && !known ? resume.participantId : randomUUID();
    const member: Member = { id, socketId, name, state: 'waiting', pairingId: null, claimedPairingId: resume && !known ? resume.pairingId : null };
    this.members.set(id, member);
    return { participant: publicView(member), restoredPairingId: null };
  }

  /**
   * The tablet, coming back, names the pairings whose media it still has. A visitor waiting
   * with the same claim is admitted on it at once; one not back yet gets a place kept for it.
   * Answers the visitors to tell, with their socket.
   */
  restore(pairings: (LivePairing & { name: string })[]): { socketId: string; participantId: string; pairingId: string }[] {
    const restored: { socketId: string; participantId: string; pairingId: string }[] = [];
    for (const { participantId, pairingId, name } of pairings) {
      const member = this.members.get(participantId);
      if (member?.state === 'waiting' && member.claimedPairingId === pairingId) {
        Object.assign(member, { state: 'admitted', pairingId, claimedPairingId: null });
        if (member.socketId) restored.push({ socketId: member.socketId, participantId, pairingId });
      } else if (!member && this.members.size < MAX_VISITORS_PER_VISIT) {
        this.members.set(participantId, { id: participantId, name, state: 'admitted', socketId: null, pairingId, claimedPairingId: null });
      }
    }
    return restored;
  }

  /** The tablet lets a waiting visitor in: a new pairing starts. */
  admit(participantId: string): { socketId: string; pairingId: string; participant: Participant } | null {
    const member = this.members.get(participantId);
    if (!member?.socketId) return null;
    member.state = 'admitted';
    member.pairingId = randomUUID();
    member.claimedPairingId = null;
    return { socketId: member.socketId, pairingId: member.pairingId, participant: publicView(member) };
  }

  /** Where a tablet's signal may go: only to an admitted visitor that is here, only in the current pairing. */
  visitorTarget(participantId: string, pairingId: string): string | null {
    const member = this.members.get(participantId);
    return member?.state === 'admitted' && member.pairingId === pairingId ? member.socketId : null;
  }

  /** Whether the tablet's report of a connection is about a pairing the relay made. */
  isPairing(participantId: string, pairingId: string): boolean {
    const member = this.members.get(participantId);
    return member?.state === 'admitted' && member.pairingId === pairingId;
  }

  /** The visitor behind a socket, if admitted and signalling in its current pairing. */
  admittedSender(socketId: string, pairingId: string): Member | null {
    const member = this.bySocket(socketId);
    return member?.state === 'admitted' && member.pairingId === pairingId ? member : null;
  }

  bySocket(socketId: string): Member | undefined {
    return [...this.members.values()].find((member) => member.socketId === socketId);
  }

  /** A visitor's socket dropped: keep its place (and pairing) for it to come back to. */
  away(socketId: string): Member | undefined {
    const member = this.bySocket(socketId);
    if (member) member.socketId = null;
    return member;
  }

  isAway(participantId: string): boolean {
    return this.members.get(participantId)?.socketId === null;
  }

  /** A waiting visitor the ward turned away: out of the room; an admitted one is not (End visit is for that). */
  turnAway(participantId: string): Member | undefined {
    const member = this.members.get(participantId);
    if (member?.state !== 'waiting') return undefined;
    return this.remove(participantId);
  }

  remove(participantId: string): Member | undefined {
    const member = this.members.get(participantId);
    this.members.delete(participantId);
    return member;
  }

  /** Members kept for a device that has not come back yet. */
  awayIds(): string[] {
    return [...this.members.values()].filter((member) => member.socketId === null).map((member) => member.id);
  }
}

function publicView({ id, name, state }: Member): Participant {
  return { id, name, state };
}
