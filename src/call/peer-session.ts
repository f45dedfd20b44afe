import type { IceServer, PeerMessage } from '../shared/index.js';
import { ConnectionMonitor } from './connection-monitor.js';
import type { LocalMedia } from './local-media.js';
import { placeholderVideo } from './placeholder-video.js';
import { createPeerLink, isRenegotiateRequest, type PeerLink } from './peer.js';
import { worseLabel, type QualityLabel } from './quality.js';

export interface RemoteMedia {
  microphoneOn: boolean;
  cameraOn: boolean;
  /** The other side paused its video to keep a poor call going. */
  videoPaused: boolean;
}

/** How the call is doing with one other device, in the words both sides show. */
export interface LinkQuality {
  /** The worse of our view and theirs. */
  label: QualityLabel;
  /** We stopped sending video to keep the call going. */
  sendingVideoPaused: boolean;
}

export interface PeerSessionEvents {
  sendSignal(data: unknown): void;
  connected(): void;
  closed(): void;
  changed(): void;
  trouble(at: number): void;
  recovered(at: number): void;
  /** The tablet should build a new peer for this visitor (a visitor never gets this). */
  rebuild(): void;
}

export interface PeerSessionOptions {
  initiator: boolean;
  media: LocalMedia;
  iceServers: IceServer[];
  iceTransportPolicy?: RTCIceTransportPolicy | undefined;
  signallingUp: () => boolean;
  /** Start without sending our picture (the tablet, while the ward checks who a visitor is). */
  withholdVideo?: boolean;
}

/**
 * One pairing between the tablet and one visitor: the peer link for it, the other side's
 * stream and what they say about their camera and microphone, and the monitor that keeps the
 * link healthy. Signals that arrive while simple-peer is still loading are held, in order.
 */
export class PeerSession {
  remoteStream: MediaStream | null = null;
  remoteMedia: RemoteMedia = { microphoneOn: true, cameraOn: true, videoPaused: false };
  private ownLabel: QualityLabel = 'Good';
  private remoteLabel: QualityLabel = 'Good';
  private sendingVideoPaused = false;
  private link: PeerLink | null = null;
  private pending: unknown[] = [];
  private closed = false;
  private videoWithheld: boolean;
  private placeholder: ReturnType<typeof placeholderVideo> | null = null;
  private readonly monitor: ConnectionMonitor;

  constructor(
    readonly pairingId: string,
    private readonly options: PeerSessionOptions,
    private readonly events: PeerSessionEvents,
  ) {
    this.videoWithheld = options.withholdVideo ?? false;
    const stream = options.media.state.stream ?? new MediaStream();
    this.monitor = new ConnectionMonitor(
      {
        link: () => this.link,
        initiator: options.initiator,
        remoteVideoExpected: () => this.remoteMedia.cameraOn && !this.remoteMedia.videoPaused,
        signallingUp: options.signallingUp,
      },
      {
        changed: (label, level) => {
          this.ownLabel = label;
          this.sendingVideoPaused = level === 'audio-only';
          this.link?.send({ kind: 'quality', label, videoPaused: this.sendingVideoPaused });
          events.changed();
        },
        trouble: (at) => events.trouble(at),
        recovered: (at) => events.recovered(at),
        rebuild: () => events.rebuild(),
      },
    );
    void createPeerLink(
      { initiator: options.initiator, stream, iceServers: options.iceServers, iceTransportPolicy: options.iceTransportPolicy },
      {
        onSignal: (data) => events.sendSignal(data),
        onRemoteStream: (remote) => {
          this.remoteStream = remote;
          events.changed();
        },
        onConnected: () => {
          this.sendMediaState();
          events.connected();
        },
        onMessage: (message) => this.receive(message),
        onClosed: () => this.finish(),
      },
    ).then(
      (link) => {
        if (this.closed) return link.destroy();
        this.link = link;
        if (this.videoWithheld) link.sendVideo(this.placeholderTrack());
        for (const data of this.pending) this.signal(data);
        this.pending = [];
      },
      () => this.finish(),
    );
  }

  get quality(): LinkQuality {
    return { label: worseLabel(this.ownLabel, this.remoteLabel), sendingVideoPaused: this.sendingVideoPaused };
  }

  signal(data: unknown): void {
    if (!this.link) return void this.pending.push(data);
    // The visitor asks for new paths; only the tablet's side can restart ICE (see peer.ts).
    if (this.options.initiator && isRenegotiateRequest(data)) return this.link.restartIce();
    this.link.signal(data);
  }

  send(message: PeerMessage): void {
    this.link?.send(message);
  }

  /** Our camera and microphone, as the other side should show them; a withheld picture reads as camera off. */
  sendMediaState(): void {
    const message = this.options.media.message();
    this.link?.send(message.kind === 'media-state' && this.videoWithheld ? { ...message, cameraOn: false } : message);
  }

  replaceTrack(oldTrack: MediaStreamTrack, newTrack: MediaStreamTrack, stream: MediaStream): void {
    this.link?.replaceTrack(oldTrack, newTrack, stream);
    // Swapping the camera must not show the patient before the check is done.
    if (this.videoWithheld) this.link?.sendVideo(this.placeholderTrack());
  }

  /** Sends our picture, or stops sending it, without renegotiating. */
  withholdVideo(withheld: boolean): void {
    if (withheld === this.videoWithheld) return;
    this.videoWithheld = withheld;
    this.link?.sendVideo(withheld ? this.placeholderTrack() : (this.options.media.state.stream?.getVideoTracks()[0] ?? null));
    if (!withheld) this.stopPlaceholder();
    this.sendMediaState();
  }

  private placeholderTrack(): MediaStreamTrack | null {
    this.placeholder ??= placeholderVideo();
    return this.placeholder.track;
  }

  private stopPlaceholder(): void {
    this.placeholder?.stop();
    this.placeholder = null;
  }

  close(): void {
    this.closed = true;
    this.stopPlaceholder();
    this.monitor.stop();
    this.link?.destroy();
  }

  private receive(message: PeerMessage): void {
    if (message.kind === 'media-state') this.remoteMedia = { ...this.remoteMedia, microphoneOn: message.microphoneOn, cameraOn: message.cameraOn };
    if (message.kind === 'quality') {
      this.remoteLabel = message.label;
      this.remoteMedia = { ...this.remoteMedia, videoPaused: message.videoPaused };
    }
    this.events.changed();
  }

  private finish(): void {
    if (this.closed) return;
    this.closed = true;
    this.stopPlaceholder();
    this.monitor.stop();
    this.events.closed();
  }
}
