import { useEffect, useState } from 'preact/hooks';
import type { ListedVisit } from '../../visits/index.js';
import { Button, ErrorSummary, Page, useScreen } from '../../ui/index.js';
import { BackLink } from '../../ui/BackLink/index.js';
import { VisitMissing } from '../screens/VisitMissing.js';
import { guardLeaving, navigate } from '../router.js';
import { useVisit } from '../use-visit.js';
import { useWard } from '../ward-context.js';
import { CallControls } from './CallControls.js';
import { CallStage } from './CallStage.js';
import { callStatusText } from './call-status.js';
import { elapsedText, elapsedWords } from './elapsed.js';
import { EndConfirm, VisitEnded } from './EndVisit.js';
import { forgetHeldCall, holdCall } from './held-call.js';
import { LeaveCallScreen } from './LeaveCallScreen.js';
import { useTabletCall } from './use-tablet-call.js';
import { WaitingVisitor } from './WaitingVisitor.js';

/** The call screen behind "Start visit". */
export function CallScreen({ id }: { id: string }) {
  const { visit, loading, error } = useVisit(id);
  if (!visit) return <VisitMissing loading={loading} error={error} />;
  return <Call visit={visit} />;
}

type Asking = { what: 'end' } | { what: 'leave'; to: string } | null;

function Call({ visit }: { visit: ListedVisit }) {
  const { session } = useWard();
  const { call, view } = useTabletCall(visit.id);
  const [asking, setAsking] = useState<Asking>(null);
  const patient = visit.patientName ?? 'the patient';
  const heading = useScreen(asking?.what === 'end' ? 'End visit' : asking?.what === 'leave' ? 'Leave the call screen?' : `Visit with ${patient}`);
  const live = view.state.name !== 'ended' && view.state.name !== 'failed';

  // During a call nothing in the page leaves the screen without asking: the NHS logo, back, any link.
  useEffect(() => {
    if (!live) return;
    return guardLeaving((to) => {
      setAsking({ what: 'leave', to });
      return false;
    });
  }, [live]);
  useEffect(() => {
    if (view.state.name === 'ended') forgetHeldCall(visit.id);
  }, [view.state.name, visit.id]);

  if (view.state.name === 'ended') {
    const duration = view.connectedSince ? elapsedWords(view.connectedSince, view.endedAt ?? Date.now()) : null;
    return <VisitEnded visit={visit} duration={duration} />;
  }
  if (asking?.what === 'end') return <EndConfirm nobodyJoined={view.connectedSince === null} onConfirm={() => call.end()} onCancel={() => setAsking(null)} />;
  if (asking?.what === 'leave') {
    const leave = () => {
      holdCall(visit.id, call);
      navigate(asking.to, { force: true });
    };
    const names = view.visitors.filter((visitor) => visitor.state.name !== 'waiting').map((visitor) => visitor.name);
    return <LeaveCallScreen visitorNames={names} onStay={() => setAsking(null)} onLeave={leave} />;
  }

  const needsStaff = view.visitors.filter((visitor) => visitor.state.name === 'waiting' || visitor.state.name === 'failed' || visitor.checking);
  // The relay dropping alone changes nothing on screen: media is peer-to-peer and carries on.
  const status = view.connectedSince ? `In call ${elapsedText(view.connectedSince, Date.now())}` : undefined;
  return (
    // No "Sign out" during a call: the header would end the visit by accident.
    <Page wardName={session.ward.name} status={status} fill>
      {view.problem && <ErrorSummary problems={[{ message: view.problem }]} />}
      {view.state.name === 'failed' ? (
        <CallFailed message={view.state.message} visitId={visit.id} onRetry={() => call.start()} headingRef={heading} />
      ) : (
        <>
          <div class="app-call-heading">
            <h1 ref={heading} class="nhsuk-heading-s nhsuk-u-margin-bottom-0">
              {`Visit with ${patient}`}
            </h1>
            <p class="nhsuk-body-s nhsuk-u-margin-bottom-0" role="status">
              {callStatusText(view, visit)}
            </p>
          </div>
          {needsStaff.map((visitor) => (
            <WaitingVisitor
              key={visitor.id}
              visitor={visitor}
              patientName={patient}
              onAdmit={() => call.admit(visitor.id)}
              onCheckDone={() => call.checkDone(visitor.id)}
              onTurnAway={() => call.turnAway(visitor.id)}
            />
          ))}
          <CallStage view={view} />
          <CallControls call={call} view={view} onEnd={() => setAsking({ what: 'end' })} />
        </>
      )}
    </Page>
  );
}

function CallFailed(props: { message: string; visitId: string; onRetry: () => void; headingRef: ReturnType<typeof useScreen> }) {
  return (
    <>
      <BackLink href={`/visits/${props.visitId}`} text="Back to visit" />
      <h1 ref={props.headingRef}>
        The visit could not start
      </h1>
      <p class="nhsuk-body">{props.message}</p>
      <Button onClick={props.onRetry}>Try again</Button>
    </>
  );
}
