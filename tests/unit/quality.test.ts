import { describe, expect, it } from 'vitest';
import {
  FAILED_REBUILD_GAP_MS,
  initialQuality,
  nextQuality,
  qualityLabel,
  qualityNotice,
  reconnectAction,
  RESTORE_MAX_WAIT_MS,
  retryDelayMs,
  RETRY_MAX_MS,
  stalledForMs,
  worseLabel,
  type QualitySample,
  type QualityState,
  type ReconnectInputs,
} from '../../src/call/quality.js';

type Outgoing = Partial<QualitySample['outgoing']>;
type Overrides = Omit<Partial<QualitySample>, 'outgoing' | 'incoming'> & { outgoing?: Outgoing; incoming?: Partial<QualitySample['incoming']> };

/** A healthy second: little loss, plenty of bandwidth, a short round trip, frames arriving. */
function sample(at: number, overrides: Overrides = {}): QualitySample {
  return {
    at,
    iceState: 'connected',
    remoteVideoExpected: true,
    ...overrides,
    outgoing: { lossFraction: 0.001, availableBitrateBps: 900_000, roundTripMs: 40, ...overrides.outgoing },
    incoming: { framesDecoded: 30, packetsReceived: 90, packetsLost: 0, ...overrides.incoming },
  };
}

const LOSSY: Outgoing = { lossFraction: 0.05 };
const THIN: Outgoing = { availableBitrateBps: 300_000 };
const STARVED: Outgoing = { availableBitrateBps: 150_000 };

/** One sample a second from `from`, each made by `make(second)`; returns every state. */
function feed(state: QualityState, from: number, seconds: number, make: (at: number) => QualitySample): QualityState[] {
  const states: QualityState[] = [];
  for (let i = 0; i < seconds; i++) states.push((state = nextQuality(state, make(from + i * 1_000))));
  return states;
}
const last = (states: QualityState[]) => states[states.length - 1]!;
const levels = (states: QualityState[]) => states.map((state) => state.level);

