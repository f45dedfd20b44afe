// Network faults for call tests (loopback-faults.mjs, shared with the reconnect benchmark), and
// the call path a fault is aimed at.
import type { Page } from 'playwright-core';

export { blockPorts, dropAllUdp, removeShaping, resetNetwork, restoreNetwork, shapeBandwidth, shapingReport, UDP_OUTAGES, type Protocol } from './loopback-faults.mjs';

/** The selected candidate pair of a page's newest open connection: addresses, ports, protocol. */
export interface SelectedPath {
  pairId: string;
  protocol: string;
  local: { address: string; port: number; type: string };
  remote: { address: string; port: number; type: string };
}

export function selectedPath(page: Page): Promise<SelectedPath | null> {
  return page.evaluate(async () => {
    const open = (window.__peerConnections ?? []).filter((pc) => pc.connectionState !== 'closed');
    const pc = open.at(-1);
    if (!pc) return null;
    const stats: Record<string, any>[] = [];
    (await pc.getStats()).forEach((s) => stats.push(s));
    const byId = new Map(stats.map((s) => [s.id, s]));
    const pairId = stats.find((s) => s.type === 'transport' && s.selectedCandidatePairId)?.selectedCandidatePairId;
    const pair = pairId ? byId.get(pairId) : undefined;
    const local = pair && byId.get(pair.localCandidateId);
    const remote = pair && byId.get(pair.remoteCandidateId);
    if (!pair || !local || !remote) return null;
    return {
      pairId: pair.id,
      protocol: local.protocol,
      local: { address: local.address ?? local.ip, port: local.port, type: local.candidateType },
      remote: { address: remote.address ?? remote.ip, port: remote.port, type: remote.candidateType },
    };
  });
}
