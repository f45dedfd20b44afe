import type { Participant } from '../shared/index.js';
import type { LocalMediaState } from './local-media.js';
import type { CallState } from './machine.js';
import type { LinkQuality, PeerSession, RemoteMedia } from './peer-session.js';

/** What the tablet's call screen shows, and the tablet's own record of each visitor behind it. */

export interface VisitorView {
  id: string;
  name: string;
  /** waiting → connecting → connected, or failed with a message and a retry. */
  state: CallState;
  /** Let in to talk to staff only: the ward checks who they are before the patient is shown. */
  checking: boolean;
  remoteStream: MediaStream | null;
  remoteMedia: RemoteMedia;
  quality: LinkQuality;
}

export interface TabletCallView {
  /** The tablet's own progress: preparing media → ready → waiting (in the room) → ended. */
  state: CallState;
  media: LocalMediaState;
  visitors: VisitorView[];
  /** When the first visitor connected: the elapsed time counts from here. */
  connectedSince: number | null;
  /** When this tablet ended the visit, for the call's length on the end page. */
  endedAt: number | null;
  signallingLost: boolean;
  /** The nurse left the call screen: camera off, peers closed, the visit open, the visitors told. */
  held: boolean;
  /** A refusal from the relay, in its words, shown once. */
  problem: string | null;
}

export interface Visitor {
  participant: Participant;
  state: CallState;
  checking: boolean;
  session: PeerSession | null;
  /** Peers rebuilt since this visitor was last connected, for the backoff. */
  repairs: number;
  repairTimer: ReturnType<typeof setTimeout> | undefined;
}

export function visitorView({ participant, state, session, checking }: Visitor): VisitorView {
  return {
    id: participant.id,
    name: participant.name,
    state,
    checking,
    remoteStream: session?.remoteStream ?? null,
    remoteMedia: session?.remoteMedia ?? { microphoneOn: true, cameraOn: true, videoPaused: false },
    quality: session?.quality ?? { label: state.name === 'reconnecting' ? 'Reconnecting' : 'Good', sendingVideoPaused: false },
  };
}