describe('the quality ladder', () => {
  it('starts at high and says Good', () => {
    const state = last(feed(initialQuality(), 0, 5, (at) => sample(at)));
    expect(state.level).toBe('high');
    expect(qualityLabel(state)).toBe('Good');
    expect(qualityNotice(state)).toBeNull();
  });

  it('steps down to low on loss above 3%, but not for one lossy second', () => {
    const once = feed(initialQuality(), 0, 1, (at) => sample(at, { outgoing: LOSSY }));
    expect(last(once).level).toBe('high');
    const twice = feed(initialQuality(), 0, 2, (at) => sample(at, { outgoing: LOSSY }));
    expect(last(twice).level).toBe('low');
    expect(qualityLabel(last(twice))).toBe('Poor');
  });

  it('steps down to low when the outgoing estimate is below 330 kbps, and no further', () => {
    expect(levels(feed(initialQuality(), 0, 6, (at) => sample(at, { outgoing: THIN })))).toEqual(['high', 'low', 'low', 'low', 'low', 'low']);
  });

  it('pauses video only when starvation lasts three seconds', () => {
    const states = feed(initialQuality(), 0, 3, (at) => sample(at, { outgoing: STARVED }));
    expect(levels(states)).toEqual(['high', 'low', 'audio-only']);
    expect(qualityNotice(last(states))).toBe('Video paused to keep the call going');
    // Two starved seconds, then a merely thin one: video stays on, at low.
    const brief = feed(initialQuality(), 0, 4, (at) => sample(at, { outgoing: at < 2_000 ? STARVED : THIN }));
    expect(last(brief).level).toBe('low');
  });

  it('pauses video on long round trips only when they are sustained', () => {
    const slow = (at: number) => sample(at, { outgoing: { roundTripMs: 450 } });
    expect(last(feed(initialQuality(), 0, 3, slow)).level).toBe('audio-only');
    const spiky = feed(initialQuality(), 0, 20, (at) => (at % 3_000 === 2_000 ? sample(at) : slow(at)));
    expect(spiky.some((state) => state.level === 'audio-only')).toBe(false);
  });

  it('does not flap when samples alternate between good and bad at the boundary', () => {
    const states = feed(initialQuality(), 0, 120, (at) => sample(at, { outgoing: { availableBitrateBps: at % 2_000 ? 329_000 : 331_000, lossFraction: at % 2_000 ? 0.031 : 0.029 } }));
    expect(levels(states).every((level) => level === 'high')).toBe(true);
    const worse = feed(initialQuality(), 0, 120, (at) => sample(at, { outgoing: at % 2_000 ? STARVED : THIN }));
    // One step down, then it holds: no pause, no restore, no change back and forth.
    const changes = levels(worse).filter((level, i, all) => level !== (all[i - 1] ?? 'high'));
    expect(changes).toEqual(['low']);
  });

  it('restores one step only after 10 s of good conditions', () => {
    const down = last(feed(initialQuality(), 0, 3, (at) => sample(at, { outgoing: STARVED })));
    expect(down.level).toBe('audio-only');
    // While paused the estimate follows only the audio we send, so it does not hold video back.
    const good = (at: number) => sample(at, { outgoing: { availableBitrateBps: 90_000 } });
    const states = feed(down, 3_000, 21, good);
    expect(states[9]!.level).toBe('audio-only');
    expect(states[10]!.level).toBe('low');
    expect(qualityNotice(states[10]!)).toBeNull();
  });

  it('goes from low back to high after another 10 s, and any bad second restarts the count', () => {
    const low = last(feed(initialQuality(), 0, 2, (at) => sample(at, { outgoing: THIN })));
    const interrupted = feed(low, 2_000, 25, (at) => sample(at, at === 8_000 ? { outgoing: { lossFraction: 0.04 } } : {}));
    // The bad second at 8 s restarts the count: good from 9 s, high at 19 s.
    expect(levels(interrupted).indexOf('high')).toBe(17);
    const steady = feed(low, 2_000, 12, (at) => sample(at));
    expect(levels(steady).indexOf('high')).toBe(10);
    expect(qualityLabel(steady[10]!)).toBe('Good');
  });

  it('waits longer after a step up that did not hold, and forgets once one does', () => {
    let state = last(feed(initialQuality(), 0, 2, (at) => sample(at, { outgoing: THIN })));
    state = last(feed(state, 2_000, 11, (at) => sample(at)));
    expect(state).toMatchObject({ level: 'high', steppedUpAt: 12_000 });
    state = last(feed(state, 13_000, 2, (at) => sample(at, { outgoing: THIN })));
    expect(state).toMatchObject({ level: 'low', restoreWaitMs: 20_000 });
    const slower = feed(state, 15_000, 21, (at) => sample(at));
    expect(levels(slower).indexOf('high')).toBe(20);
    // Held through its probation: the next restore waits the usual 10 s again.
    state = last(feed(last(slower), 36_000, 20, (at) => sample(at)));
    expect(state).toMatchObject({ level: 'high', restoreWaitMs: 10_000, steppedUpAt: null });
    const atCap = { ...state, steppedUpAt: 59_000, restoreWaitMs: RESTORE_MAX_WAIT_MS, badSamples: 1 };
    expect(nextQuality(atCap, sample(60_000, { outgoing: THIN })).restoreWaitMs).toBe(RESTORE_MAX_WAIT_MS);
  });

  it('judges nothing from samples with no measurements, and holds the level during an ICE outage', () => {
    const unknown = { lossFraction: null, availableBitrateBps: null, roundTripMs: null };
    const low = last(feed(initialQuality(), 0, 2, (at) => sample(at, { outgoing: THIN })));
    expect(last(feed(low, 2_000, 30, (at) => sample(at, { outgoing: unknown }))).level).toBe('low');
    const outage = feed(low, 2_000, 30, (at) => sample(at, { iceState: 'disconnected', outgoing: STARVED, incoming: { framesDecoded: 0, packetsReceived: 0 } }));
    expect(levels(outage).every((level) => level === 'low')).toBe(true);
    expect(qualityLabel(last(outage))).toBe('Reconnecting');
  });
});

describe('the label', () => {
  const stalled = (at: number) => sample(at, { incoming: { framesDecoded: 0, packetsReceived: 40 } });

  it('says Reconnecting after 2 s without a new frame, and Good as soon as frames return', () => {
    const states = feed(last(feed(initialQuality(), 0, 3, (at) => sample(at))), 3_000, 2, stalled);
    expect(qualityLabel(states[0]!)).toBe('Good');
    expect(stalledForMs(states[1]!)).toBe(2_000);
    expect(qualityLabel(states[1]!)).toBe('Reconnecting');
    expect(qualityLabel(nextQuality(states[1]!, sample(5_000)))).toBe('Good');
  });

  it("does not say Reconnecting when the other side's camera is off and their audio arrives", () => {
    const cameraOff = feed(initialQuality(), 0, 10, (at) => sample(at, { remoteVideoExpected: false, incoming: { framesDecoded: 0, packetsReceived: 50 } }));
    expect(qualityLabel(last(cameraOff))).toBe('Good');
    const nothing = feed(initialQuality(), 0, 3, (at) => sample(at, { remoteVideoExpected: false, incoming: { framesDecoded: 0, packetsReceived: at ? 0 : 50 } }));
    expect(qualityLabel(last(nothing))).toBe('Reconnecting');
  });

  it('keeps a stall going through a new peer with no counters yet', () => {
    const stall = last(feed(last(feed(initialQuality(), 0, 2, (at) => sample(at))), 2_000, 3, stalled));
    const rebuilt = nextQuality(stall, sample(5_000, { iceState: 'checking', incoming: { framesDecoded: null, packetsReceived: null, packetsLost: null } }));
    expect(qualityLabel(rebuilt)).toBe('Reconnecting');
  });

  it('says Poor for loss on what arrives, for at least 5 s', () => {
    const lossy = nextQuality(initialQuality(), sample(0, { incoming: { packetsReceived: 90, packetsLost: 10 } }));
    expect(qualityLabel(lossy)).toBe('Poor');
    const states = feed(lossy, 1_000, 6, (at) => sample(at));
    expect(states.map(qualityLabel)).toEqual(['Poor', 'Poor', 'Poor', 'Poor', 'Good', 'Good']);
  });

  it('shows the worse of the two sides', () => {
    expect(worseLabel('Good', 'Poor')).toBe('Poor');
    expect(worseLabel('Reconnecting', 'Poor')).toBe('Reconnecting');
    expect(worseLabel('Good', 'Good')).toBe('Good');
  });
});

