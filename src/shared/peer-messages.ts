import * as v from 'valibot';

/**
 * Messages the two ends of a call send each other over the peer's data channel (never
 * through the relay): what the other side should show about our camera and microphone.
 * valibot, as the ward's other pushes are (push-schemas.ts says why); only the pages parse it.
 */
export const peerMessageSchema = v.variant('kind', [
  v.strictObject({ kind: v.literal('media-state'), microphoneOn: v.boolean(), cameraOn: v.boolean() }),
  /** How the call looks from this end, so both sides show the worse of the two, and whether we paused our video. */
  v.strictObject({ kind: v.literal('quality'), label: v.picklist(['Good', 'Poor', 'Reconnecting']), videoPaused: v.boolean() }),
]);

export type PeerMessage = v.InferOutput<typeof peerMessageSchema>;
