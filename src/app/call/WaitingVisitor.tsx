import { Button } from '../../ui/index.js';
import type { VisitorView } from '../../call/index.js';

interface WaitingVisitorProps {
  visitor: VisitorView;
  patientName: string;
  onAdmit: () => void;
  onCheckDone: () => void;
  onTurnAway: () => void;
}

/**
 * Nobody gets into the call on the link alone. "Let in to check" connects the visitor to
 * staff only: the tablet sends no picture, so the patient is not shown, while the nurse asks
 * for the patient's full name and date of birth. "Check done" shows the patient; "Remove"
 * lets them go (they are told to contact the ward, and cannot rejoin on this link).
 */
export function WaitingVisitor({ visitor, patientName, onAdmit, onCheckDone, onTurnAway }: WaitingVisitorProps) {
  const { name, state, checking } = visitor;
  if (state.name === 'failed') {
    return (
      <Card heading={`${name} could not connect`}>
        <p class="nhsuk-body nhsuk-u-margin-bottom-2">{`The call with ${name} could not connect. Try letting them in again.`}</p>
        <div class="app-button-group">
          <Button onClick={onAdmit}>{`Try again with ${name}`}</Button>
        </div>
      </Card>
    );
  }
  if (checking) {
    const connected = state.name === 'connected';
    return (
      <Card heading={`Check who ${name} is`}>
        <p class="nhsuk-body nhsuk-u-margin-bottom-2">
          {connected
            ? `${name} can see and hear you, but not the patient. Ask them for ${patientName}'s full name and date of birth.`
            : `Connecting to ${name}… They will not see the patient until you say the check is done.`}
        </p>
        <div class="app-button-group">
          <Button onClick={onCheckDone}>
            Check done: show the patient
          </Button>
          <Button variant="secondary" onClick={onTurnAway}>
            {`Remove ${name}`}
          </Button>
        </div>
      </Card>
    );
  }
  return (
    <Card heading={`${name} is waiting`}>
      <p class="nhsuk-body nhsuk-u-margin-bottom-2">First you will talk to them without the patient on screen, to check who they are.</p>
      <div class="app-button-group">
        <Button onClick={onAdmit}>{`Let ${name} in to check`}</Button>
        <Button variant="secondary" onClick={onTurnAway}>
          Do not let in
        </Button>
      </div>
    </Card>
  );
}

function Card({ heading, children }: { heading: string; children: preact.ComponentChildren }) {
  return (
    <div class="nhsuk-card app-waiting-visitor">
      <div class="nhsuk-card__content">
        <h2 class="nhsuk-card__heading nhsuk-heading-s">{heading}</h2>
        {children}
      </div>
    </div>
  );
}
