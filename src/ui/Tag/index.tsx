import type { ComponentChildren } from 'preact';

/** NHS tag; colour is an nhsuk modifier such as "blue" or "red". */
export function Tag({ colour, children }: { colour?: string | undefined; children: ComponentChildren }) {
  return <strong class={colour ? `nhsuk-tag nhsuk-tag--${colour}` : 'nhsuk-tag'}>{children}</strong>;
}
