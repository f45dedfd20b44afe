import { useState } from 'preact/hooks';
import { groupByTab, STATUS_LABELS, STATUS_TAG_COLOURS, type VisitTab } from '../../shared/index.js';
import { Tabs, Tag, useScreen } from '../../ui/index.js';
import type { ListedVisit } from '../../visits/index.js';
import { RefusedChanges } from './RefusedChanges.js';
import { UnsentTag } from './UnsentTag.js';
import { shortDate, visitDate, visitTime } from '../format.js';
import { useRefreshOnOpen } from '../use-refresh.js';
import { useVisitState, useWard } from '../ward-context.js';
import { WardPage } from '../WardPage.js';

const TABS: readonly { id: VisitTab; label: string; empty: string }[] = [
  { id: 'today', label: 'Today', empty: 'No visits today' },
  { id: 'upcoming', label: 'Upcoming', empty: 'No upcoming visits' },
  { id: 'past', label: 'Past 12 hours', empty: 'No visits in the past 12 hours' },
];

/** The ward's visits in three tabs, each row a card linking to the visit. */
export function VisitList() {
  const { session, store } = useWard();
  const heading = useScreen('Visit list');
  const state = useVisitState(store);
  const [tab, setTab] = useState<VisitTab>('today');
  useRefreshOnOpen(store);
  const timeZone = session.timeZone;
  const tabs = groupByTab(state.visits, new Date(), timeZone);

  return (
    <WardPage>
      <h1 ref={heading} tabIndex={-1}>
        {session.ward.name}
      </h1>
      <RefusedChanges outbox={state.outbox} />
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
          panel: <VisitCards visits={tabs[id]} empty={empty} heading={label} showDate={id !== 'today'} timeZone={timeZone} />,
        }))}
      />
    </WardPage>
  );
}

interface VisitCardsProps {
  visits: ListedVisit[];
  empty: string;
  heading: string;
  showDate: boolean;
  timeZone: string;
}

function VisitCards({ visits, empty, heading, showDate, timeZone }: VisitCardsProps) {
  return (
    <>
      <h2 class="nhsuk-heading-m">{heading}</h2>
      {visits.length === 0 ? (
        <p class="nhsuk-body">{empty}</p>
      ) : (
        <ul class="nhsuk-list">
          {visits.map((visit) => (
            <li key={visit.id}>
              <VisitCard visit={visit} showDate={showDate} timeZone={timeZone} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function VisitCard({ visit, showDate, timeZone }: { visit: ListedVisit; showDate: boolean; timeZone: string }) {
  const when = showDate ? `${shortDate(visitDate(visit, timeZone))}, ${visitTime(visit, timeZone)}` : visitTime(visit, timeZone);
  return (
    <div class="nhsuk-card nhsuk-card--clickable app-visit-card">
      <div class="nhsuk-card__content">
        <h3 class="nhsuk-card__heading nhsuk-heading-s">
          <a class="nhsuk-card__link" href={`/visits/${visit.id}`}>
            {`${when} – ${visit.patientName ?? 'Name deleted'}`}
          </a>
        </h3>
        <p class="nhsuk-card__description">
          {visit.bed && (
            <>
              Bed {visit.bed}
              <br />
            </>
          )}
          Visitor: {visit.visitorName ?? 'name deleted'}
        </p>
        <Tag colour={STATUS_TAG_COLOURS[visit.status]}>{STATUS_LABELS[visit.status]}</Tag>{' '}
        <UnsentTag visit={visit} />
      </div>
    </div>
  );
}

