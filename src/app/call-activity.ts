/**
 * Whether a call is on this tablet now. The call screens set it; the idle lock and the update
 * banner read it, so neither ever interrupts a visit.
 */
let inCall = false;
const listeners = new Set<(inCall: boolean) => void>();

export function setCallInProgress(value: boolean): void {
  inCall = value;
  for (const listener of listeners) listener(value);
}

export function isCallInProgress(): boolean {
  return inCall;
}

export function onCallActivity(listener: (inCall: boolean) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
