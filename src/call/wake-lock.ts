/**
 * Keeps the screen on during a call (Screen Wake Lock API). The browser releases the lock
 * whenever the page is hidden, so it is asked for again each time the page is shown.
 * Where the API is missing (older Safari) the call still works; the screen may dim.
 */
export function keepScreenAwake(): () => void {
  let lock: WakeLockSentinel | null = null;
  let stopped = false;
  const request = () => {
    if (stopped || document.visibilityState !== 'visible' || !('wakeLock' in navigator)) return;
    navigator.wakeLock.request('screen').then(
      (sentinel) => {
        if (stopped) void sentinel.release();
        else lock = sentinel;
      },
      () => {}, // Refused (battery saver, no permission): nothing to tell the person; the call goes on.
    );
  };
  request();
  document.addEventListener('visibilitychange', request);
  return () => {
    stopped = true;
    document.removeEventListener('visibilitychange', request);
    void lock?.release();
  };
}
