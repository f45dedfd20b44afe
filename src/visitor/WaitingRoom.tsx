import type { VisitorCallView } from '../call/index.js';
import { Button } from '../ui/index.js';
import { CallVideo } from '../ui/CallVideo/index.js';
import { CallStatus } from './CallStatus.js';
import { VisitorScreen } from './VisitorScreen.js';
import './visitor.scss';

interface WaitingRoomProps {
  view: VisitorCallView;
  /** The call dropped and the ward will let them in again, rather than a first wait. */
  afterCall: boolean;
  onLeave: () => void;
}

/** Joined, not yet let in: the ward sees the visitor's name and admits them when ready. */
export function WaitingRoom({ view, afterCall, onLeave }: WaitingRoomProps) {
  const { media } = view;
  // Until the relay says "joined" (or while "Try again" restarts the camera) we are still on our way in.
  const inRoom = view.state.name === 'waiting';
  const status = view.signallingLost ? 'Reconnecting…' : inRoom ? '' : 'Joining…';
  const hasCamera = (media.stream?.getVideoTracks().length ?? 0) > 0;

  return (
    <VisitorScreen heading="Waiting for the ward">
      <p class="nhsuk-body">
        {afterCall ? 'Your call was interrupted. The ward will let you back in shortly.' : 'The ward will let you in shortly.'}
      </p>
      <p class="nhsuk-body">Keep this page open.</p>
      {/* Said on the landing page too: an anxious relative should not be caught out by the check. */}
      {!afterCall && (
        <p class="nhsuk-body">
          Before you see the patient, someone from the ward will ask you to confirm <strong>the patient's full name and date of birth</strong>. This keeps them safe.
        </p>
      )}
      <CallStatus text={status} />
      {hasCamera && (
        <div class="app-visitor-preview">
          <CallVideo stream={media.stream} label="Your camera" self size="large" notice={media.cameraOn ? undefined : 'Camera off'} />
        </div>
      )}
      <Button variant="secondary" onClick={onLeave}>
        Leave
      </Button>
    </VisitorScreen>
  );
}
