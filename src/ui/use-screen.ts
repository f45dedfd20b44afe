import { useEffect, useRef } from 'preact/hooks';
import { SERVICE_NAME } from './Header/index.js';

/**
 * Sets the document title and moves focus to the screen's h1 when a screen appears, so a
 * screen reader announces the new screen as it would after a full page load.
 * Returns the ref for the h1 (which needs tabIndex={-1}).
 */
export function useScreen(title: string, service: string = SERVICE_NAME) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = title === service ? title : `${title} – ${service}`;
  }, [title, service]);
  useEffect(() => {
    // An error summary shown with the screen has already taken focus, and should keep it.
    if (document.activeElement?.closest('.nhsuk-error-summary')) return;
    heading.current?.focus();
  }, []);
  return heading;
}
