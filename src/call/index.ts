export { CONNECT_TIMEOUT_MS, nextCallState, type CallEvent, type CallState, type FailureReason } from './machine.js';
