import type { IceState, QualitySample } from './quality.js';
import { MIN_PACKETS_FOR_LOSS } from './quality.js';

/**
 * From getStats to a QualitySample: readStats() picks the few figures the ladder needs out of
 * an RTCStatsReport (or a plain array of its entries, which is what the unit tests record), and
 * sampleFrom() turns two readings into per-sample deltas. Browsers differ: Firefox and Safari
 * have no availableOutgoingBitrate, Firefox marks the pair with `selected` instead of the
 * transport's selectedCandidatePairId, and remote-inbound-rtp only appears after the first
 * RTCP receiver report. Anything missing becomes null, never a guess.
 * https://www.w3.org/TR/webrtc-stats/
 */

/** An RTCStatsReport (a map of id → entry) or its entries as an array. */
export type StatsSource = readonly unknown[] | { values(): Iterable<unknown> };

interface Outbound { kind: string; packetsSent: number | null }
interface RemoteInbound {
  localId: string | null;
  kind: string;
  packetsLost: number | null;
  fractionLost: number | null;
  roundTripS: number | null;
  /** Which receiver report this is: the far end reports every second or so, and getStats repeats the last one between. */
  reportKey: string | null;
}
interface Inbound { kind: string; framesDecoded: number | null; packetsReceived: number | null; packetsLost: number | null }

/** The cumulative counters of one getStats call, keyed by stats id. */
export interface StatsReading {
  outbound: Record<string, Outbound>;
  remoteInbound: Record<string, RemoteInbound>;
  inbound: Record<string, Inbound>;
  /** From the selected candidate pair. */
  availableOutgoingBitrate: number | null;
  currentRoundTripS: number | null;
}

export interface SampleContext {
  at: number;
  iceState: IceState;
  remoteVideoExpected: boolean;
}

type Entry = Record<string, unknown>;
const num = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);
const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);
// Old Chromium and Safari said mediaType where the spec now says kind.
const kindOf = (entry: Entry) => str(entry['kind']) ?? str(entry['mediaType']) ?? 'unknown';

function selectedPair(entries: Entry[]): Entry | undefined {
  const pairs = entries.filter((entry) => entry['type'] === 'candidate-pair');
  const ids = new Set(entries.filter((entry) => entry['type'] === 'transport').map((entry) => entry['selectedCandidatePairId']));
  return (
    pairs.find((pair) => ids.has(pair['id'])) ??
    pairs.find((pair) => pair['selected'] === true) ??
    pairs.find((pair) => pair['nominated'] === true && pair['state'] === 'succeeded')
  );
}

export function readStats(source: StatsSource): StatsReading {
  const all = Array.isArray(source) ? source : Array.from((source as { values(): Iterable<unknown> }).values());
  const entries = all.filter((entry): entry is Entry => typeof entry === 'object' && entry !== null && typeof (entry as Entry)['id'] === 'string');
  const reading: StatsReading = { outbound: {}, remoteInbound: {}, inbound: {}, availableOutgoingBitrate: null, currentRoundTripS: null };
  for (const entry of entries) {
    const id = entry['id'] as string;
    if (entry['type'] === 'outbound-rtp') reading.outbound[id] = { kind: kindOf(entry), packetsSent: num(entry['packetsSent']) };
    if (entry['type'] === 'remote-inbound-rtp') {
      reading.remoteInbound[id] = {
        localId: str(entry['localId']),
        kind: kindOf(entry),
        packetsLost: num(entry['packetsLost']),
        fractionLost: num(entry['fractionLost']),
        roundTripS: num(entry['roundTripTime']),
        reportKey: num(entry['timestamp']) === null && num(entry['roundTripTimeMeasurements']) === null ? null : `${String(entry['timestamp'])}/${String(entry['roundTripTimeMeasurements'])}`,
      };
    }
    if (entry['type'] === 'inbound-rtp') {
      reading.inbound[id] = { kind: kindOf(entry), framesDecoded: num(entry['framesDecoded']), packetsReceived: num(entry['packetsReceived']), packetsLost: num(entry['packetsLost']) };
    }
  }
  const pair = selectedPair(entries);
  reading.availableOutgoingBitrate = num(pair?.['availableOutgoingBitrate']);
  reading.currentRoundTripS = num(pair?.['currentRoundTripTime']);
  return reading;
}

/** Growth of one counter; null when either reading lacks it or it went back (a new stream). */
function delta(before: number | null | undefined, after: number | null): number | null {
  if (before === null || before === undefined || after === null || after < before) return null;
  return after - before;
}

/** Sum of the known deltas; null when none is known. */
function sumDeltas<T>(current: Record<string, T>, previous: Record<string, T> | undefined, field: (value: T) => number | null, keep = (_: T) => true): number | null {
  let total: number | null = null;
  for (const [id, value] of Object.entries(current)) {
    const before = previous?.[id];
    if (!keep(value) || before === undefined) continue;
    const grew = delta(field(before), field(value));
    if (grew !== null) total = (total ?? 0) + grew;
  }
  return total;
}

/**
 * Loss on what we send: the worst of the streams that sent packets since the last reading (a
 * paused video stream keeps its last report, which is no longer news). The receiver's own
 * fractionLost covers exactly its report interval; counting lost against sent packets is the
 * fallback, because reports and our samples do not line up.
 */
function outgoingLoss(previous: StatsReading, current: StatsReading): number | null {
  let worst: number | null = null;
  for (const [id, report] of Object.entries(current.remoteInbound)) {
    const sender = report.localId === null ? undefined : current.outbound[report.localId];
    const sent = report.localId === null ? null : delta(previous.outbound[report.localId]?.packetsSent, sender?.packetsSent ?? null);
    if (!sent) continue;
    // A report already counted says nothing new: read twice, the loss of an outage it describes
    // (media just back) would count as two bad seconds and step the video down for nothing.
    const before = previous.remoteInbound[id];
    if (report.reportKey !== null && before?.reportKey === report.reportKey) continue;
    const lost = delta(previous.remoteInbound[id]?.packetsLost, report.packetsLost);
    const fraction = report.fractionLost ?? (lost !== null && sent >= MIN_PACKETS_FOR_LOSS ? Math.min(1, lost / sent) : null);
    if (fraction !== null) worst = Math.max(worst ?? 0, fraction);
  }
  return worst;
}

function roundTripMs(current: StatsReading): number | null {
  if (current.currentRoundTripS !== null) return current.currentRoundTripS * 1000;
  const fromReports = Object.values(current.remoteInbound).map((report) => report.roundTripS).filter((rtt): rtt is number => rtt !== null);
  return fromReports.length ? Math.max(...fromReports) * 1000 : null;
}

/** The sample between two readings; with no previous reading (a new peer) the deltas are null. */
export function sampleFrom(previous: StatsReading | null, current: StatsReading, context: SampleContext): QualitySample {
  const before = previous ?? undefined;
  return {
    at: context.at,
    outgoing: {
      lossFraction: previous ? outgoingLoss(previous, current) : null,
      availableBitrateBps: current.availableOutgoingBitrate,
      roundTripMs: roundTripMs(current),
    },
    incoming: {
      framesDecoded: sumDeltas(current.inbound, before?.inbound, (stream) => stream.framesDecoded, (stream) => stream.kind === 'video'),
      packetsReceived: sumDeltas(current.inbound, before?.inbound, (stream) => stream.packetsReceived),
      packetsLost: sumDeltas(current.inbound, before?.inbound, (stream) => stream.packetsLost),
    },
    iceState: context.iceState,
    remoteVideoExpected: context.remoteVideoExpected,
  };
}
