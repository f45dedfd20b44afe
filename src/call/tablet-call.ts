import { openTabletChannel, type CallChannel } from '../realtime/index.js';
import type { IceServer, IceTransportPolicy, Participant, TabletEmits } from '../shared/index.js';
import { LocalMedia } from './local-media.js';
import { nextCallState, type CallEvent, type CallState } from './machine.js';
import { MediaProblem } from './media.js';
import { Observable } from './observable.js';
import { PeerSession } from './peer-session.js';
import { visitorView, type TabletCallView, type Visitor } from './tablet-call-view.js';
import { preloadPeer } from './peer.js';

/**
 * After a lost peer, the tablet lets the visitor in again by itself (the ward already admitted
 * them: the patient must not have to touch anything). Quick at first, then every 15 seconds
 * for as long as the visit is open; it never gives up.
 */
const REPAIR_DELAYS_MS = [500, 1_000, 2_000, 4_000, 8_000, 15_000];

const TICK_MS = 1_000;
/** How long an ending tablet keeps its connection for the relay to confirm the end. */
const END_CONFIRM_TIMEOUT_MS = 10_000;
const WAITING: CallState = { name: 'waiting' };

/**
 * The ward tablet's side of a visit: its camera, the visit's room on the relay, and one peer
 * connection per admitted visitor (a star, up to three). The tablet starts every pairing.
 */
export class TabletCall {
  readonly view: Observable<TabletCallView>;
  private readonly media = new LocalMedia(() => this.publish());
  private state: CallState = { name: 'idle' };
  private channel: CallChannel<TabletEmits> | null = null;
  private readonly visitors = new Map<string, Visitor>();
  private iceServers: IceServer[] = [];
  private iceTransportPolicy: IceTransportPolicy = 'all';
  private connectedSince: number | null = null;
  private endedAt: number | null = null;
  private signallingLost = false;
  private held = false;
  private problem: string | null = null;
  private readonly ticker: ReturnType<typeof setInterval>;

  constructor(private readonly visitId: string) {
    this.view = new Observable(this.snapshot());
    this.ticker = setInterval(() => this.tick(), TICK_MS);
  }

  /** Camera preview first, then the room: the relay marks the visit ready. */
  async start(): Promise<void> {
    this.dispatch(this.state.name === 'failed' ? { type: 'retry' } : { type: 'start' });
    this.held = false;
    preloadPeer();
    try {
      await this.media.open();
    } catch (error) {
      if (!(error instanceof MediaProblem)) throw error;
      return this.dispatch({ type: 'media-failed', reason: error.reason });
    }
    this.dispatch({ type: 'media-ready' });
    // Back from "Leave the call screen": the room is still open; starting again lets everyone back in.
    if (this.channel) this.emitStart();
    else this.openRoom();
  }

  /**
   * "Leave the call screen": the visit stays open and the connection to the relay stays up (so
   * no grace period runs out), but the camera, microphone and peers stop, and the visitors are
   * told the ward has stepped away. `start()` comes back to it; the ward need not admit anyone again.
   */
  hold(): void {
    this.held = true;
    const at = Date.now();
    for (const visitor of this.visitors.values()) {
      this.closeSession(visitor);
      // Back on the call screen it says "Reconnecting to …" until each peer is up again.
      visitor.state = nextCallState(visitor.state, { type: 'peer-lost', at });
    }
    this.media.stop();
    this.channel?.emit('hold', {});
    this.publish();
  }

  /** A tablet reloaded while its call was on hold takes the visit's room back, still on hold. */
  resumeHeld(): void {
    this.held = true;
    this.openRoom();
  }

  /** The identity check is done: the patient's picture goes to this visitor. */
  checkDone(participantId: string): void {
    const visitor = this.visitors.get(participantId);
    if (!visitor?.checking) return;
    visitor.checking = false;
    visitor.session?.withholdVideo(false);
    this.channel?.emit('checked', { participantId });
    this.publish();
  }

  admit(participantId: string): void {
    this.problem = null;
    this.channel?.emit('admit', { participantId });
  }

  /** Not let in (before or during the identity check): the relay lets the visitor go and answers "left". */
  turnAway(participantId: string): void {
    this.problem = null;
    this.channel?.emit('turn-away', { participantId });
  }

  get isHeld(): boolean {
    return this.held;
  }

  setMicrophone(on: boolean): void {
    this.media.setMicrophone(on);
    this.broadcastMediaState();
  }

