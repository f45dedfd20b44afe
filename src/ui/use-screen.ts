import { useEffect, useRef } from 'preact/hooks';
import { focusHeading } from './focus-heading.js';
import { SERVICE_NAME } from './Header/index.js';

/**
 * Sets the document title and moves focus to the screen's h1 when a screen appears, so a
 * screen reader announces the new screen as it would after a full page load.
 * Returns the ref for the h1. The h1 needs no tabIndex: focusHeading makes it focusable for
 * this moment only, and shows no focus ring on it (nhsuk's way; see focus-heading.ts).
 */
export function useScreen(title: string, service: string = SERVICE_NAME) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = title === service ? title : `${title} – ${service}`;
  }, [title, service]);
  useEffect(() => {
    // An error summary shown with the screen has already taken focus, and should keep it.
    if (document.activeElement?.closest('.nhsuk-error-summary')) return;
    if (heading.current) focusHeading(heading.current);
  }, []);
  return heading;
}
