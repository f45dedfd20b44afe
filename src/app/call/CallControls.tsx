import type { TabletCall, TabletCallView } from '../../call/index.js';
import { Button } from '../../ui/index.js';

/** Mute, camera, switch camera and End visit: big buttons a nurse can hit without looking twice. */
export function CallControls({ call, view, onEnd }: { call: TabletCall; view: TabletCallView; onEnd: () => void }) {
  const { microphoneOn, cameraOn, canSwitchCamera } = view.media;
  return (
    <div class="app-call-controls">
      <button class="nhsuk-button nhsuk-button--secondary" type="button" aria-pressed={!microphoneOn} onClick={() => call.setMicrophone(!microphoneOn)}>
        {microphoneOn ? 'Mute' : 'Unmute'}
      </button>
      <button class="nhsuk-button nhsuk-button--secondary" type="button" aria-pressed={!cameraOn} onClick={() => call.setCamera(!cameraOn)}>
        {cameraOn ? 'Turn camera off' : 'Turn camera on'}
      </button>
      {canSwitchCamera && (
        <Button variant="secondary" onClick={() => call.switchCamera()}>
          Switch camera
        </Button>
      )}
      <button class="nhsuk-button nhsuk-button--warning" type="button" onClick={onEnd}>
        End visit
      </button>
    </div>
  );
}
