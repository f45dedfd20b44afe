import { useCallback, useEffect, useState } from 'preact/hooks';
import type { SessionInfo } from '../shared/index.js';
import { Button, Page, useScreen } from '../ui/index.js';
import { ApiError, createApiClient, createVisitStore, type VisitStore } from '../visits/index.js';
import { matchRoute, navigate, usePath } from './router.js';
import { WardContext, type Ward } from './ward-context.js';
import { SignIn } from './screens/SignIn.js';
import { Screens } from './Screens.js';

export const api = createApiClient();

type SessionCheck = { state: 'checking' } | { state: 'signed-out' } | { state: 'failed'; message: string } | { state: 'signed-in'; ward: Ward };

/**
 * Finds out whether this tablet is signed in, then shows the screen for the path. Each
 * session gets its own visit store, so signing out leaves nothing of the ward behind.
 */
export function App() {
  const path = usePath();
  const [check, setCheck] = useState<SessionCheck>({ state: 'checking' });

  const signOut = useCallback(async () => {
    await api.signOut();
    setCheck({ state: 'signed-out' });
    navigate('/sign-in', { replace: true });
  }, []);

  const start = useCallback(
    (session: SessionInfo) => setCheck({ state: 'signed-in', ward: { session, store: createVisitStore(api), signOut } }),
    [signOut],
  );

  const checkSession = useCallback(() => {
    api.getSession().then(start, (error: unknown) => {
      if (error instanceof ApiError && error.status === 401) setCheck({ state: 'signed-out' });
      else setCheck({ state: 'failed', message: error instanceof Error ? error.message : String(error) });
    });
  }, [start]);

  useEffect(checkSession, [checkSession]);

  const route = matchRoute(path);
  useEffect(() => {
    if (check.state === 'signed-out' && route.screen !== 'sign-in') navigate('/sign-in', { replace: true });
    if (check.state === 'signed-in' && route.screen === 'sign-in') navigate('/', { replace: true });
  }, [check.state, route.screen]);

  if (check.state === 'checking') return <Page>{null}</Page>;
  if (check.state === 'failed') return <CannotStart message={check.message} onRetry={checkSession} />;
  if (check.state === 'signed-out') {
    return route.screen === 'sign-in' ? <SignIn api={api} onSignedIn={(session) => { start(session); navigate('/', { replace: true }); }} /> : <Page>{null}</Page>;
  }
  return (
    <WardContext.Provider value={check.ward}>
      <Screens route={route} />
    </WardContext.Provider>
  );
}

function CannotStart({ message, onRetry }: { message: string; onRetry: () => void }) {
  const heading = useScreen('Sorry, there is a problem');
  return (
    <Page>
      <h1 ref={heading} tabIndex={-1}>
        Sorry, there is a problem
      </h1>
      <p class="nhsuk-body">{message}</p>
      <Button onClick={onRetry}>Try again</Button>
    </Page>
  );
}
