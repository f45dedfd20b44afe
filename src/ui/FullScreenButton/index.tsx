import { useEffect, useState } from 'preact/hooks';

/**
 * "Full screen" for the pictures alone, on a tap (PRODUCT.md). Hidden where the browser cannot
 * make an element full screen (iPhone Safari): there the picture already fills the page.
 */
export function FullScreenButton({ target }: { target: { current: HTMLElement | null } }) {
  const [full, setFull] = useState(false);
  useEffect(() => {
    const changed = () => setFull(document.fullscreenElement !== null);
    document.addEventListener('fullscreenchange', changed);
    return () => document.removeEventListener('fullscreenchange', changed);
  }, []);
  if (!document.fullscreenEnabled) return null;
  const toggle = () => {
    if (document.fullscreenElement) void document.exitFullscreen();
    else void target.current?.requestFullscreen();
  };
  return (
    <button class="nhsuk-button nhsuk-button--reverse app-call-stage__full-screen" type="button" aria-pressed={full} onClick={toggle}>
      {full ? 'Exit full screen' : 'Full screen'}
    </button>
  );
}