  setCamera(on: boolean): void {
    this.media.setCamera(on);
    this.broadcastMediaState();
  }

  async switchCamera(): Promise<void> {
    await this.media.switchCamera((oldTrack, newTrack, stream) => {
      for (const visitor of this.visitors.values()) visitor.session?.replaceTrack(oldTrack, newTrack, stream);
    });
  }

  /** "End visit": the relay records it and tells the visitors; this side closes everything. */
  end(): void {
    const channel = this.channel;
    this.channel = null;
    if (channel) {
      // Closing at once could drop the "end" still in socket.io's buffer (a busy tablet, a
      // slow network): the connection stays until the relay says the visit ended, or a while.
      const close = () => channel.close();
      channel.on('ended', close);
      setTimeout(close, END_CONFIRM_TIMEOUT_MS);
      channel.emit('end', {});
    }
    this.endedAt = Date.now();
    this.dispatch({ type: 'end' });
    this.dispose();
  }

  /** Leaving the screen without ending: the relay keeps the visit open for a grace period. */
  dispose(): void {
    clearInterval(this.ticker);
    for (const visitor of this.visitors.values()) this.closeSession(visitor);
    this.visitors.clear();
    this.channel?.close();
    this.channel = null;
    this.media.stop();
    this.publish();
  }

  private openRoom(): void {
    this.channel?.close();
    const channel = openTabletChannel();
    this.channel = channel;
    this.dispatch({ type: 'join-requested', at: Date.now() });
    // Every (re)connection starts the room again: the relay forgets a socket that dropped.
    channel.onConnection((connected) => {
      this.signallingLost = !connected;
      if (connected) this.emitStart();
      this.publish();
    });
    channel.onRefused((_code, message) => this.dispatch({ type: 'refused', message }));
    channel.on('room', ({ participants, iceServers, iceTransportPolicy }) => {
      this.iceServers = iceServers;
      this.iceTransportPolicy = iceTransportPolicy;
      this.dispatch({ type: 'joined' });
      const present = new Set(participants.map((participant) => participant.id));
      for (const id of this.visitors.keys()) if (!present.has(id)) this.remove(id);
      for (const participant of participants) this.upsert(participant);
    });
    channel.on('participant', (participant) => this.upsert(participant));
    channel.on('left', ({ participantId }) => this.remove(participantId));
    channel.on('admitted', ({ participantId, pairingId, checking }) => this.pair(participantId, pairingId, checking));
    channel.on('signal', ({ from, pairingId, data }) => {
      const session = this.visitors.get(from)?.session;
      if (session?.pairingId === pairingId) session.signal(data);
    });
    // The visit ended without this tablet (cancelled on another tablet, or its grace period ran out while held).
    channel.on('ended', () => {
      if (this.state.name === 'ended') return;
      this.endedAt = Date.now();
      this.dispatch({ type: 'end' });
      this.dispose();
    });
    channel.on('call-error', ({ message }) => {
      this.problem = message;
      this.publish();
    });
  }

  private emitStart(): void {
    this.channel?.emit('start', { visitId: this.visitId, pairings: this.livePairings(), ...(this.held ? { held: true } : {}) });
  }

  /** Pairings with a peer on this tablet: a relay that lost track of them restores them. */
  private livePairings(): { participantId: string; pairingId: string; name: string; checking: boolean }[] {
    return [...this.visitors.values()].flatMap(({ participant, session, checking }) =>
      session ? [{ participantId: participant.id, pairingId: session.pairingId, name: participant.name, checking }] : [],
    );
  }

  /**
   * Someone the ward already let in, with no peer on this tablet (it reloaded, or came back
   * to the call screen): let them in again at once, into the same stage of the check.
   */
  private upsert(participant: Participant): void {
    let visitor = this.visitors.get(participant.id);
    if (visitor) visitor.participant = participant;
    else {
      visitor = { participant, state: WAITING, checking: false, session: null, repairs: 0, repairTimer: undefined };
      this.visitors.set(participant.id, visitor);
    }
    if (participant.state === 'checking') visitor.checking = true;
    if (participant.state !== 'waiting' && !this.held && !visitor.session && visitor.repairTimer === undefined) {
      this.channel?.emit('admit', { participantId: participant.id });
    }
    this.publish();
  }

