import { useState } from 'preact/hooks';
import { canCancel, canChange, canRebook, STATUS_TAG_COLOURS, statusLabel } from '../../shared/index.js';
import type { ListedVisit } from '../../visits/index.js';
import { ErrorSummary, SuccessBanner, Tag, useScreen } from '../../ui/index.js';
import { BackLink } from '../../ui/BackLink/index.js';
import { SummaryList, type SummaryRow } from '../../ui/SummaryList/index.js';
import { longDate, minutes, visitDate, visitTime } from '../format.js';
import { usePresence } from '../presence-board.js';
import { presenceLines } from '../presence-words.js';
import { navigationState, type WardNavigationState } from '../router.js';
import { useVisit } from '../use-visit.js';
import { useVisitMessages } from '../use-visit-messages.js';
import { useWard } from '../ward-context.js';
import { WardPage } from '../WardPage.js';
import { VisitMissing } from './VisitMissing.js';
import { UnsentNotice } from './UnsentNotice.js';
import { JoinLinkPanel } from './JoinLinkPanel.js';
import { MessageStatus } from './MessageStatus.js';
import { UnsentTag } from './UnsentTag.js';
import { PresenceLines } from './PresenceLines.js';
import { StartVisit } from './StartVisit.js';
import { TellVisitor } from './TellVisitor.js';
import { EmailLink, MobileLink } from './VisitorContact.js';

export function VisitPage({ id }: { id: string }) {
  const { visit, loading, error } = useVisit(id);
  // A notice or problem from the screen that sent us here, shown once.
  const [arrival] = useState(navigationState);
  if (!visit) return <VisitMissing loading={loading} error={error} />;
  return <VisitDetails visit={visit} arrival={arrival} problem={arrival.problem ?? error ?? undefined} />;
}

function VisitDetails({ visit, arrival, problem }: { visit: ListedVisit; arrival: WardNavigationState; problem?: string | undefined }) {
  const { session, presence } = useWard();
  const heading = useScreen('Visit');
  const tz = session.timeZone;
  // Who has the link open, waiting or in the call, live, as on the visit list.
  const lines = presenceLines(usePresence(presence).get(visit.id) ?? [], visit.status, tz);
  const messages = useVisitMessages(visit);
  // One error summary for the page: what sent us here, or a refused "Send the link again".
  const problems = [problem, messages.problem].flatMap((message) => (message ? [{ message }] : []));
  const rows: SummaryRow[] = [
    { key: 'Date', value: longDate(visitDate(visit, tz)) },
    { key: 'Time', value: visitTime(visit, tz) },
    { key: 'Length', value: minutes(visit.lengthMinutes) },
    { key: 'Patient', value: visit.patientName ?? 'Deleted' },
    { key: 'Bed', value: visit.bed ?? 'Not given' },
    { key: 'Visitor', value: visit.visitorName ?? 'Deleted' },
    { key: "Visitor's mobile", value: visit.visitorMobile ? <MobileLink mobile={visit.visitorMobile} /> : 'Not given' },
    { key: "Visitor's email", value: visit.visitorEmail ? <EmailLink email={visit.visitorEmail} /> : 'Not given' },
    {
      key: 'Status',
      value: (
        <>
          <Tag colour={STATUS_TAG_COLOURS[visit.status]}>{statusLabel(visit)}</Tag> <UnsentTag visit={visit} />
          <PresenceLines lines={lines} />
        </>
      ),
    },
  ];
  if (visit.status === 'cancelled' && visit.cancelReason) rows.push({ key: 'Reason for cancelling', value: visit.cancelReason });
  return (
    <WardPage>
      <BackLink href="/" text="Back to visit list" />
      <ErrorSummary problems={problems} />
      {arrival.tellVisitor ? <TellVisitor visit={visit} news={arrival.tellVisitor} newContacts={arrival.newContacts} /> : arrival.notice && <SuccessBanner>{arrival.notice}</SuccessBanner>}
      <h1 ref={heading}>
        <span class="nhsuk-caption-l">Visit</span>
        {visit.patientName ?? 'Patient name deleted'}
      </h1>
      <UnsentNotice visit={visit} />
      <StartVisit visit={visit} />
      <SummaryList rows={rows} />
      {/* Start visit (above) is the one primary button; the rest are secondary, and cancelling is a link. */}
      <div class="app-button-group">
        {canChange(visit, new Date()) && (
          <a class="nhsuk-button nhsuk-button--secondary" href={`/visits/${visit.id}/change`} draggable={false}>
            Change visit
          </a>
        )}
        {canRebook(visit) && (
          <a class="nhsuk-button nhsuk-button--secondary" href={`/visits/${visit.id}/rebook`} draggable={false}>
            Rebook
          </a>
        )}
      </div>
      {canCancel(visit) && (
        <p class="nhsuk-body">
          <a href={`/visits/${visit.id}/cancel`}>Cancel visit</a>
        </p>
      )}
      <MessageStatus visit={visit} state={messages} />
      <JoinLinkPanel visit={visit} />
    </WardPage>
  );
}
