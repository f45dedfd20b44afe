import { useEffect, useState } from 'preact/hooks';
import { keepScreenAwake, TabletCall, type TabletCallView } from '../../call/index.js';
import { setCallInProgress } from '../call-activity.js';
import { heldVisitId, takeHeldCall } from './held-call.js';

/**
 * The tablet's call for one visit while the call screen is shown: the held one when the nurse
 * comes back to it, else a new one. While it lives the idle lock and the update banner stay
 * away and the screen stays awake. Leaving the screen ends the call unless it was put on hold.
 */
export function useTabletCall(visitId: string): { call: TabletCall; view: TabletCallView } {
  const [call] = useState(() => takeHeldCall(visitId) ?? new TabletCall(visitId));
  const [view, setView] = useState(call.view.value);
  useEffect(() => {
    const unsubscribe = call.view.subscribe(setView);
    setCallInProgress(true);
    const releaseWakeLock = keepScreenAwake();
    // A held call starts again where it was: camera back, the visitors let back in by themselves.
    void call.start();
    return () => {
      unsubscribe();
      releaseWakeLock();
      if (call.isHeld && heldVisitId() === visitId) return;
      setCallInProgress(false);
      call.dispose();
    };
  }, [call, visitId]);
  return { call, view };
}
