import type { ComponentChildren } from 'preact';
import { Page, useScreen } from '../ui/index.js';

/** The name in the visitor's header and page titles. */
export const VISITOR_SERVICE = 'Video visit';

/**
 * The NHS logo goes back to the visitor's own link, not to "/" (the ward tablet's sign-in,
 * which means nothing to a relative).
 */
const homeHref = () => location.pathname;

/** The frame of every visitor screen: header, main landmark and nothing else. */
export function VisitorPage({ children, fill = false }: { children: ComponentChildren; fill?: boolean }) {
  return (
    <Page serviceName={VISITOR_SERVICE} homeHref={homeHref()} fill={fill}>
      {children}
    </Page>
  );
}

interface VisitorScreenProps {
  heading: string;
  /** The document title, when it differs from the heading ("Error: …"). */
  title?: string | undefined;
  /** Shown above the heading: an error summary or a back link. */
  before?: ComponentChildren;
  headingClass?: string | undefined;
  /** The call: the screen is one viewport tall and the picture takes what is left. */
  fill?: boolean;
  children?: ComponentChildren;
}

/**
 * One visitor screen with its h1. Each step is its own component, so moving to the next step
 * mounts a new screen and useScreen moves focus to its heading for screen readers.
 */
export function VisitorScreen({ heading, title, before, headingClass, fill, children }: VisitorScreenProps) {
  const ref = useScreen(title ?? heading, VISITOR_SERVICE);
  return (
    <VisitorPage fill={fill ?? false}>
      {before}
      <h1 ref={ref} class={headingClass}>
        {heading}
      </h1>
      {children}
    </VisitorPage>
  );
}
