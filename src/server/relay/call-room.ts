import { randomUUID } from 'node:crypto';
import { MAX_VISITORS_PER_VISIT, type LivePairing, type Participant, type ParticipantState } from '../../shared/index.js';

export interface Member extends Participant {
  /** null while the visitor's device is away (its socket dropped); its peer may still be up. */
  socketId: string | null;
  /** Set by admit; signals carry it so late ones from an older pairing are dropped. */
  pairingId: string | null;
  /** A pairing this visitor says it still has, waiting for the tablet to confirm it. */
  claimedPairingId: string | null;
  /** The visitor's session, so turning them away can close it from whichever node does it. */
  visitorSessionHash: string | null;
  /** The node whose socket it is (live/node-liveness.ts), so a node that dies leaves it away, not stuck. */
  node: string | null;
}

/** A room as it is written down for other nodes (live/redis-records.ts). */
export interface CallRoomRecord {
  wardId: string;
  tabletSocketId: string | null;
  tabletNode: string | null;
  onHold: boolean;
  tabletLostAt: number | null;
  members: Member[];
}

/** A pairing the tablet says it still has, and whether its identity check was still going on. */
export type TabletPairing = LivePairing & { name: string; checking?: boolean | undefined };

/** Let in to a pairing with the tablet: checking who they are, or in the call. */
const isPaired = (member: Member | undefined): member is Member => member !== undefined && member.state !== 'waiting';

export interface Joined {
  participant: Participant;
  /** The live pairing the relay restored: the visitor keeps its peer. */
  restoredPairingId: string | null;
  /** The socket the device had before, if the relay never saw it go (its node died, or its network changed): let go. */
  replacedSocketId: string | null;
}

/**
 * Who is in one visit's call, as the relay knows it: the tablet and up to three visitor
 * devices. The relay's own record decides who may signal whom; nothing a client says about
 * itself is believed unless the tablet, which admitted it, says the same.
 */
export class CallRoom {
  tabletSocketId: string | null = null;
  /** The tablet is connected but off the call screen ("Leave the call screen"). */
  onHold = false;
  /** When the tablet was lost, while its grace period runs (whichever node ends it reads this). */
  tabletLostAt: number | null = null;
  /** The node the tablet's socket is on. */
  tabletNode: string | null = null;
  private readonly members = new Map<string, Member>();

  constructor(readonly wardId: string) {}

  static fromRecord(record: CallRoomRecord): CallRoom {
    const room = new CallRoom(record.wardId);
    const { tabletSocketId, tabletNode, onHold, tabletLostAt } = record;
    Object.assign(room, { tabletSocketId, tabletNode, onHold, tabletLostAt });
    for (const member of record.members) room.members.set(member.id, member);
    return room;
  }

  toRecord(): CallRoomRecord {
    const { wardId, tabletSocketId, tabletNode, onHold, tabletLostAt } = this;
    return { wardId, tabletSocketId, tabletNode, onHold, tabletLostAt, members: [...this.members.values()] };
  }

  participants(): Participant[] {
    return [...this.members.values()].map(publicView);
  }

  /**
   * A visitor device arrives and waits; null when the visit already has three. One coming
   * back with the pairing it had (`resume`) gets it back if the relay still knows it, or waits
   * with it as a claim until the tablet confirms it (after a relay restart). The pairing's id
   * went only to that device, so it proves the device even while its old socket still seems
   * to be here (the relay has not yet noticed it go, or the node holding it died).
   */
  addVisitor(socketId: string, name: string, resume?: LivePairing, visitorSessionHash: string | null = null, node: string | null = null): Joined | null {
    const known = resume && this.members.get(resume.participantId);
    if (isPaired(known) && known.pairingId === resume?.pairingId) {
      const replacedSocketId = known.socketId;
      Object.assign(known, { socketId, node, visitorSessionHash: visitorSessionHash ?? known.visitorSessionHash });
      return { participant: publicView(known), restoredPairingId: known.pairingId, replacedSocketId };
    }
    if (this.members.size >= MAX_VISITORS_PER_VISIT) return null;
    // An id is only reused when the relay has no such member: a visitor cannot take over another's place.
    const id = resume && !known ? resume.participantId : randomUUID();
    const claimedPairingId = resume && !known ? resume.pairingId : null;
    const member: Member = { id, socketId, name, state: 'waiting', pairingId: null, claimedPairingId, visitorSessionHash, node };
    this.members.set(id, member);
    return { participant: publicView(member), restoredPairingId: null, replacedSocketId: null };
  }

