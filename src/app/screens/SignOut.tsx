import { useState } from 'preact/hooks';
import { BackLink, Button, ErrorSummary, useScreen } from '../../ui/index.js';
import { useVisitState, useWard } from '../ward-context.js';
import { WardPage } from '../WardPage.js';

/** Shown only when changes are still waiting to be sent: signing out would delete them. */
export function SignOut() {
  const ward = useWard();
  const { outbox } = useVisitState(ward.store);
  const heading = useScreen('Sign out');
  const [problem, setProblem] = useState<string | null>(null);
  const waiting = outbox.length === 1 ? '1 change has' : `${outbox.length} changes have`;

  const signOut = async () => {
    try {
      await ward.signOut();
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    }
  };

  return (
    <WardPage>
      <BackLink href="/" />
      {problem && <ErrorSummary problems={[{ message: `You have not been signed out. ${problem}` }]} />}
      <h1 ref={heading} tabIndex={-1}>
        Sign out
      </h1>
      {outbox.length > 0 && (
        <div class="nhsuk-warning-callout">
          <h2 class="nhsuk-warning-callout__label">
            <span class="nhsuk-u-visually-hidden">Important: </span>
            {`${waiting} not been sent yet`}
          </h2>
          <p>Signing out deletes the ward's visits from this tablet, and with them the changes not sent yet. Connect to the internet first if you can.</p>
        </div>
      )}
      <Button variant="warning" onClick={signOut}>
        Sign out anyway
      </Button>
      <p class="nhsuk-body">
        <a href="/">Stay signed in</a>
      </p>
    </WardPage>
  );
}
