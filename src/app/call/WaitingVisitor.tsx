import { Button } from '../../ui/index.js';
import type { VisitorView } from '../../call/index.js';

/**
 * "<name> is waiting": the identity check to read aloud, then Admit. Nobody gets into the
 * call on the link alone; the ward lets each person in, or turns them away (they are told to
 * phone the ward, and their place is free again).
 */
export function WaitingVisitor(props: { visitor: VisitorView; patientName: string; onAdmit: () => void; onTurnAway: () => void }) {
  const { visitor, patientName, onAdmit, onTurnAway } = props;
  const failed = visitor.state.name === 'failed';
  return (
    <div class="nhsuk-card app-waiting-visitor">
      <div class="nhsuk-card__content">
        <h2 class="nhsuk-card__heading nhsuk-heading-m">{`${visitor.name} is waiting`}</h2>
        {failed ? (
          <p class="nhsuk-body">{`The call with ${visitor.name} could not connect. Try letting them in again.`}</p>
        ) : (
          <div class="nhsuk-inset-text">
            <span class="nhsuk-u-visually-hidden">Information: </span>
            <p>{`Before you let them in, ask them to tell you ${patientName}'s full name and date of birth.`}</p>
          </div>
        )}
        <div class="app-button-group">
          <Button onClick={onAdmit}>{failed ? `Try again with ${visitor.name}` : `Admit ${visitor.name}`}</Button>
          {!failed && (
            <Button variant="secondary" onClick={onTurnAway}>
              {`Turn ${visitor.name} away`}
            </Button>
          )}
        </div>
      </div>
    </div>
  );
}
