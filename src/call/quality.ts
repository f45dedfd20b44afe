/**
 * The quality ladder and the reconnection decision, as pure functions: one sample a second
 * from getStats goes in (call-stats.ts makes it), the next state comes out; sender-quality.ts
 * applies the level to the video sender. Times are milliseconds on one clock the caller picks.
 */

export type QualityLevel = 'high' | 'low' | 'audio-only';
export type QualityLabel = 'Good' | 'Poor' | 'Reconnecting';
/** RTCPeerConnection.iceConnectionState, spelled out so this file needs no DOM types. */
export type IceState = 'new' | 'checking' | 'connected' | 'completed' | 'disconnected' | 'failed' | 'closed';

export interface QualitySample {
  at: number;
  /** What we send, as the far end and the congestion controller see it. null: not known (yet, or in this browser). */
  outgoing: {
    /** 0..1, the worst of the streams that sent packets since the last sample. */
    lossFraction: number | null;
    /** The browser's estimate for the selected candidate pair, bits per second (Chromium only). */
    availableBitrateBps: number | null;
    roundTripMs: number | null;
  };
  /** What arrived since the last sample (deltas of the cumulative counters). */
  incoming: { framesDecoded: number | null; packetsReceived: number | null; packetsLost: number | null };
  iceState: IceState;
  /** The other side's camera is on and they have not paused their video: frames should be arriving. */
  remoteVideoExpected: boolean;
}

/** How often to take a sample; the step-down counts below are in samples. */
export const STATS_INTERVAL_MS = 1_000;
/** The figure: above 3% loss, a 360p stream shows smearing and freezes. */
export const LOSS_STEP_DOWN = 0.03;
/** 640×360 at 30 fps needs roughly this; below it the encoder starves and drops frames. */
export const BITRATE_STEP_DOWN_BPS = 330_000;
/** Below this even 320×180 at 15 fps would take the bandwidth the voice needs. */
export const BITRATE_AUDIO_ONLY_BPS = 180_000;
/** Round trips this long make conversation hard; sending less video is the only lever we have. */
export const RTT_AUDIO_ONLY_MS = 300;
/** Two bad seconds in a row, so one burst of loss does not change the picture. */
export const LOW_AFTER_BAD_SAMPLES = 2;
/** Pausing video is drastic: only after three bad seconds in a row ("sustained"). */
export const AUDIO_ONLY_AFTER_BAD_SAMPLES = 3;
/** Good conditions must last this long before one step up (the 10 s hysteresis). */
export const RESTORE_AFTER_GOOD_MS = 10_000;
/** A step up undone within this time did not hold: the link is still too thin. */
export const RESTORE_PROBATION_MS = 20_000;
/** Each step up that did not hold doubles the wait, up to this, so a thin link does not cycle. */
export const RESTORE_MAX_WAIT_MS = 30_000;
/** The figure: no new frame for 2 s while frames are expected means media has stopped. */
export const STALL_MS = 2_000;
/** Keep "Poor" for incoming loss on screen at least this long, so the label does not flicker. */
export const POOR_LABEL_HOLD_MS = 5_000;
/** Fewer packets than this in a second say too little about loss to act on. */
export const MIN_PACKETS_FOR_LOSS = 10;

export const VIDEO_PAUSED_MESSAGE = 'Video paused to keep the call going';

/**
 * What each level sends ('high' is the 640×360 at about 600 kbps). 'low' is capped at
 * 250 kbps, not less, because Chromium's estimate rises to at most 1.5 × the measured throughput
 * + 10 kbps: at 250 kbps it can still climb past 330 kbps (to 385), so the ladder can see that
 * 'high' would fit again. https://webrtc.googlesource.com/src/+/main/modules/remote_bitrate_estimator/aimd_rate_control.cc
 */
export const LEVEL_ENCODINGS: Record<QualityLevel, { active: boolean; maxBitrateBps: number; scaleResolutionDownBy: number; maxFramerate: number }> = {
  high: { active: true, maxBitrateBps: 600_000, scaleResolutionDownBy: 1, maxFramerate: 30 },
  low: { active: true, maxBitrateBps: 250_000, scaleResolutionDownBy: 2, maxFramerate: 15 },
  // Paused; when it comes back it comes back as 'low'.
  'audio-only': { active: false, maxBitrateBps: 250_000, scaleResolutionDownBy: 2, maxFramerate: 15 },
};

export interface QualityState {
  level: QualityLevel;
  /** Consecutive samples too poor for 'high', and too poor for any video. */
  badSamples: number;
  criticalSamples: number;
  /** Since when conditions would carry the next level up; null when they do not. */
  goodSince: number | null;
  restoreWaitMs: number;
  /** When the level last went up, until the step up has held for the probation time. */
  steppedUpAt: number | null;
  /** Since when no media has arrived (the previous sample's time); null while it arrives. */
  stalledSince: number | null;
  lastAt: number | null;
  iceTrouble: boolean;
  poorUntil: number;
}

