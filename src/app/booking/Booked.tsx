import type { Visit } from '../../shared/index.js';
import { Panel, useScreen } from '../../ui/index.js';
import { longDate, visitDate, visitTime } from '../format.js';
import { useWard } from '../ward-context.js';

/** Confirmation after booking or rebooking. */
export function Booked({ visits }: { visits: Visit[] }) {
  const { session } = useWard();
  const title = visits.length === 1 ? 'Visit booked' : `${visits.length} visits booked`;
  const heading = useScreen(title);
  const first = visits[0];
  return (
    <>
      <Panel heading={title} headingRef={heading}>
        {first && (
          <>
            {`${first.patientName ?? ''} with ${first.visitorName ?? ''}`}
            <br />
            {`${visits.length > 1 ? 'From ' : ''}${longDate(visitDate(first, session.timeZone))} at ${visitTime(first, session.timeZone)}`}
          </>
        )}
      </Panel>
      <p class="nhsuk-body">
        <a href="/">Back to visit list</a>
      </p>
    </>
  );
}
