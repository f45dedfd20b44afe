/** The call engine: a pure state machine, with adapters for signalling, simple-peer and media. */
export { CONNECT_TIMEOUT_MS, nextCallState, type CallEvent, type CallState, type FailureReason } from './machine.js';
export { Observable } from './observable.js';
export { TabletCall } from './tablet-call.js';
export type { TabletCallView, VisitorView } from './tablet-call-view.js';
export { VisitorCall, type VisitorCallView } from './visitor-call.js';
export { listCameras, watchMicrophoneLevel, type Facing } from './media.js';
export type { LocalMediaState } from './local-media.js';
export type { RemoteMedia } from './peer-session.js';
export { keepScreenAwake } from './wake-lock.js';
export { VIDEO_PAUSED_MESSAGE, type QualityLabel } from './quality.js';
export type { LinkQuality } from './peer-session.js';
