import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { Button, SuccessBanner } from '../ui/index.js';
import { useAdminScreen } from './admin-context.js';
import { AdminPage } from './AdminPage.js';
import { navigationNotice } from './router.js';

/** A link that looks like a button: it goes somewhere rather than doing something, so it stays a link. */
export function ButtonLink({ href, children, secondary = false }: { href: string; children: ComponentChildren; secondary?: boolean }) {
  return (
    <a class={secondary ? 'nhsuk-button nhsuk-button--secondary' : 'nhsuk-button'} href={href} draggable={false}>
      {children}
    </a>
  );
}

/** The notice the previous screen left ("Ward archived"), shown once as a success banner. */
export function ArrivalNotice() {
  // Read once: the banner stays while the admin is on this screen, not after they move on.
  const [notice] = useState(navigationNotice);
  // Taken out of history too, so coming back to this screen later does not say it again.
  useEffect(() => {
    if (notice) history.replaceState({}, '', location.href);
  }, [notice]);
  return notice ? <SuccessBanner>{notice}</SuccessBanner> : null;
}

/** What a screen shows while its figures are on the way: the heading only, so nothing jumps. */
export function LoadingScreen({ title }: { title: string }) {
  const heading = useAdminScreen(title);
  return (
    <AdminPage>
      <h1 ref={heading}>
        {title}
      </h1>
      <p class="nhsuk-body" aria-live="polite">
        Loading…
      </p>
    </AdminPage>
  );
}

/** A screen whose data could not be read says why, in the server's words, and offers a retry. */
export function LoadFailedScreen({ message, onRetry }: { message: string; onRetry: () => void }) {
  const heading = useAdminScreen('Sorry, there is a problem');
  return (
    <AdminPage>
      <h1 ref={heading}>
        Sorry, there is a problem
      </h1>
      <p class="nhsuk-body">{message}</p>
      <Button onClick={onRetry}>Try again</Button>
    </AdminPage>
  );
}

/** The field a problem belongs to, for TextInput's error prop. */
export function errorFor(problems: readonly { href?: string | undefined; message: string }[], id: string): string | undefined {
  return problems.find((problem) => problem.href === id)?.message;
}
