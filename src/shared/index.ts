export * from './limits.js';
export * from './local-time.js';
export * from './visit.js';
export * from './booking-rules.js';
export * from './typed-input.js';
export * from './uk-mobile.js';
export * from './email-address.js';
export * from './commands.js';
export * from './api.js';
export * from './realtime.js';
export * from './join.js';
export * from './call-protocol.js';
// Types only: the event schemas are classic zod, for the relay (see call-events.ts).
export type { LivePairing, TabletEmits, VisitorEmits } from './call-events.js';
// Types only: the schema is for the call's data channel (call/peer.ts imports it directly).
export type { PeerMessage } from './peer-messages.js';
export * from './feedback.js';
export * from './admin.js';
export * from './ward-phone.js';
export * from './presence.js';
export * from './messages.js';
export * from './visit-words.js';
