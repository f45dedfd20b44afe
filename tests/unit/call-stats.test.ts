import { describe, expect, it } from 'vitest';
import { readStats, sampleFrom, type SampleContext } from '../../src/call/call-stats.js';
import { initialQuality, nextQuality, qualityLevel } from '../../src/call/quality.js';

/**
 * Two getStats() reports one second apart, shaped like Chromium's entries (ids, field names
 * and units as Chromium reports them; counters cumulative; times in seconds). Entries the
 * adapter does not use (codec, media-source, candidates) are there to be ignored.
 */
function chromiumReport(second: number, counters: { sent: number; remoteLost: number; fractionLost: number; frames: number; received: number; lost: number; audioSent: number }) {
  const timestamp = 1_752_412_345_678.5 + second * 1_000;
  return [
    { id: 'COT01_96', type: 'codec', timestamp, mimeType: 'video/VP8', payloadType: 96, clockRate: 90_000, transportId: 'T01' },
    { id: 'SV2', type: 'media-source', timestamp, kind: 'video', trackIdentifier: 'a1b2', width: 640, height: 360, framesPerSecond: 30 },
    { id: 'T01', type: 'transport', timestamp, bytesSent: 412_000 + second * 75_000, bytesReceived: 398_000 + second * 74_000, dtlsState: 'connected', iceState: 'connected', selectedCandidatePairId: 'CPx3Kq7wP_a9Zr1ELm', selectedCandidatePairChanges: 1 },
    { id: 'CPx3Kq7wP_a9Zr1ELm', type: 'candidate-pair', timestamp, transportId: 'T01', localCandidateId: 'Ix3Kq7wP', remoteCandidateId: 'Ia9Zr1ELm', state: 'succeeded', nominated: true, writable: true, bytesSent: 410_000 + second * 75_000, requestsSent: 12 + second, responsesReceived: 12 + second, totalRoundTripTime: 0.52, currentRoundTripTime: 0.043, availableOutgoingBitrate: second === 0 ? 812_345 : 298_112 },
    { id: 'CPother_pair', type: 'candidate-pair', timestamp, transportId: 'T01', state: 'failed', nominated: false, currentRoundTripTime: 0.9, availableOutgoingBitrate: 50_000 },
    { id: 'Ix3Kq7wP', type: 'local-candidate', timestamp, transportId: 'T01', candidateType: 'host', protocol: 'udp', port: 53_114 },
    { id: 'OT01V1234', type: 'outbound-rtp', timestamp, ssrc: 1234, kind: 'video', transportId: 'T01', codecId: 'COT01_96', packetsSent: counters.sent, bytesSent: counters.sent * 1_050, framesEncoded: 30 * second + 300, frameWidth: 640, frameHeight: 360, framesPerSecond: 30, targetBitrate: 540_000, qualityLimitationReason: 'bandwidth', remoteId: 'RI01V1234', mediaSourceId: 'SV2', active: true },
    { id: 'OT01A5555', type: 'outbound-rtp', timestamp, ssrc: 5555, kind: 'audio', transportId: 'T01', packetsSent: counters.audioSent, bytesSent: counters.audioSent * 90, remoteId: 'RI01A5555', active: true },
    { id: 'RI01V1234', type: 'remote-inbound-rtp', timestamp: timestamp - 310, ssrc: 1234, kind: 'video', transportId: 'T01', codecId: 'COT01_96', packetsLost: counters.remoteLost, jitter: 0.004, localId: 'OT01V1234', roundTripTime: 0.046, totalRoundTripTime: 0.8, fractionLost: counters.fractionLost, roundTripTimeMeasurements: 18 + second, reportsReceived: 20 + second },
    { id: 'IT01V9876', type: 'inbound-rtp', timestamp, ssrc: 9876, kind: 'video', transportId: 'T01', trackIdentifier: 'c3d4', mid: '1', packetsReceived: counters.received, packetsLost: counters.lost, bytesReceived: counters.received * 1_020, framesDecoded: counters.frames, framesReceived: counters.frames + 1, keyFramesDecoded: 2, frameWidth: 640, frameHeight: 360, framesPerSecond: 30, jitter: 0.003 },
    { id: 'IT01A4321', type: 'inbound-rtp', timestamp, ssrc: 4321, kind: 'audio', transportId: 'T01', trackIdentifier: 'e5f6', mid: '0', packetsReceived: 500 + second * 50, packetsLost: 0, bytesReceived: 40_000 + second * 4_000, jitter: 0.002 },
  ];
}