  private pair(participantId: string, pairingId: string, checking: boolean): void {
    const visitor = this.visitors.get(participantId);
    if (!visitor || this.held) return;
    visitor.session?.close();
    visitor.checking = checking;
    visitor.state = nextCallState(visitor.state.name === 'failed' ? WAITING : visitor.state, { type: 'admitted', at: Date.now() });
    const channel = this.channel;
    visitor.session = new PeerSession(
      pairingId,
      {
        initiator: true,
        media: this.media,
        iceServers: this.iceServers,
        iceTransportPolicy: this.iceTransportPolicy,
        signallingUp: () => !this.signallingLost,
        withholdVideo: checking,
      },
      {
        sendSignal: (data) => channel?.emit('signal', { to: participantId, pairingId, data }),
        connected: () => {
          visitor.repairs = 0;
          visitor.state = nextCallState(visitor.state, { type: 'peer-connected', at: Date.now() });
          this.connectedSince ??= Date.now();
          channel?.emit('connected', { participantId, pairingId });
          this.publish();
        },
        closed: () => {
          if (visitor.session?.pairingId !== pairingId || this.held) return;
          visitor.session = null;
          visitor.state = nextCallState(visitor.state, { type: 'peer-lost', at: Date.now() });
          if (visitor.state.name === 'reconnecting') {
            channel?.emit('interrupted', { participantId, pairingId });
            this.scheduleRepair(visitor);
          }
          this.publish();
        },
        changed: () => this.publish(),
        trouble: (at) => {
          this.moveVisitor(visitor, { type: 'trouble', at });
          channel?.emit('interrupted', { participantId, pairingId });
        },
        recovered: (at) => {
          this.moveVisitor(visitor, { type: 'peer-connected', at });
          // The relay counts the reconnection and the time without media (issue 5's reports).
          channel?.emit('connected', { participantId, pairingId });
        },
        rebuild: () => {
          visitor.session?.close();
          visitor.session = null;
          this.scheduleRepair(visitor);
        },
      },
    );
    this.publish();
  }

  private moveVisitor(visitor: Visitor, event: CallEvent): void {
    visitor.state = nextCallState(visitor.state, event);
    this.publish();
  }

  /** A new pairing for a visitor whose peer was lost: the relay's admit starts it on both sides. */
  private scheduleRepair(visitor: Visitor): void {
    clearTimeout(visitor.repairTimer);
    const delay = REPAIR_DELAYS_MS[Math.min(visitor.repairs, REPAIR_DELAYS_MS.length - 1)]!;
    visitor.repairs += 1;
    visitor.repairTimer = setTimeout(() => {
      visitor.repairTimer = undefined;
      if (this.visitors.get(visitor.participant.id) === visitor && !visitor.session && !this.held) this.channel?.emit('admit', { participantId: visitor.participant.id });
    }, delay);
  }

  private closeSession(visitor: Visitor): void {
    clearTimeout(visitor.repairTimer);
    visitor.repairTimer = undefined;
    visitor.session?.close();
    visitor.session = null;
  }

  private remove(participantId: string): void {
    const visitor = this.visitors.get(participantId);
    if (visitor) this.closeSession(visitor);
    this.visitors.delete(participantId);
    this.publish();
  }

  private tick(): void {
    const at = Date.now();
    this.dispatch({ type: 'tick', at });
    let changed = false;
    for (const visitor of this.visitors.values()) {
      const next = nextCallState(visitor.state, { type: 'tick', at });
      if (next === visitor.state) continue;
      visitor.state = next;
      visitor.session?.close();
      visitor.session = null;
      changed = true;
    }
    // The elapsed time on screen moves every second during a call.
    if (changed || this.connectedSince !== null) this.publish();
  }

  private broadcastMediaState(): void {
    for (const visitor of this.visitors.values()) visitor.session?.sendMediaState();
  }

  private dispatch(event: CallEvent): void {
    const next = nextCallState(this.state, event);
    if (next === this.state) return;
    this.state = next;
    // A relay that never answered, or refused: stop trying until "Try again".
    if (next.name === 'failed') {
      this.channel?.close();
      this.channel = null;
    }
    this.publish();
  }

  private snapshot(): TabletCallView {
    return {
      state: this.state,
      media: this.media.state,
      visitors: [...this.visitors.values()].map(visitorView),
      connectedSince: this.connectedSince,
      endedAt: this.endedAt,
      signallingLost: this.signallingLost,
      held: this.held,
      problem: this.problem,
    };
  }

  private publish(): void {
    this.view?.set(this.snapshot());
  }
}
