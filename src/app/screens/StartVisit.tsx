import { joinOpensAt, joinState } from '../../shared/index.js';
import type { ListedVisit } from '../../visits/index.js';
import { useHeldVisitId } from '../call/HeldCallBanner.js';
import { clockTime } from '../format.js';
import { useWard } from '../ward-context.js';

/**
 * "Start visit", the second of the two taps that start a call (the first opens the visit).
 * A visit still only on this tablet, or one whose time has not come, says why it cannot start yet.
 * "Return to call" is only for the tablet whose call it is; another of the ward's tablets may
 * carry a started visit on (its tablet broke, or the patient moved bed), and says so.
 */
export function StartVisit({ visit }: { visit: ListedVisit }) {
  const { session } = useWard();
  const heldHere = useHeldVisitId() === visit.id;
  const state = joinState(visit, new Date());
  if (state === 'cancelled' || state === 'ended') return null;
  if (state === 'too-early') {
    return <p class="nhsuk-body">{`You can start this visit from ${clockTime(joinOpensAt(visit), session.timeZone)}.`}</p>;
  }
  if (visit.unsent) return <p class="nhsuk-body">This visit can start once it has been sent. The tablet sends it when it is back online.</p>;
  const href = `/visits/${visit.id}/call`;
  if (visit.status === 'booked') return <StartButton href={href}>Start visit</StartButton>;
  // The held-call banner above already has "Return to call".
  if (heldHere) return null;
  return (
    <>
      <p class="nhsuk-body">This visit has started. If it is not running on another tablet, you can carry it on here.</p>
      <StartButton href={href}>Continue the visit on this tablet</StartButton>
    </>
  );
}

function StartButton({ href, children }: { href: string; children: string }) {
  return (
    <a class="nhsuk-button app-start-visit" href={href} draggable={false}>
      {children}
    </a>
  );
}
