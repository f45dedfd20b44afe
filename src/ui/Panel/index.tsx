import type { ComponentChildren, Ref } from 'preact';

/** NHS confirmation panel. Its heading is the screen's h1, so it takes the focus ref. */
export function Panel(props: { heading: string; headingRef?: Ref<HTMLHeadingElement>; children?: ComponentChildren }) {
  return (
    <div class="nhsuk-panel">
      <h1 class="nhsuk-panel__heading" ref={props.headingRef}>
        {props.heading}
      </h1>
      {props.children && <div class="nhsuk-panel__body">{props.children}</div>}
    </div>
  );
}
