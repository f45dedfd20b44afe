import { useEffect, useRef, useState } from 'preact/hooks';
import type { WardContact } from '../shared/join.js';
import { CallFailed } from './CallFailed.js';
import { DeviceCheck } from './DeviceCheck.js';
import { InCall } from './InCall.js';
import { MediaHelp } from './MediaHelp.js';
import { useVisitorCall } from './use-visitor-call.js';
import { VisitEnded } from './VisitEnded.js';
import { WaitingRoom } from './WaitingRoom.js';

/**
 * The visitor's way from the device check to the end page. Past "ready" the call's state
 * decides the screen; before that, whether they have pressed "Join visit". Loaded only when
 * they press "Check your camera and microphone", so the landing page stays small.
 */
export function VisitorJourney({ contact }: { contact: WardContact }) {
  const { call, view } = useVisitorCall();
  // The name given with "Join visit": set once, it means "in the visit's room, or on the way".
  const [name, setName] = useState<string | null>(null);
  const [leftByChoice, setLeftByChoice] = useState(false);
  // Once media has flowed, a later wait means the call dropped, not that they are new.
  const hadCall = useRef(false);
  if (view.state.name === 'connected') hadCall.current = true;

  // An error getUserMedia names in no standard way (Firefox's AbortError when another app holds
  // the camera) is not a MediaProblem: it gets the same help as a missing device.
  const [startFailed, setStartFailed] = useState(false);
  const start = (begin: () => Promise<void>) => begin().then(() => setStartFailed(false), () => setStartFailed(true));

  useEffect(() => {
    void start(() => call.prepareMedia());
  }, [call]);

  // Join only once the camera is ready: the call ignores a room it joins before then. A name
  // given while the camera is still starting waits here for it. (join() again is harmless.)
  useEffect(() => {
    if (name !== null && view.state.name === 'ready') call.join(name);
  }, [call, name, view.state.name]);

  const leave = () => {
    setLeftByChoice(true);
    call.leave();
  };
  const retry = () => start(() => call.retry());

  const { state } = view;
  if (startFailed && state.name !== 'ended') return <MediaHelp reason="no-devices" onRetry={retry} />;
  switch (state.name) {
    case 'ended':
      // Left by choice, the visit is still open for them; ended by the ward, it is not.
      return <VisitEnded contact={contact} leftByChoice={leftByChoice} canRejoin={leftByChoice} />;
    case 'failed':
      if (state.reason === 'no-camera-permission' || state.reason === 'no-devices') return <MediaHelp reason={state.reason} onRetry={retry} />;
      return <CallFailed reason={state.reason} message={state.message} onRetry={retry} />;
    case 'joining':
    case 'waiting':
      return <WaitingRoom view={view} afterCall={hadCall.current} onLeave={leave} />;
    case 'connecting':
    case 'connected':
    case 'reconnecting':
      return <InCall call={call} view={view} onLeave={leave} />;
    case 'idle':
    case 'preparing-media':
    case 'ready':
      // After Join, "Try again" passes through these states on its way back to waiting.
      if (name !== null) return <WaitingRoom view={view} afterCall={hadCall.current} onLeave={leave} />;
      return <DeviceCheck call={call} view={view} onJoin={setName} />;
  }
}
