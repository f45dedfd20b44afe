import type { FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { JoinInfo } from '../shared/join.js';
import { instantToLocal } from '../shared/local-time.js';
import { Button, SummaryList } from '../ui/index.js';
import { lookUpVisit, tokenFromPath, type JoinLookup } from './join-api.js';
import { VisitorPage, VisitorScreen } from './VisitorScreen.js';

type Journey = FunctionComponent;

/**
 * The call screens (and socket.io, simple-peer) load only for an open link, so a link opened
 * too early, or a dead one, costs the visitor's phone almost nothing.
 */
const loadJourney = () => import('./VisitorJourney.js').then((module) => module.VisitorJourney);

/** The page a visitor's link opens: which visit, when, and the rules. */
export function VisitorApp() {
  // Read once: the address loses the token as soon as the server has swapped it for a session.
  const [token] = useState(() => tokenFromPath(location.pathname));
  const [lookup, setLookup] = useState<JoinLookup | null>(null);
  const [Journey, setJourney] = useState<Journey | null>(null);
  const lookUp = () => void lookUpVisit(token).then(setLookup);
  useEffect(lookUp, [token]);
  const open = lookup?.kind === 'found' && lookup.info.state === 'open';
  useEffect(() => {
    // Fetch the call screens while the visitor reads the rules; the start button then opens at once.
    // A failure here is not lost: pressing the button loads again and says so if that fails too.
    if (open) loadJourney().catch(() => {});
  }, [open]);

  const start = () =>
    loadJourney().then(
      (component) => setJourney(() => component),
      () => setLookup({ kind: 'offline' }),
    );

  if (Journey) return <Journey />;
  if (!lookup) return <VisitorPage>{null}</VisitorPage>;
  if (lookup.kind === 'no-link') return <Message heading="Join a video visit" text="Open the link the ward sent you to join your visit." />;
  if (lookup.kind === 'offline') {
    return <Message heading="You're offline" text="Check your phone has signal or Wi-Fi, then try again." onRetry={lookUp} />;
  }
  if (lookup.kind === 'refused') return <Message heading={lookup.turnedAway ? 'You cannot join this visit' : 'This link does not work'} text={lookup.message} />;
  return <VisitDetails info={lookup.info} onStart={start} />;
}

function whenText(instant: string, timeZone: string): { date: string; time: string } {
  const local = instantToLocal(new Date(instant), timeZone);
  const date = new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(
    new Date(`${local.date}T00:00:00Z`),
  );
  return { date, time: local.time };
}

function VisitDetails({ info, onStart }: { info: JoinInfo; onStart: () => Promise<void> }) {
  const when = whenText(info.startsAt, info.timeZone);
  const opens = whenText(info.opensAt, info.timeZone);
  return (
    <VisitorScreen heading="Your video visit">
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
          <p>You can join now. Check your camera and microphone first, then the ward will let you in when they are ready.</p>
        </div>
      )}
      <h2 class="nhsuk-heading-m">Before your visit</h2>
      <ul class="nhsuk-list nhsuk-list--bullet">
        <li>The ward will check who you are: be ready to say the patient's full name and date of birth.</li>
        <li>Do not take screenshots or recordings of the call.</li>
        <li>This is a visit, not a medical consultation. Ask the ward if you have questions about care.</li>
        <li>Find a quiet place and check your phone is charged.</li>
      </ul>
      {info.state === 'open' && <Button onClick={onStart}>Check your camera and microphone</Button>}
    </VisitorScreen>
  );
}

function Message({ heading, text, onRetry }: { heading: string; text: string; onRetry?: () => void }) {
  return (
    <VisitorScreen heading={heading}>
      <p class="nhsuk-body">{text}</p>
      {onRetry && <Button onClick={onRetry}>Try again</Button>}
    </VisitorScreen>
  );
}
