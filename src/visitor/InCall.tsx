import { useEffect, useRef } from 'preact/hooks';
import { keepScreenAwake, VIDEO_PAUSED_MESSAGE, type RemoteMedia, type VisitorCall, type VisitorCallView } from '../call/index.js';
import { CallVideo } from '../ui/CallVideo/index.js';
import { FullScreenButton } from '../ui/FullScreenButton/index.js';
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

/** Said while the ward is off the call screen (it left it for a moment, or the tablet reloaded or dropped out). */
export const WARD_AWAY_MESSAGE = 'The ward has stepped away. Stay on this page: the call will carry on when they come back.';
export const CHECKING_MESSAGE = "The ward will check who you are first. Tell them the patient's full name and date of birth. You will see the patient after that.";

/**
 * Where the call is, in words. A relay outage alone says nothing: the call is peer-to-peer and
 * carries on, so only trouble with the media itself is "Reconnecting…". A ward that stepped
 * away is said only once its picture has gone: a dropped socket with the call still up is not news.
 */
function callStatus({ state, quality, wardAway, checking }: VisitorCallView): string {
  if (wardAway && state.name !== 'connected') return WARD_AWAY_MESSAGE;
  if (state.name === 'connecting') return 'Connecting…';
  if (checking && state.name === 'connected') return CHECKING_MESSAGE;
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

function wardNotice(view: VisitorCallView): string | undefined {
  if (view.wardAway && view.state.name !== 'connected') return 'The ward has stepped away';
  if (view.checking) return 'You will see the patient after the check';
  return remoteNotice(view.remoteMedia);
}

/** The visit itself: the ward as large as the screen allows, the visitor small in the corner, controls underneath. */
export function InCall({ call, view, onLeave }: InCallProps) {
  const stage = useRef<HTMLDivElement>(null);
  // Visits last up to an hour and the visitor mostly watches: keep the phone from sleeping.
  useEffect(() => keepScreenAwake(), []);
  const { media } = view;
  const status = callStatus(view);
  const hasCamera = (media.stream?.getVideoTracks().length ?? 0) > 0;

  return (
    <VisitorScreen heading="Your video visit" headingClass="nhsuk-heading-s nhsuk-u-margin-bottom-1" fill>
      <CallStatus text={status} />
      <div ref={stage} class="app-call-stage app-call-stage--fill">
        <CallVideo stream={view.remoteStream} label="The ward" size="fill" notice={wardNotice(view)} />
        {hasCamera && <CallVideo stream={media.stream} label="Your camera" self size="small" notice={selfNotice(view)} />}
        <FullScreenButton target={stage} />
      </div>
      <CallControls call={call} media={media} onLeave={onLeave} />
    </VisitorScreen>
  );
}
