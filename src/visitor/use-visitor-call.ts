import { useEffect, useState } from 'preact/hooks';
import { VisitorCall, type VisitorCallView } from '../call/index.js';

/**
 * The visitor's call for as long as the journey is on screen: one VisitorCall per page,
 * its view re-rendering the screens. Camera, microphone and socket are released when the
 * page goes away, so a closed tab does not leave the ward looking at a frozen picture.
 */
export function useVisitorCall(): { call: VisitorCall; view: VisitorCallView } {
  const [call] = useState(() => new VisitorCall());
  const [view, setView] = useState(call.view.value);

  useEffect(() => {
    const unsubscribe = call.view.subscribe(setView);
    setView(call.view.value);
    // pagehide, not unload: unload stops the page going into the back-forward cache and is
    // not fired reliably on phones (https://developer.chrome.com/docs/web-platform/deprecating-unload).
    const release = () => call.dispose();
    // Back to a page from the back-forward cache: its call was released, so start afresh.
    const restored = (event: PageTransitionEvent) => {
      if (event.persisted) location.reload();
    };
    addEventListener('pagehide', release);
    addEventListener('pageshow', restored);
    return () => {
      unsubscribe();
      removeEventListener('pagehide', release);
      removeEventListener('pageshow', restored);
      call.dispose();
    };
  }, [call]);

  return { call, view };
}
