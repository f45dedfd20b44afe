import type { ComponentChildren } from 'preact';
import type { ClosedVisitInfo } from '../shared/join.js';
import { VisitFacts } from './VisitFacts.js';
import { visitDate, visitTime } from '../shared/visit-words.js';
import { AskTheWard, WardPhone } from './WardContact.js';
import { VisitorScreen } from './VisitorScreen.js';

/** When and where the visit was, so the family knows which visit the page is about. */
function ClosedVisitFacts({ visit }: { visit: ClosedVisitInfo }) {
  return (
    <VisitFacts
      rows={[
        ['Date', visitDate(visit.startsAt, visit.timeZone)],
        ['Time', visitTime(visit.startsAt, visit.timeZone)],
        ['Ward', visit.ward],
        ['Hospital', visit.hospital],
        ...(visit.wardPhone ? [['Phone', <WardPhone phone={visit.wardPhone} />] as [string, ComponentChildren]] : []),
      ]}
    />
  );
}

/** A link to a visit the ward cancelled: said plainly, with whom to ask. Not the reason: staff wrote it for staff. */
export function VisitCancelled({ visit }: { visit: ClosedVisitInfo }) {
  return (
    <VisitorScreen heading="Your visit has been cancelled">
      <p class="nhsuk-body">The ward has cancelled this video visit, so its link no longer works.</p>
      <ClosedVisitFacts visit={visit} />
      <AskTheWard contact={visit} about="To find out more, or to arrange another visit" />
    </VisitorScreen>
  );
}

/** A link to a visit that is over (or was missed): said plainly, with whom to ask. */
export function VisitOver({ visit }: { visit: ClosedVisitInfo }) {
  return (
    <VisitorScreen heading="This visit has ended">
      <p class="nhsuk-body">The time for this video visit has passed, so its link no longer works.</p>
      <ClosedVisitFacts visit={visit} />
      <AskTheWard contact={visit} about="If the visit did not happen, or you would like another one" />
    </VisitorScreen>
  );
}

/** A link the server does not know: it names no visit, so the page can only say what to try. */
export function LinkNotFound() {
  return (
    <VisitorScreen heading="We cannot find your visit">
      <p class="nhsuk-body">This link does not work. Part of it may be missing, or the ward may have sent you a newer link.</p>
      <h2 class="nhsuk-heading-m">What you can do</h2>
      <ul class="nhsuk-list nhsuk-list--bullet">
        <li>Open the link again from the text message or email the ward sent you.</li>
        <li>If you copied the link, check you copied all of it.</li>
        <li>If the ward has sent you more than one link, use the newest one.</li>
      </ul>
      <p class="nhsuk-body">If it still does not work, contact the ward that booked your visit and ask them to send the link again.</p>
    </VisitorScreen>
  );
}
