import { Button } from '../../ui/index.js';
import { Panel } from '../../ui/Panel/index.js';
import { useAdminScreen } from '../admin-context.js';
import { AdminPage } from '../AdminPage.js';

/** Shown once, right after the authenticator is set up: the server keeps only their hashes. */
export function RecoveryCodes({ codes, onContinue }: { codes: readonly string[]; onContinue: () => void }) {
  const heading = useAdminScreen('Your authenticator app is set up');
  return (
    <AdminPage>
      <Panel heading="Your authenticator app is set up" headingRef={heading} />
      <h2 class="nhsuk-heading-m">Keep your recovery codes safe</h2>
      <p class="nhsuk-body">
        If you lose your phone, you can sign in with one of these codes instead of a code from the app. Each code works once.
      </p>
      <div class="nhsuk-warning-callout">
        <h3 class="nhsuk-warning-callout__label">
          <span class="nhsuk-u-visually-hidden">Important: </span>
          These codes will not be shown again
        </h3>
        <p>Write them down or print this page, and keep them somewhere safe, away from your phone. Do not share them.</p>
      </div>
      <ul class="nhsuk-list app-recovery-codes" aria-label="Recovery codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
      <Button onClick={onContinue}>Continue</Button>
    </AdminPage>
  );
}
