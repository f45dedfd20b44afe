import { useState } from 'preact/hooks';
import { Button, ErrorSummary, useScreen } from '../../ui/index.js';
import { BackLink } from '../../ui/BackLink/index.js';
import { describeUnsent } from '../unsent-changes.js';
import { useVisitState, useWard } from '../ward-context.js';
import { WardPage } from '../WardPage.js';

/** Shown only when changes are still waiting to be sent: signing out would delete them. */
export function SignOut() {
  const ward = useWard();
  const { outbox, visits } = useVisitState(ward.store);
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
      <h1 ref={heading}>
        Sign out
      </h1>
      {outbox.length > 0 && (
        // nhsuk 10's warning callout is a warning card (its warning-callout macro renders this).
        <div class="nhsuk-card nhsuk-card--warning">
          <div class="nhsuk-card__content">
            <h2 class="nhsuk-card__heading">
              <span class="nhsuk-u-visually-hidden">Important: </span>
              {`${waiting} not been sent yet`}
            </h2>
            <p class="nhsuk-body">Signing out deletes the ward's visits from this tablet, and with them these changes:</p>
            <ul class="nhsuk-list nhsuk-list--bullet app-unsent-changes">
              {describeUnsent(outbox, visits, ward.session.timeZone).map((unsent) => (
                <li key={unsent.key}>
                  <strong>{unsent.patient}</strong>
                  {unsent.when ? `, ${unsent.when}: ` : ': '}
                  {unsent.change}
                  {unsent.refused ? ' (not accepted)' : ''}
                </li>
              ))}
            </ul>
            <p class="nhsuk-body">Connect to the internet first if you can: the tablet sends them by itself.</p>
          </div>
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
