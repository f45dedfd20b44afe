// Chromium for call tests: fake camera and microphone, loopback ICE, and a probe that records
// every RTCPeerConnection a page makes so a test can read its getStats(). Run call tests inside
// a loopback-only network namespace (scripts/in-loopback-netns.sh; see PLATFORM.md).
import type { BrowserContext, Page } from 'playwright-core';

declare global {
  interface Window {
    /** Every RTCPeerConnection the page created, oldest first (installPeerConnectionProbe). */
    __peerConnections?: RTCPeerConnection[];
  }
}

// The call flags and the camera-allowed context live in chromium.mjs, which the call benchmarks import too.
export { CALL_ARGS, launchCallChromium as launchCallBrowser, newCallContext } from './chromium.mjs';

/**
 * Test-only: wraps window.RTCPeerConnection in every page of the context (before the page's
 * own scripts) so each instance is also pushed to window.__peerConnections. A subclass, so
 * instanceof, statics and behaviour stay the same; closed connections stay in the list.
 */
export async function installPeerConnectionProbe(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const Native = window.RTCPeerConnection;
    if (!Native || window.__peerConnections) return;
    const recorded: RTCPeerConnection[] = [];
    Object.defineProperty(window, '__peerConnections', { value: recorded });
    window.RTCPeerConnection = class extends Native {
      constructor(...args: ConstructorParameters<typeof RTCPeerConnection>) {
        super(...args);
        recorded.push(this);
      }
    };
  });
}

/** How many RTCPeerConnections the page has created (closed ones included, unless openOnly). */
export function peerConnectionCount(page: Page, { openOnly = false } = {}): Promise<number> {
  return page.evaluate(
    (openOnly) => (window.__peerConnections ?? []).filter((pc) => !openOnly || pc.connectionState !== 'closed').length,
    openOnly,
  );
}

/** What the call helpers read from one connection's getStats(); null fields for a closed connection. */
export interface ConnectionStats {
  connectionState: RTCPeerConnectionState;
  /** Sum over inbound-rtp video streams. */
  framesDecoded: number;
  /** Sum of totalAudioEnergy over inbound-rtp audio streams. */
  audioEnergy: number;
  /** The selected (or else nominated and succeeded) candidate pair, if any. */
  selectedPair: { local: string; remote: string; protocol: string; relayProtocol: string | null } | null;
}

/** One entry per recorded connection, oldest first. A closed connection reads as zeros (Chromium has no stats after close). */
export function readConnectionStats(page: Page): Promise<ConnectionStats[]> {
  return page.evaluate(async () => {
    const read = async (pc: RTCPeerConnection) => {
      const result = { connectionState: pc.connectionState, framesDecoded: 0, audioEnergy: 0, selectedPair: null as ConnectionStats['selectedPair'] };
      if (pc.connectionState === 'closed') return result;
      const stats: Record<string, any>[] = [];
      (await pc.getStats()).forEach((s) => stats.push(s));
      const byId = new Map(stats.map((s) => [s.id, s]));
      for (const s of stats) {
        if (s.type === 'inbound-rtp' && s.kind === 'video') result.framesDecoded += s.framesDecoded ?? 0;
        if (s.type === 'inbound-rtp' && s.kind === 'audio') result.audioEnergy += s.totalAudioEnergy ?? 0;
      }
      const transportPairId = stats.find((s) => s.type === 'transport' && s.selectedCandidatePairId)?.selectedCandidatePairId;
      const pair = transportPairId ? byId.get(transportPairId) : stats.find((s) => s.type === 'candidate-pair' && s.nominated && s.state === 'succeeded');
      const local = pair && byId.get(pair.localCandidateId);
      const remote = pair && byId.get(pair.remoteCandidateId);
      if (local && remote) {
        result.selectedPair = { local: local.candidateType, remote: remote.candidateType, protocol: local.protocol, relayProtocol: local.relayProtocol ?? null };
      }
      return result;
    };
    return Promise.all((window.__peerConnections ?? []).map(read));
  });
}

/** framesDecoded summed over every recorded connection, or of the one at `connection` (its index). */
export async function inboundVideoFramesDecoded(page: Page, connection?: number): Promise<number> {
  return pick(await readConnectionStats(page), connection).reduce((sum, s) => sum + s.framesDecoded, 0);
}

/**
 * totalAudioEnergy summed over every recorded connection, or of the one at `connection`.
 * Chromium counts it at playout: it stays 0 while the remote audio plays only in a muted
 * element (measured), so a page that mutes its remote <video> shows no sound here.
 */
export async function inboundAudioEnergy(page: Page, connection?: number): Promise<number> {
  return pick(await readConnectionStats(page), connection).reduce((sum, s) => sum + s.audioEnergy, 0);
}

/**
 * The candidate types of the pair carrying the call ('host', 'srflx', 'prflx' or 'relay'
 * each side), on the newest open connection or the one at `connection`; null before one is selected.
 */
export async function selectedCandidatePairType(page: Page, connection?: number): Promise<ConnectionStats['selectedPair']> {
  const all = await readConnectionStats(page);
  const chosen = connection === undefined ? all.filter((s) => s.connectionState !== 'closed').at(-1) : all[connection];
  return chosen?.selectedPair ?? null;
}

/** How often waitForFramesRising reads getStats (the fake camera sends about 30 frames a second). */
const POLL_INTERVAL_MS = 250;

/**
 * Polls until framesDecoded (summed, or of `connection`) has risen by at least `min` (default 1)
 * since the first read: the proof that remote video is arriving now, not only earlier. A drop
 * (a connection replaced) restarts the count. Resolves to the last reading; throws with the
 * connection states on timeout.
 */
export async function waitForFramesRising(
  page: Page,
  { min = 1, timeoutMs, connection }: { min?: number; timeoutMs: number; connection?: number },
): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  // A connection asked for by index may not exist yet: it counts as 0 frames until it does.
  const frames = (stats: ConnectionStats[]) =>
    (connection === undefined ? stats : stats.slice(connection, connection + 1)).reduce((sum, s) => sum + s.framesDecoded, 0);
  let from = frames(await readConnectionStats(page));
  for (;;) {
    await page.waitForTimeout(POLL_INTERVAL_MS);
    const stats = await readConnectionStats(page);
    const now = frames(stats);
    if (now - from >= min) return now;
    if (now < from) from = now;
    if (Date.now() > deadline) {
      const states = stats.map((s) => `${s.connectionState}/${s.framesDecoded}`).join(', ') || 'no peer connection';
      throw new Error(`framesDecoded did not rise by ${min} within ${timeoutMs} ms (connections state/frames: ${states})`);
    }
  }
}

function pick(all: ConnectionStats[], connection: number | undefined): ConnectionStats[] {
  if (connection === undefined) return all;
  const one = all[connection];
  if (!one) throw new Error(`no peer connection #${connection} (the page made ${all.length})`);
  return [one];
}
