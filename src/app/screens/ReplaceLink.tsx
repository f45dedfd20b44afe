import { useState } from 'preact/hooks';
import type { JoinLink } from '../../shared/index.js';
import { Button } from '../../ui/index.js';
import { ApiError, NetworkError } from '../../visits/index.js';
import { api } from '../api.js';

const OFFLINE = 'Making a new link needs the network. Try again when the tablet is online.';

/**
 * "Make a new link", for a link sent to the wrong person. It asks first, because the old link
 * stops at once and whoever is waiting by it is disconnected.
 */
export function ReplaceLink({ visitId, onReplaced }: { visitId: string; onReplaced: (link: JoinLink) => void }) {
  const [asking, setAsking] = useState(false);
  const [said, setSaid] = useState('');

  const replace = async () => {
    try {
      onReplaced(await api.replaceJoinLink(visitId));
      setSaid('A new link has been made. The old link no longer works.');
    } catch (error) {
      // Refusals and lost connections are said in words; anything else is a bug, and not hidden.
      if (!(error instanceof ApiError || error instanceof NetworkError)) throw error;
      setSaid(error instanceof ApiError ? error.message : OFFLINE);
    }
    setAsking(false);
  };

  return (
    <div class="app-replace-link">
      {asking ? (
        <div class="nhsuk-inset-text">
          <span class="nhsuk-u-visually-hidden">Information: </span>
          <p class="nhsuk-body">The old link will stop working straight away. Anyone who opened it will be disconnected from the visit.</p>
          <div class="app-button-group">
            <Button variant="warning" onClick={replace}>
              Make a new link
            </Button>
            <Button variant="secondary" onClick={() => setAsking(false)}>
              Keep the old link
            </Button>
          </div>
        </div>
      ) : (
        <>
          <p class="nhsuk-body-s">Sent the link to the wrong person? Make a new one and share that instead.</p>
          <Button variant="secondary" onClick={() => setAsking(true)}>
            Make a new link
          </Button>
        </>
      )}
      <p class="nhsuk-body" aria-live="polite">
        {said}
      </p>
    </div>
  );
}
