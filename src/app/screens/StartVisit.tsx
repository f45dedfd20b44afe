import { joinOpensAt, joinState } from '../../shared/index.js';
import type { ListedVisit } from '../../visits/index.js';
import { clockTime } from '../format.js';
import { useWard } from '../ward-context.js';

/**
 * "Start visit", the second of the two taps that start a call (the first opens the visit).
 * A visit still only on this tablet, or one whose time has not come, says why it cannot start yet.
 */
export function StartVisit({ visit }: { visit: ListedVisit }) {
  const { session } = useWard();
  const state = joinState(visit, new Date());
  if (state === 'cancelled' || state === 'ended') return null;
  if (state === 'too-early') {
    return <p class="nhsuk-body">{`You can start this visit from ${clockTime(joinOpensAt(visit), session.timeZone)}.`}</p>;
  }
  if (visit.unsent) return <p class="nhsuk-body">This visit can start once it has been sent. The tablet sends it when it is back online.</p>;
  return (
    <a class="nhsuk-button app-start-visit" href={`/visits/${visit.id}/call`} draggable={false}>
      {visit.status === 'booked' ? 'Start visit' : 'Return to call'}
    </a>
  );
}
