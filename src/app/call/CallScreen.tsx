import { useState } from 'preact/hooks';
import type { ListedVisit } from '../../visits/index.js';
import { BackLink, Button, ErrorSummary, Page, useScreen } from '../../ui/index.js';
import { VisitMissing } from '../screens/VisitMissing.js';
import { useVisit } from '../use-visit.js';
import { useWard } from '../ward-context.js';
import { CallControls } from './CallControls.js';
import { CallStage } from './CallStage.js';
import { elapsedText, elapsedWords } from './elapsed.js';
import { EndConfirm, VisitEnded } from './EndVisit.js';
import { useTabletCall } from './use-tablet-call.js';
import type { QualityLabel, TabletCallView } from '../../call/index.js';
import { WaitingVisitor } from './WaitingVisitor.js';

/** The call screen behind "Start visit". */
export function CallScreen({ id }: { id: string }) {
  const { visit, loading, error } = useVisit(id);
  if (!visit) return <VisitMissing loading={loading} error={error} />;
  return <Call visit={visit} />;
}

function Call({ visit }: { visit: ListedVisit }) {
  const { session } = useWard();
  const { call, view } = useTabletCall(visit.id);
  const [confirming, setConfirming] = useState(false);
  const patient = visit.patientName ?? 'the patient';
  const heading = useScreen(confirming ? 'End visit' : `Visit with ${patient}`);
  const now = Date.now();

  if (view.state.name === 'ended') return <VisitEnded visit={visit} duration={view.connectedSince ? elapsedWords(view.connectedSince, view.endedAt ?? now) : null} />;
  if (confirming) return <EndConfirm onConfirm={() => call.end()} onCancel={() => setConfirming(false)} />;

  const waiting = view.visitors.filter((visitor) => visitor.state.name === 'waiting' || visitor.state.name === 'failed');
  // The relay dropping alone changes nothing on screen: media is peer-to-peer and carries on.
  const status = view.connectedSince ? `In call ${elapsedText(view.connectedSince, now)}` : undefined;
  return (
    // No "Sign out" during a call: the header would end the visit by accident.
    <Page wardName={session.ward.name} status={status}>
      {view.problem && <ErrorSummary problems={[{ message: view.problem }]} />}
      {view.state.name === 'failed' ? (
        <CallFailed message={view.state.message} visitId={visit.id} onRetry={() => call.start()} headingRef={heading} />
      ) : (
        <>
          <h1 ref={heading} tabIndex={-1} class="nhsuk-heading-l">
            <span class="nhsuk-caption-l">Visit with</span>
            {patient}
          </h1>
          <p class="nhsuk-body" role="status">
            {callStatusText(view, visit)}
          </p>
          {waiting.map((visitor) => (
            <WaitingVisitor key={visitor.id} visitor={visitor} patientName={patient} onAdmit={() => call.admit(visitor.id)} onTurnAway={() => call.turnAway(visitor.id)} />
          ))}
          <CallStage view={view} />
          <CallControls call={call} view={view} onEnd={() => setConfirming(true)} />
        </>
      )}
    </Page>
  );
}

/** One line saying where the call is. It is a live region, so it changes only when the situation does (never each second). */
function callStatusText(view: TabletCallView, visit: ListedVisit): string {
  if (view.state.name === 'preparing-media') return 'Starting the camera…';
  // Starting a call needs the internet: say so rather than wait in silence (the tablet keeps trying).
  if ((view.state.name === 'ready' || view.state.name === 'joining') && view.signallingLost) return 'No internet connection. Starting a visit needs the internet. Trying to connect…';
  if (view.state.name === 'ready' || view.state.name === 'joining') return 'Connecting…';
  const connected = view.visitors.filter((visitor) => visitor.state.name === 'connected').map((visitor) => visitor.name);
  if (connected.length > 0 && connected.length === view.visitors.filter((visitor) => visitor.state.name !== 'waiting').length) {
    return `In the call: ${connected.join(', ')}. Connection: ${overallLabel(view)}`;
  }
  const reconnecting = view.visitors.filter((visitor) => visitor.state.name === 'reconnecting').map((visitor) => visitor.name);
  if (reconnecting.length > 0) return `Reconnecting to ${reconnecting.join(', ')}…`;
  if (view.visitors.some((visitor) => visitor.state.name === 'connecting')) return 'Connecting…';
  if (view.visitors.length > 0) return 'Check who is waiting, then let them in.';
  return `Waiting for ${visit.visitorName ?? 'the visitor'} to join. They will appear here when they open their link.`;
}

/** The worst connection among the visitors in the call, as both sides show it. */
function overallLabel(view: TabletCallView): QualityLabel {
  const labels = view.visitors.filter((visitor) => visitor.state.name === 'connected').map((visitor) => visitor.quality.label);
  return labels.includes('Reconnecting') ? 'Reconnecting' : labels.includes('Poor') ? 'Poor' : 'Good';
}

function CallFailed(props: { message: string; visitId: string; onRetry: () => void; headingRef: ReturnType<typeof useScreen> }) {
  return (
    <>
      <BackLink href={`/visits/${props.visitId}`} text="Back to visit" />
      <h1 ref={props.headingRef} tabIndex={-1}>
        The visit could not start
      </h1>
      <p class="nhsuk-body">{props.message}</p>
      <Button onClick={props.onRetry}>Try again</Button>
    </>
  );
}
