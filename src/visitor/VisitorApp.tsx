import type { FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { WardContact } from '../shared/join.js';
import { Button } from '../ui/index.js';
import { clearEndState, loadEndState } from './end-state.js';
import { tokenFromPath } from './join-api.js';
import { LinkNotFound, VisitCancelled, VisitOver } from './LinkClosed.js';
import { useVisitLookup } from './use-visit-lookup.js';
import { VisitEnded } from './VisitEnded.js';
import { VisitLanding } from './VisitLanding.js';
import { VisitorPage, VisitorScreen } from './VisitorScreen.js';

type Journey = FunctionComponent<{ contact: WardContact }>;

/**
 * The call screens (and socket.io, simple-peer) load only for an open link, so a link opened
 * too early, or a dead one, costs the visitor's phone almost nothing.
 */
const loadJourney = () => import('./VisitorJourney.js').then((module) => module.VisitorJourney);

/** The page a visitor's link opens, and the one a reload comes back to. */
export function VisitorApp() {
  // Read once: the address loses the token as soon as the server has swapped it for a session.
  const [token] = useState(() => tokenFromPath(location.pathname));
  // A link opened afresh starts a new visit; a reload comes back to the end page it left.
  const [ended] = useState(() => {
    if (token) clearEndState();
    return token ? null : loadEndState();
  });
  const [lookup, retry] = useVisitLookup(token);
  const [offline, setOffline] = useState(false);
  const [Journey, setJourney] = useState<Journey | null>(null);
  const open = lookup?.kind === 'found' && lookup.info.state === 'open';
  useEffect(() => {
    // Fetch the call screens while the visitor reads the rules; the start button then opens at once.
    // A failure here is not lost: pressing the button loads again and says so if that fails too.
    if (open) loadJourney().catch(() => {});
  }, [open]);

  const start = () =>
    loadJourney().then(
      (component) => setJourney(() => component),
      () => setOffline(true),
    );

  if (lookup?.kind === 'found' && Journey) return <Journey contact={lookup.info} />;
  if (!lookup) return <VisitorPage>{null}</VisitorPage>;
  if (lookup.kind === 'offline' || offline) {
    const tryAgain = () => {
      setOffline(false);
      retry();
    };
    return <Message heading="You're offline" text="Check your phone has signal or Wi-Fi, then try again." onRetry={tryAgain} />;
  }
  switch (lookup.kind) {
    case 'no-link':
      return <Message heading="Join a video visit" text="Open the link the ward sent you to join your visit." />;
    case 'not-found':
      return <LinkNotFound />;
    case 'refused':
      return <Message heading={lookup.turnedAway ? 'You cannot join this visit' : 'This link does not work'} text={lookup.message} />;
    case 'closed': {
      const { visit } = lookup;
      if (visit.state === 'cancelled') return <VisitCancelled visit={visit} />;
      // After a call: the end page again, with its question while this visitor may still answer.
      if (ended || visit.feedbackOpen) {
        const feedback = ended && ended.feedback.kind !== 'asking' ? ended.feedback : { kind: visit.feedbackOpen ? 'asking' : 'none' } as const;
        return <VisitEnded contact={visit} leftByChoice={ended?.leftByChoice ?? false} canRejoin={false} feedback={feedback} />;
      }
      return <VisitOver visit={visit} />;
    }
    case 'found':
      // Left by choice while the visit goes on: the end page again, with its way back in.
      if (ended) return <VisitEnded contact={lookup.info} leftByChoice={ended.leftByChoice} canRejoin feedback={ended.feedback} />;
      return <VisitLanding info={lookup.info} onStart={start} />;
  }
}

function Message({ heading, text, onRetry }: { heading: string; text: string; onRetry?: () => void }) {
  return (
    <VisitorScreen heading={heading}>
      <p class="nhsuk-body">{text}</p>
      {onRetry && <Button onClick={onRetry}>Try again</Button>}
    </VisitorScreen>
  );
}