  /**
   * The tablet, coming back, names the pairings whose media it still has. A visitor waiting
   * with the same claim is admitted on it at once; one not back yet gets a place kept for it.
   * Answers the visitors to tell, with their socket.
   */
  restore(pairings: TabletPairing[]): { socketId: string; participantId: string; pairingId: string; checking: boolean }[] {
    const restored: { socketId: string; participantId: string; pairingId: string; checking: boolean }[] = [];
    for (const { participantId, pairingId, name, checking = false } of pairings) {
      const member = this.members.get(participantId);
      const state: ParticipantState = checking ? 'checking' : 'admitted';
      if (member?.state === 'waiting' && member.claimedPairingId === pairingId) {
        Object.assign(member, { state, pairingId, claimedPairingId: null });
        if (member.socketId) restored.push({ socketId: member.socketId, participantId, pairingId, checking });
      } else if (!member && this.members.size < MAX_VISITORS_PER_VISIT) {
        this.members.set(participantId, { id: participantId, name, state, socketId: null, pairingId, claimedPairingId: null, visitorSessionHash: null, node: null });
      }
    }
    return restored;
  }

  /**
   * The tablet lets a visitor in: a new pairing starts. Someone waiting goes first to the
   * identity check; someone already checked (a peer rebuilt, a tablet reloaded) stays checked.
   */
  admit(participantId: string): { socketId: string; pairingId: string; participant: Participant } | null {
    const member = this.members.get(participantId);
    if (!member?.socketId) return null;
    if (member.state === 'waiting') member.state = 'checking';
    member.pairingId = randomUUID();
    member.claimedPairingId = null;
    return { socketId: member.socketId, pairingId: member.pairingId, participant: publicView(member) };
  }

  /** Where a tablet's signal may go: only to an admitted visitor that is here, only in the current pairing. */
  visitorTarget(participantId: string, pairingId: string): string | null {
    const member = this.members.get(participantId);
    return isPaired(member) && member.pairingId === pairingId ? member.socketId : null;
  }

  /** Whether the tablet's report of a connection is about a pairing the relay made. */
  isPairing(participantId: string, pairingId: string): boolean {
    const member = this.members.get(participantId);
    return isPaired(member) && member.pairingId === pairingId;
  }

  stateOf(participantId: string): ParticipantState | undefined {
    return this.members.get(participantId)?.state;
  }

  /** The ward checked who this visitor is: into the call. Undefined unless they were being checked. */
  markChecked(participantId: string): Member | undefined {
    const member = this.members.get(participantId);
    if (member?.state !== 'checking') return undefined;
    member.state = 'admitted';
    return member;
  }

  /** The visitor behind a socket, if admitted and signalling in its current pairing. */
  admittedSender(socketId: string, pairingId: string): Member | null {
    const member = this.bySocket(socketId);
    return isPaired(member) && member.pairingId === pairingId ? member : null;
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

  /** A visitor the ward turned away before or during the identity check: out of the room; one in the call is not (End visit is for that). */
  turnAway(participantId: string): Member | undefined {
    const member = this.members.get(participantId);
    if (member?.state === 'admitted' || !member) return undefined;
    return this.remove(participantId);
  }

  remove(participantId: string): Member | undefined {
    const member = this.members.get(participantId);
    this.members.delete(participantId);
    return member;
  }

  /** Nobody from the ward is on the call screen: visitors are told to stay on the page. */
  get wardAway(): boolean {
    return this.tabletSocketId === null || this.onHold;
  }

  /** No tablet (not even one lost in its grace period) and no visitor, not even one away: nothing left to keep the room for. */
  get empty(): boolean {
    return this.tabletSocketId === null && this.tabletLostAt === null && this.members.size === 0;
  }

  /**
   * A node died with some of this room's sockets: the tablet on it is lost as of `lostAt`, and
   * its visitors are away, as if each had dropped. Answers what changed, with copies of the members.
   */
  dropNode(node: string, lostAt: number): { tabletLost: boolean; away: Member[] } {
    const tabletLost = this.tabletNode === node && this.tabletSocketId !== null;
    if (tabletLost) Object.assign(this, { tabletSocketId: null, tabletLostAt: lostAt });
    const away = [...this.members.values()].filter((member) => member.node === node && member.socketId !== null);
    for (const member of away) member.socketId = null;
    return { tabletLost, away: away.map((member) => ({ ...member })) };
  }

  /** Members kept for a device that has not come back yet. */
  awayIds(): string[] {
    return [...this.members.values()].filter((member) => member.socketId === null).map((member) => member.id);
  }
}

function publicView({ id, name, state }: Member): Participant {
  return { id, name, state };
}
