import type { Visit } from '../../shared/index.js';
import { Tag, useScreen } from '../../ui/index.js';
import { Panel } from '../../ui/Panel/index.js';
import type { ListedVisit } from '../../visits/index.js';
import { longDate, shortDate, visitDate, visitTime } from '../format.js';
import { bookedMessageWords } from '../message-words.js';
import { JoinLinkPanel } from '../screens/JoinLinkPanel.js';
import { UnsentNotice } from '../screens/UnsentNotice.js';
import { VisitorContact } from '../screens/VisitorContact.js';
import { useWard } from '../ward-context.js';

/**
 * After booking or rebooking: what was booked, and how the family gets the link: from the
 * service by text or email (GOV.UK Notify set up, and a contact given), or from the nurse.
 * A booking still only on this tablet is not shown as confirmed; the same screen turns into the
 * confirmation, with the link, as soon as the server has it.
 */
export function Booked({ visits }: { visits: ListedVisit[] }) {
  const { session } = useWard();
  const first = visits[0];
  const sent = first !== undefined && !first.unsent;
  const refused = first?.unsent?.refusal != null;
  const booked = visits.length === 1 ? 'Visit booked' : `${visits.length} visits booked`;
  // No visit left: the nurse discarded a booking the server refused.
  const title = !first ? 'Booking discarded' : sent ? booked : refused ? 'Booking not accepted' : 'Visit not sent yet';
  const heading = useScreen(title);
  const when = first ? `${visits.length > 1 ? 'From ' : ''}${longDate(visitDate(first, session.timeZone))} at ${visitTime(first, session.timeZone)}` : '';
  const what = first ? `${first.patientName ?? ''} with ${first.visitorName ?? ''}` : '';
  const messages = first ? bookedMessageWords(session.messaging === true, first, visits.length) : null;
  return (
    <>
      {/* Read out when the booking is sent while the nurse waits on this screen. */}
      <p class="nhsuk-u-visually-hidden" role="status">
        {sent ? `${booked}. ${messages ?? 'The link for the visitor is below.'}` : ''}
      </p>
      {sent ? (
        <Panel heading={title} headingRef={heading}>
          {what}
          <br />
          {when}
        </Panel>
      ) : (
        <>
          <h1 ref={heading}>{title}</h1>
          {first && refused && <UnsentNotice visit={first} />}
          {first && !refused && (
            <div class="nhsuk-inset-text">
              <span class="nhsuk-u-visually-hidden">Information: </span>
              <p>
                <Tag colour="yellow">Not sent yet</Tag> Saved on this tablet. It will be sent when the tablet is back online.
              </p>
            </div>
          )}
          {first && <p class="nhsuk-body">{`${what}, ${when}`}</p>}
        </>
      )}
      {first && !refused && (messages ? <MessagesNext visits={visits} words={messages} /> : <NextStep visits={visits} />)}
      <p class="nhsuk-body">
        <a href="/">Back to visit list</a>
      </p>
    </>
  );
}

/** How the family gets the link: copy, share or scan it now; each day of a repeat has its own. */
function NextStep({ visits }: { visits: ListedVisit[] }) {
  const { session } = useWard();
  const first = visits[0]!;
  const visitor = first.visitorName ?? 'the visitor';
  return (
    <JoinLinkPanel visit={first} heading={`Next, give ${visitor} the link`} replaceable={false}>
      <p class="nhsuk-body">{`${visitor} joins the visit from this link. Copy it into a text message or email to them, or share it. A relative at the bedside can scan the QR code.`}</p>
      <VisitorContact visit={first} />
      {visits.length > 1 && <RepeatLinks visits={visits} timeZone={session.timeZone} />}
    </JoinLinkPanel>
  );
}

/**
 * The service sends the link, so that is what the nurse reads; the link itself stays to hand
 * (a relative at the bedside, a text that does not arrive) but folded away, as the lesser way.
 */
function MessagesNext({ visits, words }: { visits: ListedVisit[]; words: string }) {
  const { session } = useWard();
  const first = visits[0]!;
  return (
    <>
      <h2 class="nhsuk-heading-m">What happens next</h2>
      <p class="nhsuk-body">{words}</p>
      <details class="nhsuk-details">
        <summary class="nhsuk-details__summary">
          <span class="nhsuk-details__summary-text">Share the link yourself</span>
        </summary>
        <div class="nhsuk-details__text">
          <JoinLinkPanel visit={first} heading={null} replaceable={false}>
            <p class="nhsuk-body">Use this for a relative at the bedside, or if a message does not arrive.</p>
            {visits.length > 1 && <RepeatLinks visits={visits} timeZone={session.timeZone} />}
          </JoinLinkPanel>
        </div>
      </details>
    </>
  );
}

/** A repeat booking makes one visit, and one link, a day. */
function RepeatLinks({ visits, timeZone }: { visits: Visit[]; timeZone: string }) {
  return (
    <>
      <p class="nhsuk-body">Each day's visit has its own link. The first day's link is below; the others are on each visit's page:</p>
      <ul class="nhsuk-list nhsuk-list--bullet">
        {visits.map((visit) => (
          <li key={visit.id}>
            <a href={`/visits/${visit.id}`}>{`${shortDate(visitDate(visit, timeZone))} at ${visitTime(visit, timeZone)}`}</a>
          </li>
        ))}
      </ul>
    </>
  );
}
