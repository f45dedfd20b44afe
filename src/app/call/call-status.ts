import type { QualityLabel, TabletCallView } from '../../call/index.js';
import type { ListedVisit } from '../../visits/index.js';

/** One line saying where the call is. It is a live region, so it changes only when the situation does (never each second). */
export function callStatusText(view: TabletCallView, visit: ListedVisit): string {
  if (view.state.name === 'preparing-media') return 'Starting the camera…';
  // Starting a call needs the internet: say so rather than wait in silence (the tablet keeps trying).
  if ((view.state.name === 'ready' || view.state.name === 'joining') && view.signallingLost) return 'No internet connection. Starting a visit needs the internet. Trying to connect…';
  if (view.state.name === 'ready' || view.state.name === 'joining') return 'Connecting…';
  const inCall = view.visitors.filter((visitor) => !visitor.checking && visitor.state.name !== 'waiting');
  const connected = inCall.filter((visitor) => visitor.state.name === 'connected').map((visitor) => visitor.name);
  if (connected.length > 0 && connected.length === inCall.length) return `In the call: ${connected.join(', ')}. Connection: ${overallLabel(view)}`;
  const reconnecting = inCall.filter((visitor) => visitor.state.name === 'reconnecting').map((visitor) => visitor.name);
  if (reconnecting.length > 0) return `Reconnecting to ${reconnecting.join(', ')}…`;
  if (inCall.some((visitor) => visitor.state.name === 'connecting')) return 'Connecting…';
  if (view.visitors.some((visitor) => visitor.checking)) return 'Checking who is joining. The patient is not shown yet.';
  if (view.visitors.length > 0) return 'Check who is waiting, then let them in.';
  return `Waiting for ${visit.visitorName ?? 'the visitor'} to join. They will appear here when they open their link.`;
}

/** The worst connection among the visitors in the call, as both sides show it. */
function overallLabel(view: TabletCallView): QualityLabel {
  const labels = view.visitors.filter((visitor) => visitor.state.name === 'connected').map((visitor) => visitor.quality.label);
  return labels.includes('Reconnecting') ? 'Reconnecting' : labels.includes('Poor') ? 'Poor' : 'Good';
}
