import { useEffect } from 'preact/hooks';
import { keepScreenAwake, VIDEO_PAUSED_MESSAGE, type RemoteMedia, type VisitorCall, type VisitorCallView } from '../call/index.js';
import { CallVideo } from '../ui/index.js';
import { CallControls } from './CallControls.js';
import { CallStatus } from './CallStatus.js';
import { VisitorScreen } from './VisitorScreen.js';
import './visitor.scss';

/** What to lay over the patient's picture when the ward has turned something off. */
export function remoteNotice({ cameraOn, microphoneOn, videoPaused }: RemoteMedia): string | undefined {
  if (videoPaused && cameraOn) return VIDEO_PAUSED_MESSAGE;
  if (!cameraOn && !microphoneOn) return 'Camera and microphone off';
  if (!cameraOn) return 'Camera off';
  if (!microphoneOn) return 'Microphone off';
  return undefined;
}

/**
 * Where the call is, in words. A relay outage alone says nothing: the call is peer-to-peer and
 * carries on, so only trouble with the media itself is "Reconnecting…".
 */
function callStatus({ state, quality }: VisitorCallView): string {
  if (state.name === 'connecting') return 'Connecting…';
  if (state.name === 'reconnecting' || quality.label === 'Reconnecting') return 'Reconnecting…';
  return `Connection: ${quality.label}`;
}

function selfNotice({ media, quality }: VisitorCallView): string | undefined {
  if (!media.cameraOn) return 'Camera off';
  return quality.sendingVideoPaused ? 'Video paused' : undefined;
}

interface InCallProps {
  call: VisitorCall;
  view: VisitorCallView;
  onLeave: () => void;
}

/** The visit itself: the ward large, the visitor small in the corner, controls underneath. */
export function InCall({ call, view, onLeave }: InCallProps) {
  // Visits last up to an hour and the visitor mostly watches: keep the phone from sleeping.
  useEffect(() => keepScreenAwake(), []);
  const { media } = view;
  const status = callStatus(view);
  const hasCamera = (media.stream?.getVideoTracks().length ?? 0) > 0;

  return (
    <VisitorScreen heading="Your video visit" headingClass="nhsuk-heading-m nhsuk-u-margin-bottom-2">
      <CallStatus text={status} />
      <div class="app-visitor-call">
        <div class="app-call-stage">
          <CallVideo stream={view.remoteStream} label="The ward" size="large" notice={remoteNotice(view.remoteMedia)} />
          {hasCamera && (
            <CallVideo stream={media.stream} label="Your camera" self size="small" notice={selfNotice(view)} />
          )}
        </div>
        <CallControls call={call} media={media} onLeave={onLeave} />
      </div>
    </VisitorScreen>
  );
}
