import { openVisitorChannel, type CallChannel } from '../realtime/index.js';
import type { IceServer, IceTransportPolicy, VisitorEmits } from '../shared/index.js';
import { LocalMedia, type LocalMediaState } from './local-media.js';
import { nextCallState, type CallEvent, type CallState } from './machine.js';
import { MediaProblem } from './media.js';
import { Observable } from './observable.js';
import { PeerSession, type LinkQuality, type RemoteMedia } from './peer-session.js';
import { preloadPeer } from './peer.js';

export interface VisitorCallView {
  state: CallState;
  media: LocalMediaState;
  remoteStream: MediaStream | null;
  remoteMedia: RemoteMedia;
  quality: LinkQuality;
  /** The relay connection is down: the screen says so while socket.io reconnects. */
  signallingLost: boolean;
  /** Let in to talk to staff first: they check who this visitor is before the patient is shown. */
  checking: boolean;
  /** Nobody from the ward is on the call screen just now (it stepped away, or its tablet dropped out). */
  wardAway: boolean;
}

/** How often the connect timeout is checked. */
const TICK_MS = 1_000;
/** How long a leaving visitor's connection waits for the relay to take the "leave". */
const LEAVE_CONFIRM_TIMEOUT_MS = 5_000;

/**
 * A visitor's side of a visit: device check, join, wait to be admitted, the call, leave.
 * The state machine decides; this class turns socket, peer and media events into its events.
 */
export class VisitorCall {
  readonly view: Observable<VisitorCallView>;
  private readonly media = new LocalMedia(() => this.publish());
  private state: CallState = { name: 'idle' };
  private channel: CallChannel<VisitorEmits> | null = null;
  private session: PeerSession | null = null;
  private iceServers: IceServer[] = [];
  private iceTransportPolicy: IceTransportPolicy = 'all';
  private signallingLost = false;
  private checking = false;
  private wardAway = false;
  private name = '';
  /** This device's place and latest pairing, named when it joins again so the relay can restore them. */
  private lastPairing: { participantId: string; pairingId: string } | null = null;
  private participantId: string | null = null;
  private readonly ticker: ReturnType<typeof setInterval>;

  constructor() {
    this.view = new Observable(this.snapshot());
    this.ticker = setInterval(() => this.dispatch({ type: 'tick', at: Date.now() }), TICK_MS);
  }

  /** The device check: camera and microphone on, preview showing. */
  async prepareMedia(): Promise<void> {
    this.dispatch(this.state.name === 'failed' ? { type: 'retry' } : { type: 'start' });
    try {
      await this.media.open();
      this.dispatch({ type: 'media-ready' });
      preloadPeer();
    } catch (error) {
      if (!(error instanceof MediaProblem)) throw error;
      this.dispatch({ type: 'media-failed', reason: error.reason });
    }
  }

  useCamera(deviceId: string): Promise<void> {
    return this.media.useCamera(deviceId);
  }

  get localMedia(): LocalMedia {
    return this.media;
  }

  join(name: string): void {
    this.name = name;
    if (this.channel) return;
    const channel = openVisitorChannel();
    this.channel = channel;
    this.dispatch({ type: 'join-requested', at: Date.now() });
    // Every (re)connection joins again: the relay forgets a socket that dropped.
    channel.onConnection((connected) => {
      this.signallingLost = !connected;
      if (connected) channel.emit('join', { name: this.name, ...(this.lastPairing ? { resume: this.lastPairing } : {}) });
      this.publish();
    });
    channel.onRefused((_code, message) => this.dispatch({ type: 'refused', message }));
    channel.on('joined', ({ participantId, state, wardAway, iceServers, iceTransportPolicy }) => {
      this.participantId = participantId;
      this.checking = state === 'checking';
      this.wardAway = wardAway;
      this.iceServers = iceServers;
      this.iceTransportPolicy = iceTransportPolicy;
      this.dispatch({ type: 'joined' });
      // Joining again never touches a live peer: media does not go through the relay, so a relay
      // restart or a dropped socket must not renegotiate a healthy call. The relay restores the
      // pairing (at once, or when the tablet confirms it); a dead peer ends by itself.
    });
    channel.on('admitted', ({ pairingId, checking }) => {
      this.checking = checking;
      this.wardAway = false;
      // The relay restoring a pairing this device still has (after a relay restart) is not a new call.
      if (this.session?.pairingId !== pairingId) this.startSession(pairingId);
      else this.publish();
    });
    channel.on('checked', () => this.setFlags({ checking: false }));
    channel.on('ward-away', () => this.setFlags({ wardAway: true }));
    channel.on('ward-back', () => this.setFlags({ wardAway: false }));
    channel.on('signal', ({ pairingId, data }) => {
      if (this.session?.pairingId === pairingId) this.session.signal(data);
    });
    channel.on('ended', () => this.finish());
    channel.on('call-error', ({ code, message }) => {
      if (code === 'full' || code === 'turned_away') this.dispatch({ type: 'refused', message });
    });
  }

