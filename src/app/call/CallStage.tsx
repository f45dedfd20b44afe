import { useRef } from 'preact/hooks';
import type { TabletCallView, VisitorView } from '../../call/index.js';
import { VIDEO_PAUSED_MESSAGE } from '../../call/index.js';
import { CallVideo } from '../../ui/CallVideo/index.js';
import { FullScreenButton } from '../../ui/FullScreenButton/index.js';

function remoteNotice(visitor: VisitorView): string | undefined {
  if (visitor.state.name === 'connecting') return `Connecting to ${visitor.name}…`;
  if (visitor.state.name === 'reconnecting' || visitor.quality.label === 'Reconnecting') return 'Reconnecting…';
  if (visitor.checking) return `${visitor.name} cannot see the patient yet`;
  if (visitor.remoteMedia.videoPaused && visitor.remoteMedia.cameraOn) return VIDEO_PAUSED_MESSAGE;
  const off = [!visitor.remoteMedia.cameraOn && 'camera', !visitor.remoteMedia.microphoneOn && 'microphone'].filter(Boolean);
  if (off.length === 0) return undefined;
  return `${visitor.name}'s ${off.join(' and ')} ${off.length > 1 ? 'are' : 'is'} off`;
}

/**
 * The call's pictures, as large as the screen allows: each visitor let in (a grid when there
 * are two or three), the tablet's own camera small in the corner. Before anyone is in, the
 * tablet's camera is the large picture so staff can check what the family will see.
 */
export function CallStage({ view }: { view: TabletCallView }) {
  const stage = useRef<HTMLDivElement>(null);
  const inCall = view.visitors.filter((visitor) => ['connecting', 'connected', 'reconnecting'].includes(visitor.state.name));
  const paused = view.visitors.some((visitor) => visitor.quality.sendingVideoPaused);
  const selfNotice = !view.media.cameraOn ? 'Your camera is off' : paused ? VIDEO_PAUSED_MESSAGE : undefined;
  return (
    <div ref={stage} class={`app-call-stage app-call-stage--fill${inCall.length > 1 ? ' app-call-stage--many' : ''}`}>
      {inCall.length === 0 ? (
        <CallVideo stream={view.media.stream} label="Your camera" self size="fill" notice={selfNotice} />
      ) : (
        <>
          {inCall.map((visitor) => (
            <CallVideo key={visitor.id} stream={visitor.remoteStream} label={visitor.name} size="fill" notice={remoteNotice(visitor)} />
          ))}
          <CallVideo stream={view.media.stream} label="Your camera" self size="small" notice={selfNotice} />
        </>
      )}
      <FullScreenButton target={stage} />
    </div>
  );
}
