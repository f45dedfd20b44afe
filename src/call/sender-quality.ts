import { LEVEL_ENCODINGS, type QualityLevel } from './quality.js';

/**
 * Applies a quality level to the video we send, through RTCRtpSender.setParameters: no
 * renegotiation, the call carries on. Which level, and when, is quality.ts's decision; this
 * file only talks to the browser, so it is proven by the browser tests, not unit tests.
 */

/**
 * The sender of the video m-line. Found through the receiver's track, whose kind is fixed by
 * the m-line, because the sender's own track may be null (camera switched off or replaced).
 */
export function videoSender(connection: RTCPeerConnection): RTCRtpSender | null {
  const transceiver = connection.getTransceivers().find((each) => each.receiver.track.kind === 'video' && each.currentDirection !== 'stopped');
  return transceiver?.sender ?? null;
}

/**
 * Sets encodings[0] for the level. Resolves false when there is nothing to set yet (before
 * negotiation Chromium reports no encodings): apply it again once connected. Rejections (an
 * InvalidModificationError, say) are the caller's to report.
 */
export async function applyLevel(sender: RTCRtpSender, level: QualityLevel): Promise<boolean> {
  // Chromium accepts only the object getParameters() returned, unchanged apart from the
  // encodings, with its transactionId, and only in the same task: so edit it and set it at
  // once, with no await between. https://w3c.github.io/webrtc-pc/#dom-rtcrtpsender-setparameters
  const parameters = sender.getParameters();
  const encoding = parameters.encodings[0];
  if (!encoding) return false;
  const wanted = LEVEL_ENCODINGS[level];
  // active: false stops the video stream alone; audio has its own sender and carries on.
  encoding.active = wanted.active;
  encoding.maxBitrate = wanted.maxBitrateBps;
  encoding.scaleResolutionDownBy = wanted.scaleResolutionDownBy;
  encoding.maxFramerate = wanted.maxFramerate;
  await sender.setParameters(parameters);
  return true;
}
