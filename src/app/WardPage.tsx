import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { ErrorSummary, Page } from '../ui/index.js';
import { useWard } from './ward-context.js';

/** The signed-in frame: header with the ward's name and "Sign out". */
export function WardPage({ children }: { children: ComponentChildren }) {
  const ward = useWard();
  const [problem, setProblem] = useState<string | null>(null);
  const signOut = () => {
    ward.signOut().catch((error: unknown) => setProblem(error instanceof Error ? error.message : String(error)));
  };
  return (
    <Page wardName={ward.session.ward.name} onSignOut={signOut}>
      {problem && <ErrorSummary problems={[{ message: `You have not been signed out. ${problem}` }]} />}
      {children}
    </Page>
  );
}
