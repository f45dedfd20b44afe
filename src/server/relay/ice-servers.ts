import type { IceServer, IceTransportPolicy, Visit } from '../../shared/index.js';
import type { IceConfig } from '../ice-config.js';
import { newTurnUserId, turnCredential, turnExpiry } from '../security/turn-credentials.js';

/** What one participant is handed at join, for its RTCPeerConnection's configuration. */
export interface ParticipantIce {
  iceServers: IceServer[];
  iceTransportPolicy: IceTransportPolicy;
}

/**
 * The ICE servers for one participant of one visit: the static ones as configured, the STUN
 * URLs, and the TURN URLs with a credential of its own (fresh id, expiry from turnExpiry).
 * One credential per participant, so coturn's logs and quotas tell devices apart, and one
 * that leaks is worth one participant's allocation until it expires.
 */
export function iceForParticipant(config: IceConfig, visit: Pick<Visit, 'startsAt' | 'lengthMinutes'>, now: Date): ParticipantIce {
  const iceServers: IceServer[] = [...config.staticServers];
  if (config.stunUrls.length > 0) iceServers.push({ urls: config.stunUrls });
  if (config.turn) {
    const { username, credential } = turnCredential(config.turn.secret, newTurnUserId(), turnExpiry(visit, now));
    iceServers.push({ urls: config.turn.urls, username, credential });
  }
  return { iceServers, iceTransportPolicy: config.transportPolicy };
}
