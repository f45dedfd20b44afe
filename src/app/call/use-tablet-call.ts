import { useEffect, useState } from 'preact/hooks';
import { keepScreenAwake, TabletCall, type TabletCallView } from '../../call/index.js';
import { setCallInProgress } from '../call-activity.js';

/**
 * The tablet's call for one visit, alive while the call screen is shown. While it lives the
 * idle lock and the update banner stay away and the screen stays awake.
 */
export function useTabletCall(visitId: string): { call: TabletCall; view: TabletCallView } {
  const [call] = useState(() => new TabletCall(visitId));
  const [view, setView] = useState(call.view.value);
  useEffect(() => {
    const unsubscribe = call.view.subscribe(setView);
    setCallInProgress(true);
    const releaseWakeLock = keepScreenAwake();
    void call.start();
    return () => {
      unsubscribe();
      releaseWakeLock();
      setCallInProgress(false);
      call.dispose();
    };
  }, [call]);
  return { call, view };
}
