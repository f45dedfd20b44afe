import { useState } from 'preact/hooks';
import { groupByTab, instantToLocal, type VisitTab } from '../../shared/index.js';
import { Tabs, useScreen } from '../../ui/index.js';
import type { ListedVisit } from '../../visits/index.js';
import { dayHeading, groupByDay, nextVisitId } from '../list-rows.js';
import { usePresence, type PresenceByVisit } from '../presence-board.js';
import { useNow } from '../use-now.js';
import { useRefreshOnOpen } from '../use-refresh.js';
import { useVisitState, useWard } from '../ward-context.js';
import { WardPage } from '../WardPage.js';
import { RefusedChanges } from './RefusedChanges.js';
import { VisitTable } from './VisitTable.js';

const TABS: readonly { id: VisitTab; label: string; empty: string }[] = [
  { id: 'today', label: 'Today', empty: 'No visits today' },
  { id: 'upcoming', label: 'Upcoming', empty: 'No upcoming visits' },
  { id: 'past', label: 'Past 12 hours', empty: 'No visits in the past 12 hours' },
];

/** The ward's visits in three tabs, each a table a day, with live presence beside each status. */
export function VisitList() {
  const { session, store, presence } = useWard();
  const heading = useScreen('Visit list');
  const state = useVisitState(store);
  const live = usePresence(presence);
  // Ticks on by itself: "in 10 minutes" counts down, and rows move tab as the day goes on.
  const now = useNow();
  const [tab, setTab] = useState<VisitTab>('today');
  useRefreshOnOpen(store);
  const timeZone = session.timeZone;
  const tabs = groupByTab(state.visits, now, timeZone);
  const shared = { presence: live, nextId: nextVisitId(state.visits, now), now, timeZone };

  return (
    <WardPage>
      <h1 ref={heading}>
        {session.ward.name}
      </h1>
      <RefusedChanges outbox={state.outbox} visits={state.visits} timeZone={timeZone} />
      <a class="nhsuk-button" href="/visits/new" draggable={false}>
        Book a visit
      </a>
      <Tabs
        title="Visits"
        selected={tab}
        onSelect={setTab}
        items={TABS.map(({ id, label, empty }) => ({
          id,
          label,
          panel: <VisitDays visits={tabs[id]} empty={empty} heading={label} {...shared} />,
        }))}
      />
    </WardPage>
  );
}

interface VisitDaysProps {
  visits: ListedVisit[];
  empty: string;
  heading: string;
  presence: PresenceByVisit;
  nextId: string | null;
  now: Date;
  timeZone: string;
}

/** A tab's visits under their day: a repeat booking shows once under each of its days. */
function VisitDays({ visits, empty, heading, ...shared }: VisitDaysProps) {
  const today = instantToLocal(shared.now, shared.timeZone).date;
  return (
    <>
      <h2 class="nhsuk-heading-m">{heading}</h2>
      {visits.length === 0 ? (
        <p class="nhsuk-body">{empty}</p>
      ) : (
        groupByDay(visits, shared.timeZone).map((day) => <VisitTable key={day.date} caption={dayHeading(day.date, today)} visits={day.visits} {...shared} />)
      )}
    </>
  );
}
