import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { ErrorSummary, Page } from '../ui/index.js';
import { HeldCallBanner, useHeldVisitId } from './call/HeldCallBanner.js';
import { clockTime } from './format.js';
import { navigate } from './router.js';
import { useVisitState, useWard } from './ward-context.js';

/** The signed-in frame: header with the ward's name, how fresh the list is, and "Sign out". */
export function WardPage({ children }: { children: ComponentChildren }) {
  const ward = useWard();
  const state = useVisitState(ward.store);
  const [problem, setProblem] = useState<string | null>(null);
  // Never sign out during a call, even one on hold: the family is still on their page.
  const callHeld = useHeldVisitId() !== null;
  const signOut = () => {
    // Sign-out deletes the outbox too: say what would be lost before doing it.
    if (state.outbox.length > 0) return navigate('/sign-out');
    ward.signOut().catch((error: unknown) => setProblem(error instanceof Error ? error.message : String(error)));
  };
  const status = !state.online ? 'Offline' : state.lastUpdated ? `Last updated ${clockTime(state.lastUpdated, ward.session.timeZone)}` : undefined;
  return (
    <Page wardName={ward.session.ward.name} status={status} onSignOut={callHeld ? undefined : signOut}>
      {problem && <ErrorSummary problems={[{ message: `You have not been signed out. ${problem}` }]} />}
      <HeldCallBanner />
      {children}
    </Page>
  );
}
