import type { ListedVisit } from '../../visits/index.js';
import { Button, useScreen } from '../../ui/index.js';
import { Panel } from '../../ui/Panel/index.js';
import { Page } from '../../ui/index.js';
import { useWard } from '../ward-context.js';

/**
 * "End visit" is final for everyone in the call, so it asks first. With nobody joined yet it
 * says so: ending then closes the family's link before they ever came (and reports count it
 * as "ended with nobody joined", not as a completed call).
 */
export function EndConfirm({ nobodyJoined, onConfirm, onCancel }: { nobodyJoined: boolean; onConfirm: () => void; onCancel: () => void }) {
  const title = nobodyJoined ? 'Nobody has joined yet. End anyway?' : 'Are you sure you want to end this visit?';
  const heading = useScreen(title);
  return (
    <Page wardName={useWard().session.ward.name}>
      <h1 ref={heading}>
        {title}
      </h1>
      <p class="nhsuk-body">
        {nobodyJoined
          ? "The visitor's link will stop working, and they will not be able to join. You can book another visit."
          : 'Everyone in the call will be disconnected.'}
      </p>
      <div class="app-button-group">
        <Button variant="warning" onClick={onConfirm}>
          {nobodyJoined ? 'Yes, end without a call' : 'Yes, end visit'}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {nobodyJoined ? 'No, keep waiting' : 'No, go back to the call'}
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
