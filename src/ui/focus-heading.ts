// The one importer of nhsuk-frontend's script: only its small focus helper, not the components.
import { setFocus } from 'nhsuk-frontend/dist/nhsuk/common/index.mjs';

/**
 * nhsuk's skip link hides the focus ring of what it focuses with this class (skip-link's Sass):
 * the element is not something to act on, so a ring around it only looks like a fault.
 */
const FOCUSED_WITHOUT_RING = 'nhsuk-skip-link-focused-element';

/**
 * Moves focus to a screen's heading as the NHS design system moves it to main from the skip
 * link: made focusable only for this (tabindex -1, removed on blur, so a tap on the heading later
 * does not focus it), and without a visible ring while it has focus.
 */
export function focusHeading(heading: HTMLElement): void {
  setFocus(heading, {
    onBeforeFocus() {
      heading.classList.add(FOCUSED_WITHOUT_RING);
    },
    onBlur() {
      heading.classList.remove(FOCUSED_WITHOUT_RING);
    },
  });
}
