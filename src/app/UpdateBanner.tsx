import { useEffect, useState } from 'preact/hooks';
import { Button, NotificationBanner } from '../ui/index.js';
import { applyUpdate, onUpdateAvailable } from './sw-bridge.js';

type BannerState = 'hidden' | 'available' | 'after-call';

/**
 * NHS "important" notification banner, shown on every screen once a new version of the app
 * has installed in the background. The nurse chooses when to reload; a call is never cut off.
 */
export function UpdateBanner() {
  const [state, setState] = useState<BannerState>('hidden');
  useEffect(() => onUpdateAvailable(() => setState((now) => (now === 'hidden' ? 'available' : now))), []);

  if (state === 'hidden') return null;
  return (
    <div class="nhsuk-width-container nhsuk-u-padding-top-3 nhsuk-u-padding-bottom-3">
      <NotificationBanner kind="important" id="update-banner-title" heading="A new version is available">
        {state === 'after-call' ? (
          <p class="nhsuk-body">The app will update when the call ends.</p>
        ) : (
          <Button onClick={() => setState(applyUpdate() === 'applying' ? 'available' : 'after-call')}>Update now</Button>
        )}
      </NotificationBanner>
    </div>
  );
}
