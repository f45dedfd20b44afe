/** NHS back link. Plain href: the app's router picks up clicks on local links. */
export function BackLink({ href, text = 'Back', onClick }: { href: string; text?: string; onClick?: (event: MouseEvent) => void }) {
  return (
    <a class="nhsuk-back-link" href={href} onClick={onClick}>
      {text}
    </a>
  );
}
