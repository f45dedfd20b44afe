import { readStats, sampleFrom, type StatsReading } from './call-stats.js';
import type { PeerLink } from './peer.js';
import {
  initialQuality,
  nextQuality,
  qualityLabel,
  reconnectAction,
  stalledForMs,
  STATS_INTERVAL_MS,
  type IceState,
  type QualityLabel,
  type QualityLevel,
  type QualityState,
} from './quality.js';
import { applyLevel, videoSender } from './sender-quality.js';

export interface MonitorInputs {
  link: () => PeerLink | null;
  initiator: boolean;
  /** The other side's camera is on and their video not paused: frames should arrive. */
  remoteVideoExpected: () => boolean;
  signallingUp: () => boolean;
}

export interface MonitorEvents {
  /** Our own view of the call changed: label (Good/Poor/Reconnecting) or the level we send. */
  changed(label: QualityLabel, level: QualityLevel): void;
  trouble(at: number): void;
  recovered(at: number): void;
  /** The tablet builds a new peer (a new pairing); a visitor never gets this. */
  rebuild(): void;
}

/**
 * Once a second: getStats → a sample → the quality ladder (quality.ts) and the reconnection
 * decision, then acts on them: sender parameters for the level, an ICE restart (or, for a
 * visitor, asking the tablet for one), or a new peer. Deciding is pure and unit-tested; this
 * file only carries the browser's numbers in and the decisions out.
 */
export class ConnectionMonitor {
  private quality: QualityState = initialQuality();
  private previous: StatsReading | null = null;
  private appliedLevel: QualityLevel | null = null;
  private reportedLevel: QualityLevel = 'high';
  private label: QualityLabel = 'Good';
  private restartsTried = 0;
  private lastRestartAt = 0;
  private inTrouble = false;
  private readonly timer: ReturnType<typeof setInterval>;

  constructor(
    private readonly inputs: MonitorInputs,
    private readonly events: MonitorEvents,
  ) {
    this.timer = setInterval(() => void this.sample().catch(() => {}), STATS_INTERVAL_MS);
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private async sample(): Promise<void> {
    const link = this.inputs.link();
    const connection = link?.connection();
    if (!link || !connection) return;
    const at = Date.now();
    const iceState = connection.iceConnectionState as IceState;
    const reading = readStats(await connection.getStats());
    this.quality = nextQuality(this.quality, sampleFrom(this.previous, reading, { at, iceState, remoteVideoExpected: this.inputs.remoteVideoExpected() }));
    this.previous = reading;
    await this.applyQuality(connection);
    this.act(link, iceState, at);
    const label = this.inTrouble ? 'Reconnecting' : qualityLabel(this.quality);
    if (label === this.label && this.quality.level === this.reportedLevel) return;
    this.label = label;
    this.reportedLevel = this.quality.level;
    this.events.changed(label, this.quality.level);
  }

  private async applyQuality(connection: RTCPeerConnection): Promise<void> {
    if (this.quality.level === this.appliedLevel) return;
    const sender = videoSender(connection);
    if (sender && (await applyLevel(sender, this.quality.level))) this.appliedLevel = this.quality.level;
  }

  private act(link: PeerLink, iceState: IceState, at: number): void {
    const action = reconnectAction({
      iceState,
      stalledForMs: stalledForMs(this.quality),
      socketConnected: this.inputs.signallingUp(),
      isInitiator: this.inputs.initiator,
      restartsTried: this.restartsTried,
      msSinceLastRestart: at - this.lastRestartAt,
    });
    if (action === 'none') {
      this.restartsTried = 0;
      if (this.inTrouble) this.events.recovered(at);
      this.inTrouble = false;
      return;
    }
    if (!this.inTrouble) this.events.trouble(at);
    this.inTrouble = true;
    if (action === 'wait') return;
    this.restartsTried += 1;
    this.lastRestartAt = at;
    // A visitor cannot rebuild the tablet's peer; asking for an ICE restart is all it can do.
    if (action === 'rebuild-peer' && this.inputs.initiator) this.events.rebuild();
    else link.restartIce();
  }
}