  setMicrophone(on: boolean): void {
    this.media.setMicrophone(on);
    this.session?.send(this.media.message());
  }

  setCamera(on: boolean): void {
    this.media.setCamera(on);
    this.session?.send(this.media.message());
  }

  /** "Try again" after a failure: media first (permission may now be given), then join again. */
  async retry(): Promise<void> {
    this.leaveRoom();
    await this.prepareMedia();
    if (this.state.name === 'ready' && this.name) this.join(this.name);
  }

  leave(): void {
    this.leaveRoom();
    // From a failure too: leaving is always possible, and ends on the end page.
    if (this.state.name === 'failed') this.state = { name: 'ended' };
    this.finish();
  }

  dispose(): void {
    clearInterval(this.ticker);
    this.closeChannel();
    this.media.stop();
  }

  private setFlags(flags: { checking?: boolean; wardAway?: boolean }): void {
    this.checking = flags.checking ?? this.checking;
    this.wardAway = flags.wardAway ?? this.wardAway;
    this.publish();
  }

  private startSession(pairingId: string): void {
    this.dropSession();
    if (this.participantId) this.lastPairing = { participantId: this.participantId, pairingId };
    this.dispatch({ type: 'admitted', at: Date.now() });
    const channel = this.channel;
    this.session = new PeerSession(
      pairingId,
      {
        initiator: false,
        media: this.media,
        iceServers: this.iceServers,
        iceTransportPolicy: this.iceTransportPolicy,
        signallingUp: () => !this.signallingLost,
      },
      {
        sendSignal: (data) => channel?.emit('signal', { pairingId, data }),
        connected: () => this.dispatch({ type: 'peer-connected', at: Date.now() }),
        closed: () => {
          if (this.session?.pairingId === pairingId) this.session = null;
          this.dispatch({ type: 'peer-lost', at: Date.now() });
        },
        changed: () => this.publish(),
        trouble: (at) => this.dispatch({ type: 'trouble', at }),
        recovered: (at) => this.dispatch({ type: 'peer-connected', at }),
        rebuild: () => {}, // Only the tablet builds peers; it re-admits this visitor.
      },
    );
  }

  private finish(): void {
    this.dispatch({ type: 'end' });
    this.dispose();
    this.publish();
  }

  private dropSession(): void {
    this.session?.close();
    this.session = null;
  }

  /**
   * Out of the visit's room for good (Leave, or a failure before "Try again" joins afresh). The
   * relay closes the connection once it has the "leave"; closing first could lose it, and the
   * ward would wait out the grace period for someone who has gone.
   */
  private leaveRoom(): void {
    this.dropSession();
    this.lastPairing = null;
    const channel = this.channel;
    this.channel = null;
    if (!channel) return;
    channel.onConnection((connected) => connected || channel.close());
    setTimeout(() => channel.close(), LEAVE_CONFIRM_TIMEOUT_MS);
    channel.emit('leave', {});
  }

  private closeChannel(): void {
    this.dropSession();
    this.channel?.close();
    this.channel = null;
  }

  private dispatch(event: CallEvent): void {
    const next = nextCallState(this.state, event);
    if (next === this.state) return;
    this.state = next;
    // A call that never connected stays in the room, so the ward sees it failed too and can
    // try again; any other failure (refused, no camera) has nothing to stay for.
    if (next.name === 'failed' && next.reason === 'never-connected') this.dropSession();
    else if (next.name === 'failed') this.leaveRoom();
    this.publish();
  }

  private snapshot(): VisitorCallView {
    return {
      state: this.state,
      media: this.media.state,
      remoteStream: this.session?.remoteStream ?? null,
      remoteMedia: this.session?.remoteMedia ?? { microphoneOn: true, cameraOn: true, videoPaused: false },
      quality: this.session?.quality ?? { label: this.state.name === 'reconnecting' ? 'Reconnecting' : 'Good', sendingVideoPaused: false },
      signallingLost: this.signallingLost && this.channel !== null,
      checking: this.checking,
      wardAway: this.wardAway,
    };
  }

  private publish(): void {
    this.view?.set(this.snapshot());
  }
}
