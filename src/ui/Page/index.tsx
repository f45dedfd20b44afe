import type { ComponentChildren } from 'preact';
import { Header, type HeaderProps } from '../Header/index.js';
import { useScreen } from '../use-screen.js';

/**
 * The frame every screen shares: skip link, NHS header and the main landmark. `fill` makes the
 * main landmark take the rest of the viewport exactly (a call: the picture gets what is left).
 */
export function Page(props: HeaderProps & { children: ComponentChildren; fill?: boolean }) {
  const { children, fill = false, ...header } = props;
  return (
    <div class={fill ? 'app-fill-screen' : undefined}>
      <a class="nhsuk-skip-link" href="#maincontent">
        Skip to main content
      </a>
      <Header {...header} />
      <div class="nhsuk-width-container">
        <main class="nhsuk-main-wrapper" id="maincontent">
          {children}
        </main>
      </div>
    </div>
  );
}

/** A page with only a heading and some words: the visitor and admin placeholders. */
export function SimplePage(props: { serviceName: string; heading: string; children: ComponentChildren }) {
  const heading = useScreen(props.heading);
  return (
    <Page serviceName={props.serviceName}>
      <h1 ref={heading}>
        {props.heading}
      </h1>
      {props.children}
    </Page>
  );
}
