import type { ListedVisit } from '../../visits/index.js';
import { Button, Panel, useScreen } from '../../ui/index.js';
import { Page } from '../../ui/index.js';
import { useWard } from '../ward-context.js';

/** "End visit" is final for everyone in the call, so it asks first. */
export function EndConfirm({ onConfirm, onCancel }: { onConfirm: () => void; onCancel: () => void }) {
  const heading = useScreen('Are you sure you want to end this visit?');
  return (
    <Page wardName={useWard().session.ward.name}>
      <h1 ref={heading} tabIndex={-1}>
        Are you sure you want to end this visit?
      </h1>
      <p class="nhsuk-body">Everyone in the call will be disconnected.</p>
      <div class="app-button-group">
        <Button variant="warning" onClick={onConfirm}>
          Yes, end visit
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          No, go back to the call
        </Button>
      </div>
    </Page>
  );
}

/** After the call: what happened, and the two things a nurse does next. */
export function VisitEnded({ visit, duration }: { visit: ListedVisit; duration: string | null }) {
  const heading = useScreen('Visit ended');
  return (
    <Page wardName={useWard().session.ward.name}>
      <Panel heading="Visit ended" headingRef={heading}>
        {duration ? `The call lasted ${duration}.` : 'Nobody joined the call.'}
      </Panel>
      <div class="app-button-group">
        <a class="nhsuk-button" href={`/visits/${visit.id}/rebook`} draggable={false}>
          Rebook for tomorrow
        </a>
        <a class="nhsuk-button nhsuk-button--secondary" href="/" draggable={false}>
          Back to visit list
        </a>
      </div>
    </Page>
  );
}
