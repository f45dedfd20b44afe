import type { ComponentChildren, Ref } from 'preact';
import { Panel } from '../../ui/Panel/index.js';

/**
 * A ward's PIN the server just made up, shown this once: the server keeps only its hash.
 * Without one (the admin typed the PIN) the panel only confirms.
 */
export function NewPin(props: { heading: string; headingRef: Ref<HTMLHeadingElement>; pin: string | undefined; children?: ComponentChildren }) {
  return (
    <>
      <Panel heading={props.heading} headingRef={props.headingRef}>
        {props.pin && (
          <>
            The ward's PIN is
            <br />
            <strong class="app-new-pin">{props.pin}</strong>
          </>
        )}
      </Panel>
      {props.pin && (
        <div class="nhsuk-inset-text">
          <span class="nhsuk-u-visually-hidden">Information: </span>
          <p>Give this PIN to the ward's nurses: they sign in to the ward's tablets with the ward code and this PIN. It will not be shown again.</p>
        </div>
      )}
      {props.children}
    </>
  );
}
