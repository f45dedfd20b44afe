/**
 * A plain dark picture to send instead of the camera's (the patient is not shown before the
 * identity check). "No track" would do for the picture, but then the other side's video
 * element never gets a first frame and Chromium does not play its sound either: the visitor
 * could not hear the nurse asking who they are.
 */
const WIDTH = 320;
const HEIGHT = 180;
/** A frame a second keeps the track live for the other side without costing anything. */
const REDRAW_MS = 1_000;
const COLOUR = '#212b32'; // the call stage's own background

export function placeholderVideo(): { track: MediaStreamTrack | null; stop(): void } {
  const canvas = document.createElement('canvas');
  canvas.width = WIDTH;
  canvas.height = HEIGHT;
  const context = canvas.getContext('2d');
  if (!context || typeof canvas.captureStream !== 'function') return { track: null, stop: () => {} };
  const draw = () => {
    context.fillStyle = COLOUR;
    context.fillRect(0, 0, WIDTH, HEIGHT);
  };
  draw();
  const timer = setInterval(draw, REDRAW_MS);
  const track = canvas.captureStream().getVideoTracks()[0] ?? null;
  return {
    track,
    stop() {
      clearInterval(timer);
      track?.stop();
    },
  };
}
