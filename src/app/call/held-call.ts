import type { TabletCall } from '../../call/index.js';
import { setCallInProgress } from '../call-activity.js';

/**
 * The call the nurse stepped away from ("Leave the call screen"): its visit stays open and its
 * connection to the relay stays up until the tablet comes back to the call screen. Only the
 * visit id is kept in sessionStorage (not personal data), so a reload on another screen takes
 * the held call back instead of letting its grace period run out.
 */
const STORAGE_KEY = 'wvv-held-call';

let held: { visitId: string; call: TabletCall; unwatch: () => void } | null = null;
const listeners = new Set<() => void>();
const changed = () => listeners.forEach((listener) => listener());

export function holdCall(visitId: string, call: TabletCall): void {
  call.hold();
  keep(visitId, call);
  sessionStorage.setItem(STORAGE_KEY, visitId);
}

function keep(visitId: string, call: TabletCall): void {
  // A held visit that can no longer go on (cancelled on the other tablet, ended by the
  // relay's grace period, refused) is let go: there is nothing to come back to.
  const unwatch = call.view.subscribe(({ state }) => {
    if (state.name !== 'failed' && state.name !== 'ended') return;
    unwatch();
    if (held?.call === call) held = null;
    forgetHeldCall(visitId);
    call.dispose();
    setCallInProgress(false);
    changed();
  });
  held = { visitId, call, unwatch };
  setCallInProgress(true);
  changed();
}

/** The call screen coming back to its visit takes the held call, if there is one. */
export function takeHeldCall(visitId: string): TabletCall | null {
  if (held?.visitId !== visitId) return null;
  const { call, unwatch } = held;
  unwatch();
  held = null;
  changed();
  return call;
}

/** The call ended for good (End visit, or the visit is over): nothing to come back to. */
export function forgetHeldCall(visitId: string): void {
  if (sessionStorage.getItem(STORAGE_KEY) === visitId) sessionStorage.removeItem(STORAGE_KEY);
}

/** The visit whose call is on hold, if any. */
export function heldVisitId(): string | null {
  return held?.visitId ?? null;
}

export function onHeldCallChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * After a reload away from the call screen: the held call's room is taken back, still on hold
 * (the call code loads only if there is one). The call screen's own reload needs none of this:
 * it starts the call again, and the visitors who were in are let back in by themselves.
 */
export async function restoreHeldCall(onCallScreen: (visitId: string) => boolean): Promise<void> {
  const visitId = sessionStorage.getItem(STORAGE_KEY);
  if (!visitId || held || onCallScreen(visitId)) return;
  const { TabletCall } = await import('../../call/index.js');
  const call = new TabletCall(visitId);
  call.resumeHeld();
  keep(visitId, call);
}
