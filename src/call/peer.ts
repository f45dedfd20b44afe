import type SimplePeer from 'simple-peer';
import { type IceServer, type PeerMessage } from '../shared/index.js';
import { peerMessageSchema } from '../shared/peer-messages.js';
import { checked } from '../shared/push-schemas.js';

/**
 * One WebRTC connection to the other end of a call, through simple-peer: the only importer
 * of it, loaded only when a call screen needs it (it is most of a call screen's code).
 * Vite points 'simple-peer' at its browser bundle (vite.config.ts; docs/platform-notes.md, simple-peer).
 */
export interface PeerLink {
  signal(data: unknown): void;
  send(message: PeerMessage): void;
  /** Swaps a track in place (switch camera): no renegotiation, the call carries on. */
  replaceTrack(oldTrack: MediaStreamTrack, newTrack: MediaStreamTrack, stream: MediaStream): void;
  /** Swaps the picture this link sends, with no renegotiation (a placeholder before the identity check is done). */
  sendVideo(track: MediaStreamTrack | null): void;
  /**
   * New network paths for a healthy-but-stuck connection. The initiator (the tablet) restarts
   * ICE and sends a new offer; the other side asks the initiator to, through the relay.
   */
  restartIce(): void;
  /** The browser's connection, for getStats and sender parameters (null once closed). */
  connection(): RTCPeerConnection | null;
  destroy(): void;
}

export interface PeerEvents {
  onSignal(data: unknown): void;
  onRemoteStream(stream: MediaStream): void;
  onConnected(): void;
  onMessage(message: PeerMessage): void;
  /** Closed or failed; either way this link is finished. */
  onClosed(): void;
  onIceState?(state: RTCIceConnectionState): void;
}

export interface PeerOptions {
  initiator: boolean;
  stream: MediaStream;
  iceServers: IceServer[];
  /** 'relay' sends everything through TURN (a trust's choice, and the TURN tests'). */
  iceTransportPolicy?: RTCIceTransportPolicy | undefined;
}

let loading: Promise<typeof SimplePeer> | null = null;
const loadSimplePeer = () => (loading ??= import('simple-peer').then((module) => module.default));

/** Starts loading simple-peer early (the call screen opening), so Admit does not wait for it. */
export function preloadPeer(): void {
  void loadSimplePeer();
}

/** simple-peer keeps its RTCPeerConnection in a private field; nothing else exposes it. */
function rtcConnection(peer: SimplePeer.Instance): RTCPeerConnection | null {
  return (peer as unknown as { _pc?: RTCPeerConnection })._pc ?? null;
}

/** A visitor's request for an ICE restart, as simple-peer's non-initiator sends it. */
export function isRenegotiateRequest(data: unknown): boolean {
  return typeof data === 'object' && data !== null && (data as { renegotiate?: unknown }).renegotiate === true;
}

export async function createPeerLink(options: PeerOptions, events: PeerEvents): Promise<PeerLink> {
  const Peer = await loadSimplePeer();
  // Always pass iceServers: simple-peer's default is public STUN servers outside the trust.
  const peer = new Peer({ initiator: options.initiator, stream: options.stream, trickle: true, config: { iceServers: options.iceServers, iceTransportPolicy: options.iceTransportPolicy ?? 'all' } });
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    events.onClosed();
  };
  peer.on('signal', (data) => events.onSignal(data));
  peer.on('stream', (stream: MediaStream) => events.onRemoteStream(stream));
  peer.on('connect', () => events.onConnected());
  peer.on('data', (raw: Uint8Array) => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(new TextDecoder().decode(raw));
    } catch {
      return; // Not ours: ignore rather than break the call.
    }
    const message = checked(peerMessageSchema, parsed);
    if (message) events.onMessage(message);
  });
  peer.on('iceStateChange', (state: RTCIceConnectionState) => events.onIceState?.(state));
  peer.on('close', close);
  // simple-peer destroys itself after an error; 'close' follows, so the error needs no more.
  peer.on('error', () => close());
  return {
    signal: (data) => {
      if (!peer.destroyed) peer.signal(data as SimplePeer.SignalData);
    },
    send: (message) => {
      if (peer.connected) peer.send(JSON.stringify(message));
    },
    replaceTrack: (oldTrack, newTrack, stream) => {
      if (!peer.destroyed) peer.replaceTrack(oldTrack, newTrack, stream);
    },
    sendVideo: (track) => {
      // simple-peer's replaceTrack needs the track it was given first; the browser's sender takes any.
      // A transceiver's receiver track always exists and has the transceiver's kind.
      const sender = rtcConnection(peer)?.getTransceivers().find((transceiver) => transceiver.receiver.track.kind === 'video')?.sender;
      if (!peer.destroyed && sender) void sender.replaceTrack(track);
    },
    restartIce: () => {
      if (peer.destroyed) return;
      // simple-peer has no ICE restart of its own: restartIce() on its RTCPeerConnection, then
      // negotiate(), works on the initiator while ICE is "disconnected" (docs/platform-notes.md). On the
      // other side negotiate() sends the initiator a { renegotiate: true } signal instead.
      if (options.initiator) rtcConnection(peer)?.restartIce();
      (peer as unknown as { negotiate(): void }).negotiate(); // public in simple-peer 9, missing from its types
    },
    connection: () => (peer.destroyed ? null : rtcConnection(peer)),
    destroy: () => {
      closed = true;
      peer.destroy();
    },
  };
}
