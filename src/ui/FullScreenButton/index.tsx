import { useEffect, useState } from 'preact/hooks';

/**
 * "Full screen" for the pictures alone, on a tap: the far side large, as staff and families asked. Hidden where the browser cannot
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
    const change = document.fullscreenElement ? document.exitFullscreen() : target.current?.requestFullscreen();
    // A refusal (the browser's own rules) leaves the picture as it was: the button still says so.
    change?.catch((error: unknown) => console.warn('Full screen was refused', error));
  };
  return (
    <button class="nhsuk-button nhsuk-button--reverse app-call-stage__full-screen" type="button" aria-pressed={full} onClick={toggle}>
      {full ? 'Exit full screen' : 'Full screen'}
    </button>
  );
}
