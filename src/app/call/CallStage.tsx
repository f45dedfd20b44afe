import type { TabletCallView, VisitorView } from '../../call/index.js';
import { VIDEO_PAUSED_MESSAGE } from '../../call/index.js';
import { CallVideo } from '../../ui/index.js';

function remoteNotice(visitor: VisitorView): string | undefined {
  if (visitor.state.name === 'connecting') return `Connecting to ${visitor.name}…`;
  if (visitor.state.name === 'reconnecting' || visitor.quality.label === 'Reconnecting') return 'Reconnecting…';
  if (visitor.remoteMedia.videoPaused && visitor.remoteMedia.cameraOn) return VIDEO_PAUSED_MESSAGE;
  const off = [!visitor.remoteMedia.cameraOn && 'camera', !visitor.remoteMedia.microphoneOn && 'microphone'].filter(Boolean);
  if (off.length === 0) return undefined;
  return `${visitor.name}'s ${off.join(' and ')} ${off.length > 1 ? 'are' : 'is'} off`;
}

/**
 * The call's pictures: each admitted visitor large (a grid when there are two or three), the
 * tablet's own camera small in the corner. Before anyone is in, the tablet's camera is the
 * large picture so staff can check what the family will see.
 */
export function CallStage({ view }: { view: TabletCallView }) {
  const inCall = view.visitors.filter((visitor) => ['connecting', 'connected', 'reconnecting'].includes(visitor.state.name));
  const paused = view.visitors.some((visitor) => visitor.quality.sendingVideoPaused);
  const selfNotice = !view.media.cameraOn ? 'Your camera is off' : paused ? VIDEO_PAUSED_MESSAGE : undefined;
  if (inCall.length === 0) {
    return (
      <div class="app-call-stage">
        <CallVideo stream={view.media.stream} label="Your camera" self size="large" notice={selfNotice} />
      </div>
    );
  }
  return (
    <div class={`app-call-stage${inCall.length > 1 ? ' app-call-stage--many' : ''}`}>
      {inCall.map((visitor) => (
        <CallVideo key={visitor.id} stream={visitor.remoteStream} label={visitor.name} size="large" notice={remoteNotice(visitor)} />
      ))}
      <CallVideo stream={view.media.stream} label="Your camera" self size="small" notice={selfNotice} />
    </div>
  );
}