const first = chromiumReport(0, { sent: 1_000, remoteLost: 4, fractionLost: 0, frames: 600, received: 1_100, lost: 2, audioSent: 500 });
const second = chromiumReport(1, { sent: 1_060, remoteLost: 7, fractionLost: 0.0469, frames: 628, received: 1_158, lost: 4, audioSent: 550 });
const context: SampleContext = { at: 61_000, iceState: 'connected', remoteVideoExpected: true };

describe('getStats to a quality sample', () => {
  it('turns two Chromium reports into one second of deltas', () => {
    const sample = sampleFrom(readStats(first), readStats(second), context);
    expect(sample).toEqual({
      at: 61_000,
      // fractionLost is the receiver's own figure for its report interval (3 lost of 64 there).
      outgoing: { lossFraction: 0.0469, availableBitrateBps: 298_112, roundTripMs: 43 },
      incoming: { framesDecoded: 28, packetsReceived: 58 + 50, packetsLost: 2 },
      iceState: 'connected',
      remoteVideoExpected: true,
    });
  });

  it('counts a receiver report once: read again a second later (media just back after an outage), it is no new loss', () => {
    // The far end's report from the outage (85 % lost), and the same report still there a second later.
    const outageReport = chromiumReport(1, { sent: 1_060, remoteLost: 137, fractionLost: 0.85, frames: 628, received: 1_158, lost: 4, audioSent: 550 });
    const sameReportLater = chromiumReport(2, { sent: 1_120, remoteLost: 137, fractionLost: 0.85, frames: 656, received: 1_216, lost: 4, audioSent: 600 }).map((entry) =>
      entry.type === 'remote-inbound-rtp' ? outageReport.find((old) => old.id === entry.id)! : entry,
    );
    expect(sampleFrom(readStats(first), readStats(outageReport), context).outgoing.lossFraction).toBe(0.85);
    expect(sampleFrom(readStats(outageReport), readStats(sameReportLater), context).outgoing.lossFraction).toBeNull();
  });

  it('reads an RTCStatsReport-like map the same as an array', () => {
    const asMap = new Map(second.map((entry) => [entry.id, entry]));
    expect(readStats(asMap)).toEqual(readStats(second));
  });

  it('has no deltas for the first reading of a peer, and no loss until the far end reports', () => {
    const sample = sampleFrom(null, readStats(first), context);
    expect(sample.outgoing).toEqual({ lossFraction: null, availableBitrateBps: 812_345, roundTripMs: 43 });
    expect(sample.incoming).toEqual({ framesDecoded: null, packetsReceived: null, packetsLost: null });
    const early = (report: typeof first) => report.filter((entry) => entry.type !== 'remote-inbound-rtp');
    expect(sampleFrom(readStats(early(first)), readStats(early(second)), context).outgoing.lossFraction).toBeNull();
  });

  it('copes with Firefox and Safari: no estimate, the pair marked selected, loss counted from packets', () => {
    const firefox = (report: typeof first) =>
      report
        .filter((entry) => entry.type !== 'transport')
        .map((entry) => {
          if (entry.type === 'candidate-pair') {
            const { availableOutgoingBitrate: _, ...rest } = entry as Record<string, unknown>;
            return { ...rest, selected: entry.id === 'CPx3Kq7wP_a9Zr1ELm' };
          }
          if (entry.type === 'remote-inbound-rtp') {
            const { fractionLost: _, ...rest } = entry as Record<string, unknown>;
            return rest;
          }
          return entry;
        });
    const sample = sampleFrom(readStats(firefox(first)), readStats(firefox(second)), context);
    // 3 more lost against 60 more sent.
    expect(sample.outgoing).toEqual({ lossFraction: 0.05, availableBitrateBps: null, roundTripMs: 43 });
  });

  it('ignores the last report of a paused video stream and a counter that went back', () => {
    const paused = chromiumReport(1, { sent: 1_000, remoteLost: 7, fractionLost: 0.5, frames: 628, received: 1_158, lost: 4, audioSent: 550 });
    expect(sampleFrom(readStats(first), readStats(paused), context).outgoing.lossFraction).toBeNull();
    const reset = chromiumReport(1, { sent: 1_060, remoteLost: 7, fractionLost: 0.0469, frames: 3, received: 1_158, lost: 4, audioSent: 550 });
    expect(sampleFrom(readStats(first), readStats(reset), context).incoming.framesDecoded).toBeNull();
  });

  it('feeds the ladder: two seconds like the second report step video down', () => {
    const sample = sampleFrom(readStats(first), readStats(second), context);
    const state = [sample, { ...sample, at: 62_000 }].reduce(nextQuality, initialQuality());
    expect(qualityLevel(state)).toBe('low');
  });
});
