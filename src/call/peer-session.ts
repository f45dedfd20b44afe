import type { IceServer, PeerMessage } from '../shared/index.js';
import type { LocalMedia } from './local-media.js';
import { createPeerLink, type PeerLink } from './peer.js';

export interface RemoteMedia {
  microphoneOn: boolean;
  cameraOn: boolean;
}

export interface PeerSessionEvents {
  sendSignal(data: unknown): void;
  connected(): void;
  closed(): void;
  changed(): void;
}

/**
 * One pairing between the tablet and one visitor: the peer link for it, the other side's
 * stream and what they say about their camera and microphone. Signals that arrive while
 * simple-peer is still loading are held and given to it in order.
 */
export class PeerSession {
  remoteStream: MediaStream | null = null;
  remoteMedia: RemoteMedia = { microphoneOn: true, cameraOn: true };
  private link: PeerLink | null = null;
  private pending: unknown[] = [];
  private closed = false;

  constructor(
    readonly pairingId: string,
    options: { initiator: boolean; media: LocalMedia; iceServers: IceServer[] },
    private readonly events: PeerSessionEvents,
  ) {
    const stream = options.media.state.stream ?? new MediaStream();
    void createPeerLink(
      { initiator: options.initiator, stream, iceServers: options.iceServers },
      {
        onSignal: (data) => events.sendSignal(data),
        onRemoteStream: (remote) => {
          this.remoteStream = remote;
          events.changed();
        },
        onConnected: () => {
          this.link?.send(options.media.message());
          events.connected();
        },
        onMessage: (message) => this.receive(message),
        onClosed: () => this.finish(),
      },
    ).then(
      (link) => {
        if (this.closed) return link.destroy();
        this.link = link;
        for (const data of this.pending) link.signal(data);
        this.pending = [];
      },
      () => this.finish(),
    );
  }

  signal(data: unknown): void {
    if (this.link) this.link.signal(data);
    else this.pending.push(data);
  }

  send(message: PeerMessage): void {
    this.link?.send(message);
  }

  replaceTrack(oldTrack: MediaStreamTrack, newTrack: MediaStreamTrack, stream: MediaStream): void {
    this.link?.replaceTrack(oldTrack, newTrack, stream);
  }

  close(): void {
    this.closed = true;
    this.link?.destroy();
  }

  private receive(message: PeerMessage): void {
    if (message.kind === 'media-state') {
      this.remoteMedia = { microphoneOn: message.microphoneOn, cameraOn: message.cameraOn };
      this.events.changed();
    }
  }

  private finish(): void {
    if (this.closed) return;
    this.closed = true;
    this.events.closed();
  }
}