describe('reconnection decisions', () => {
  const healthy: ReconnectInputs = { iceState: 'connected', stalledForMs: 0, socketConnected: true, isInitiator: true, restartsTried: 0, msSinceLastRestart: Infinity };
  const decide = (changes: Partial<ReconnectInputs>) => reconnectAction({ ...healthy, ...changes });

  // Hazard H03: a dropped call comes back by itself and the visit stays open
  it('leaves a healthy call alone, even while the socket reconnects', () => {
    expect(decide({})).toBe('none');
    expect(decide({ socketConnected: false })).toBe('none');
    expect(decide({ iceState: 'completed', stalledForMs: 1_000 })).toBe('none');
  });

  it('restarts ICE from the tablet at the first sign of trouble', () => {
    expect(decide({ stalledForMs: 2_000 })).toBe('ice-restart');
    expect(decide({ iceState: 'disconnected' })).toBe('ice-restart');
  });

  // Hazard H03: a dropped call comes back by itself and the visit stays open
  it('builds a new peer after ICE failed, and after restarts have not helped', () => {
    expect(decide({ iceState: 'failed' })).toBe('rebuild-peer');
    expect(decide({ iceState: 'closed' })).toBe('rebuild-peer');
    expect(decide({ iceState: 'failed', restartsTried: 1, msSinceLastRestart: FAILED_REBUILD_GAP_MS - 1 })).toBe('wait');
    expect(decide({ iceState: 'failed', restartsTried: 1, msSinceLastRestart: FAILED_REBUILD_GAP_MS })).toBe('rebuild-peer');
    expect(decide({ iceState: 'disconnected', restartsTried: 2, msSinceLastRestart: 60_000 })).toBe('rebuild-peer');
  });

  it('waits while the socket is down, since every remedy needs signalling', () => {
    expect(decide({ iceState: 'failed', socketConnected: false })).toBe('wait');
    expect(decide({ stalledForMs: 10_000, socketConnected: false })).toBe('wait');
  });

  // Hazard H03: a dropped call comes back by itself and the visit stays open
  it('gives each attempt time, doubling to a cap, and never gives up', () => {
    expect([1, 2, 3, 4, 5, 50].map(retryDelayMs)).toEqual([4_000, 8_000, 16_000, 16_000, 16_000, 16_000]);
    const trying = { iceState: 'checking' as const, stalledForMs: 30_000 };
    expect(decide({ ...trying, restartsTried: 1, msSinceLastRestart: 3_999 })).toBe('wait');
    expect(decide({ ...trying, restartsTried: 1, msSinceLastRestart: 4_000 })).toBe('ice-restart');
    expect(decide({ ...trying, restartsTried: 3, msSinceLastRestart: 15_000 })).toBe('wait');
    expect(decide({ ...trying, restartsTried: 400, msSinceLastRestart: RETRY_MAX_MS })).toBe('rebuild-peer');
    // An attempt in progress that is back up and flowing is healthy again.
    expect(decide({ restartsTried: 3, msSinceLastRestart: 1_000 })).toBe('none');
  });

  it('lets the tablet act first on a stall the visitor sees, then the visitor asks', () => {
    expect(decide({ isInitiator: false, stalledForMs: 2_000 })).toBe('wait');
    expect(decide({ isInitiator: false, stalledForMs: 4_000 })).toBe('ice-restart');
    expect(decide({ isInitiator: false, iceState: 'disconnected' })).toBe('ice-restart');
    expect(decide({ isInitiator: false, iceState: 'failed' })).toBe('rebuild-peer');
  });
});
