import { useEffect, useState } from 'preact/hooks';
import type { JoinInfo } from '../shared/join.js';
import { instantToLocal } from '../shared/local-time.js';
import { Button, Page, SummaryList, useScreen } from '../ui/index.js';
import { lookUpJoinLink, tokenFromPath, type JoinLookup } from './join-api.js';

const SERVICE = 'Video visit';

/** The page a visitor's link opens: which visit, when, and the rules. */
export function VisitorApp() {
  const token = tokenFromPath(location.pathname);
  const [lookup, setLookup] = useState<JoinLookup | null>(null);
  const lookUp = () => {
    if (token) void lookUpJoinLink(token).then(setLookup);
  };
  useEffect(lookUp, [token]);

  if (!token) return <Message heading="Join a video visit" text="Open the link the ward sent you to join your visit." />;
  if (!lookup) return <Page serviceName={SERVICE}>{null}</Page>;
  if (lookup.kind === 'offline') {
    return <Message heading="You're offline" text="Check your phone has signal or Wi-Fi, then try again." onRetry={lookUp} />;
  }
  if (lookup.kind === 'refused') return <Message heading="This link does not work" text={lookup.message} />;
  return <VisitDetails info={lookup.info} />;
}

function whenText(instant: string, timeZone: string): { date: string; time: string } {
  const local = instantToLocal(new Date(instant), timeZone);
  const date = new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(
    new Date(`${local.date}T00:00:00Z`),
  );
  return { date, time: local.time };
}

function VisitDetails({ info }: { info: JoinInfo }) {
  const heading = useScreen('Your video visit', SERVICE);
  const when = whenText(info.startsAt, info.timeZone);
  const opens = whenText(info.opensAt, info.timeZone);
  return (
    <Page serviceName={SERVICE}>
      <h1 ref={heading} tabIndex={-1}>
        Your video visit
      </h1>
      <SummaryList
        rows={[
          { key: 'Hospital', value: info.hospital },
          { key: 'Ward', value: info.ward },
          { key: 'Date', value: when.date },
          { key: 'Time', value: when.time },
        ]}
      />
      {info.state === 'too-early' ? (
        <div class="nhsuk-inset-text">
          <span class="nhsuk-u-visually-hidden">Information: </span>
          <p>{`You can join from ${opens.time} on ${opens.date}. Come back to this page then.`}</p>
        </div>
      ) : (
        <div class="nhsuk-inset-text">
          <span class="nhsuk-u-visually-hidden">Information: </span>
          <p>The ward will let you in when they are ready. Keep this page open.</p>
        </div>
      )}
      <h2 class="nhsuk-heading-m">Before your visit</h2>
      <ul class="nhsuk-list nhsuk-list--bullet">
        <li>Do not take screenshots or recordings of the call.</li>
        <li>This is a visit, not a medical appointment. Ask the ward if you have questions about care.</li>
        <li>Find a quiet place and check your phone is charged.</li>
      </ul>
    </Page>
  );
}

function Message({ heading, text, onRetry }: { heading: string; text: string; onRetry?: () => void }) {
  const ref = useScreen(heading, SERVICE);
  return (
    <Page serviceName={SERVICE}>
      <h1 ref={ref} tabIndex={-1}>
        {heading}
      </h1>
      <p class="nhsuk-body">{text}</p>
      {onRetry && <Button onClick={onRetry}>Try again</Button>}
    </Page>
  );
}