export function initialQuality(): QualityState {
  return { level: 'high', badSamples: 0, criticalSamples: 0, goodSince: null, restoreWaitMs: RESTORE_AFTER_GOOD_MS, steppedUpAt: null, stalledSince: null, lastAt: null, iceTrouble: false, poorUntil: 0 };
}

const isIceTrouble = (ice: IceState) => ice === 'disconnected' || ice === 'failed';
const STEP_UP: Record<QualityLevel, QualityLevel> = { high: 'high', low: 'high', 'audio-only': 'low' };

type Conditions = { bad: boolean; critical: boolean; good: boolean };

function judge(outgoing: QualitySample['outgoing'], level: QualityLevel): Conditions {
  const { lossFraction: loss, availableBitrateBps: bitrate, roundTripMs: rtt } = outgoing;
  const lossy = loss !== null && loss > LOSS_STEP_DOWN;
  const slowRtt = rtt !== null && rtt > RTT_AUDIO_ONLY_MS;
  // With video paused the estimate only follows the little audio we send (application-limited),
  // so it says nothing about the link: judge a return to video by loss and round trip alone.
  const countBitrate = level !== 'audio-only' && bitrate !== null;
  const critical = slowRtt || (countBitrate && bitrate < BITRATE_AUDIO_ONLY_BPS);
  const bad = critical || lossy || (countBitrate && bitrate < BITRATE_STEP_DOWN_BPS);
  const known = loss !== null || rtt !== null || countBitrate;
  return { bad, critical, good: known && !bad };
}

/** Whether media arrived since the last sample; null when this sample cannot tell. */
function mediaArrived({ incoming, remoteVideoExpected }: QualitySample): boolean | null {
  // Audio always flows (a muted microphone still sends silence), so no packets at all is a stall.
  if (incoming.packetsReceived === 0) return false;
  if (remoteVideoExpected && incoming.framesDecoded === 0) return false;
  if (incoming.packetsReceived !== null || (remoteVideoExpected && incoming.framesDecoded !== null)) return true;
  return null;
}

/** A stall starts at the last sample that saw media; an unknown sample (a new peer's first) neither starts nor ends one. */
function stallStart(state: QualityState, sample: QualitySample): number | null {
  const arrived = mediaArrived(sample);
  if (arrived === null) return state.stalledSince;
  return arrived ? null : (state.stalledSince ?? state.lastAt ?? sample.at);
}

function incomingLossy({ packetsReceived, packetsLost }: QualitySample['incoming']): boolean {
  if (packetsReceived === null || packetsLost === null) return false;
  const total = packetsReceived + packetsLost;
  return total >= MIN_PACKETS_FOR_LOSS && packetsLost / total > LOSS_STEP_DOWN;
}

/** The next state after one sample. */
export function nextQuality(state: QualityState, sample: QualitySample): QualityState {
  const at = sample.at;
  const next: QualityState = {
    ...state,
    lastAt: at,
    iceTrouble: isIceTrouble(sample.iceState),
    stalledSince: stallStart(state, sample),
    poorUntil: incomingLossy(sample.incoming) ? at + POOR_LABEL_HOLD_MS : state.poorUntil,
  };
  if (next.iceTrouble) {
    // Measurements during an outage are stale: hold the level and let reconnection work.
    return { ...next, badSamples: 0, criticalSamples: 0, goodSince: null };
  }
  const conditions = judge(sample.outgoing, state.level);
  next.badSamples = conditions.bad ? state.badSamples + 1 : 0;
  next.criticalSamples = conditions.critical ? state.criticalSamples + 1 : 0;
  // An unknown sample (no report yet) neither breaks a good run nor starts one.
  next.goodSince = conditions.good ? (state.goodSince ?? at) : conditions.bad ? null : state.goodSince;

  const down: QualityLevel | null =
    state.level !== 'audio-only' && next.criticalSamples >= AUDIO_ONLY_AFTER_BAD_SAMPLES ? 'audio-only'
    : state.level === 'high' && next.badSamples >= LOW_AFTER_BAD_SAMPLES ? 'low'
    : null;
  if (down) {
    const failedStepUp = state.steppedUpAt !== null && at - state.steppedUpAt < RESTORE_PROBATION_MS;
    const restoreWaitMs = failedStepUp ? Math.min(state.restoreWaitMs * 2, RESTORE_MAX_WAIT_MS) : state.restoreWaitMs;
    return { ...next, level: down, goodSince: null, steppedUpAt: null, restoreWaitMs };
  }
  if (state.steppedUpAt !== null && at - state.steppedUpAt >= RESTORE_PROBATION_MS) {
    next.steppedUpAt = null;
    next.restoreWaitMs = RESTORE_AFTER_GOOD_MS;
  }
  if (state.level !== 'high' && conditions.good && next.goodSince !== null && at - next.goodSince >= next.restoreWaitMs) {
    return { ...next, level: STEP_UP[state.level], badSamples: 0, criticalSamples: 0, goodSince: null, steppedUpAt: at };
  }
  return next;
}

