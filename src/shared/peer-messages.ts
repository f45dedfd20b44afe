import { z } from './zod-mini.js';

/**
 * Messages the two ends of a call send each other over the peer's data channel (never
 * through the relay): what the other side should show about our camera and microphone.
 */
export const peerMessageSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('media-state'), microphoneOn: z.boolean(), cameraOn: z.boolean() }),
  /** How the call looks from this end, so both sides show the worse of the two, and whether we paused our video. */
  z.strictObject({ kind: z.literal('quality'), label: z.enum(['Good', 'Poor', 'Reconnecting']), videoPaused: z.boolean() }),
]);

export type PeerMessage = z.infer<typeof peerMessageSchema>;
