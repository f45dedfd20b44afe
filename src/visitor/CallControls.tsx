import type { VisitorCall, VisitorCallView } from '../call/index.js';
import { Button } from '../ui/index.js';

interface CallControlsProps {
  call: VisitorCall;
  media: VisitorCallView['media'];
  onLeave: () => void;
}

/**
 * Mute, camera and leave. The toggles are plain buttons: a second tap is meant to undo the
 * first, so they are not guarded like buttons that start things.
 */
export function CallControls({ call, media, onLeave }: CallControlsProps) {
  const hasCamera = (media.stream?.getVideoTracks().length ?? 0) > 0;
  return (
    <div class="app-call-controls">
      <button
        type="button"
        class="nhsuk-button nhsuk-button--secondary"
        aria-pressed={!media.microphoneOn}
        onClick={() => call.setMicrophone(!media.microphoneOn)}
      >
        {media.microphoneOn ? 'Mute' : 'Unmute'}
      </button>
      {hasCamera && (
        <button type="button" class="nhsuk-button nhsuk-button--secondary" onClick={() => call.setCamera(!media.cameraOn)}>
          {media.cameraOn ? 'Turn camera off' : 'Turn camera on'}
        </button>
      )}
      <Button variant="warning" onClick={onLeave}>
        Leave
      </Button>
    </div>
  );
}