export const qualityLevel = (state: QualityState): QualityLevel => state.level;

/** How long no media has arrived, as of the last sample; 0 while it arrives. */
export const stalledForMs = (state: QualityState): number =>
  state.stalledSince === null || state.lastAt === null ? 0 : state.lastAt - state.stalledSince;

/** The words both sides see. Our own step down, or loss on what we receive, is "Poor". */
export function qualityLabel(state: QualityState): QualityLabel {
  if (state.iceTrouble || stalledForMs(state) >= STALL_MS) return 'Reconnecting';
  if (state.level !== 'high' || (state.lastAt !== null && state.lastAt < state.poorUntil)) return 'Poor';
  return 'Good';
}

/** The notice to show beside the label, or null. */
export const qualityNotice = (state: QualityState): string | null => (state.level === 'audio-only' ? VIDEO_PAUSED_MESSAGE : null);

const LABEL_RANK: Record<QualityLabel, number> = { Good: 0, Poor: 1, Reconnecting: 2 };
/** Each side measures its own end; the screen shows the worse of ours and theirs. */
export const worseLabel = (a: QualityLabel, b: QualityLabel): QualityLabel => (LABEL_RANK[a] >= LABEL_RANK[b] ? a : b);

export type ReconnectAction = 'none' | 'wait' | 'ice-restart' | 'rebuild-peer';

export interface ReconnectInputs {
  iceState: IceState;
  /** stalledForMs() of the quality state. */
  stalledForMs: number;
  socketConnected: boolean;
  isInitiator: boolean;
  /** Attempts (ICE restarts and rebuilds) made since the call was last healthy. */
  restartsTried: number;
  msSinceLastRestart: number;
}

/** Enough for an ICE restart to finish (a new offer through the relay, then connectivity checks). */
export const RETRY_BASE_MS = 4_000;
/** Waits double up to this and stay there: retries never stop while the visit is open. */
export const RETRY_MAX_MS = 16_000;
/** ICE restarts are cheap and keep the peer; after this many without success, build a new one. */
export const ICE_RESTARTS_BEFORE_REBUILD = 2;
/** After ICE 'failed' only a new peer helps (docs/platform-notes.md); this gap just stops a tight loop. */
export const FAILED_REBUILD_GAP_MS = 1_000;
/** The visitor sees most faults when the tablet does; waiting this much longer lets the tablet, which can act itself, go first. */
export const FOLLOWER_EXTRA_STALL_MS = 2_000;

/** How long to give attempt number `tried` (1 = the first) before the next one. */
export const retryDelayMs = (tried: number): number => Math.min(RETRY_BASE_MS * 2 ** Math.max(0, tried - 1), RETRY_MAX_MS);

/**
 * What to do about the connection now. For the initiator (tablet) 'ice-restart' means
 * restartIce() and a new offer, 'rebuild-peer' a new peer and offer; for the visitor both mean
 * asking the tablet through the relay. 'none': healthy, reset the count. 'wait': in trouble,
 * keep saying "Reconnecting…", ask again on the next sample.
 */
export function reconnectAction(inputs: ReconnectInputs): ReconnectAction {
  const { iceState, stalledForMs: stalled, restartsTried: tried } = inputs;
  const iceUp = iceState === 'connected' || iceState === 'completed';
  const gone = iceState === 'failed' || iceState === 'closed';
  // While an attempt is under way, 'new' or 'checking' is still trouble.
  const trouble = gone || iceState === 'disconnected' || stalled >= STALL_MS || (tried > 0 && !iceUp);
  // A socket reconnect alone never touches a healthy call.
  if (!trouble) return 'none';
  // Every remedy needs signalling; socket.io reconnects by itself.
  if (!inputs.socketConnected) return 'wait';
  if (gone) return tried === 0 || inputs.msSinceLastRestart >= FAILED_REBUILD_GAP_MS ? 'rebuild-peer' : 'wait';
  if (tried > 0 && inputs.msSinceLastRestart < retryDelayMs(tried)) return 'wait';
  if (!inputs.isInitiator && tried === 0 && iceUp && stalled < STALL_MS + FOLLOWER_EXTRA_STALL_MS) return 'wait';
  return tried >= ICE_RESTARTS_BEFORE_REBUILD ? 'rebuild-peer' : 'ice-restart';
}
