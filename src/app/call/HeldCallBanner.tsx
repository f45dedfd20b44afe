import { useEffect, useState } from 'preact/hooks';
import { NotificationBanner } from '../../ui/index.js';
import { useVisitState, useWard } from '../ward-context.js';
import { heldVisitId, onHeldCallChange } from './held-call.js';

/** The visit whose call is on hold on this tablet, kept up to date. */
export function useHeldVisitId(): string | null {
  const [visitId, setVisitId] = useState(heldVisitId);
  useEffect(() => {
    // A held call taken back after a reload may arrive between the first render and this.
    setVisitId(heldVisitId());
    return onHeldCallChange(() => setVisitId(heldVisitId()));
  }, []);
  return visitId;
}

/**
 * On every screen while a call is on hold: the visit is still open and the family is waiting
 * on their page, so the way back is always one tap away.
 */
export function HeldCallBanner() {
  const visitId = useHeldVisitId();
  const { store } = useWard();
  const { visits } = useVisitState(store);
  if (!visitId) return null;
  const patient = visits.find((visit) => visit.id === visitId)?.patientName;
  return (
    <div class="nhsuk-u-margin-bottom-6">
      <NotificationBanner kind="important" id="held-call-title" heading={patient ? `The visit with ${patient} is still open` : 'A visit is still open'}>
        <p class="nhsuk-body">You left the call screen. The family has been asked to stay on their page.</p>
        <a class="nhsuk-button nhsuk-u-margin-bottom-0" href={`/visits/${visitId}/call`} draggable={false}>
          Return to call
        </a>
      </NotificationBanner>
    </div>
  );
}
