import { useEffect, useRef, useState } from 'preact/hooks';
import './call-video.scss';

export interface CallVideoProps {
  stream: MediaStream | null;
  /** Who is shown, for people using a screen reader ("Your camera", "Margaret"). */
  label: string;
  /** Self view: silent (no echo) and mirrored like a mirror. */
  self?: boolean;
  /** Words laid over the picture, like "Camera off". */
  notice?: string | undefined;
  /** large: full width, 16:9; fill: as big as its box (the call stage); small: the self view in a corner. */
  size: 'large' | 'fill' | 'small';
}

/**
 * One video in a call, playing inline (phones would otherwise go full screen). Browsers may
 * block sound that starts without a tap (autoplay policy), so when play() is refused a
 * "Tap to hear" button appears: https://developer.chrome.com/blog/autoplay
 */
export function CallVideo({ stream, label, self = false, notice, size }: CallVideoProps) {
  const video = useRef<HTMLVideoElement>(null);
  const [blocked, setBlocked] = useState(false);

  useEffect(() => {
    const element = video.current;
    if (!element) return;
    element.srcObject = stream;
    if (!stream) return;
    element.play().then(
      () => setBlocked(false),
      (error: unknown) => setBlocked(error instanceof DOMException && error.name === 'NotAllowedError'),
    );
  }, [stream]);

  const tapToHear = () => {
    void video.current?.play().then(() => setBlocked(false));
  };

  return (
    <figure class={`app-call-video app-call-video--${size}${self ? ' app-call-video--self' : ''}`}>
      <video ref={video} autoPlay playsInline muted={self} aria-label={label} />
      {notice && <p class="app-call-video__notice">{notice}</p>}
      {blocked && (
        <button class="nhsuk-button nhsuk-button--reverse app-call-video__hear" type="button" onClick={tapToHear}>
          Tap to hear
        </button>
      )}
      <figcaption class="nhsuk-u-visually-hidden">{label}</figcaption>
    </figure>
  );
}
