import { useCallback, useEffect, useState } from 'preact/hooks';
import type { AdminSessionInfo } from '../shared/admin.js';
import { ApiError, adminApi, problemText, whenSessionEnds } from './api.js';
import { AdminContext, type SignedInAdmin } from './admin-context.js';
import { LoadFailedScreen } from './ScreenParts.js';
import { AdminPage } from './AdminPage.js';
import { matchRoute, navigate, paths, PUBLIC_SCREENS, usePath } from './router.js';
import { AdminScreens } from './AdminScreens.js';
import { SignInJourney } from './screens/SignInJourney.js';
import { SetUp } from './screens/SetUp.js';

type SessionCheck =
  | { state: 'checking' }
  | { state: 'signed-in'; session: AdminSessionInfo }
  | { state: 'signed-out' }
  | { state: 'failed'; message: string };

/**
 * Asks the server whether this browser is signed in, then shows the screen for the path.
 * A signed-out admin who opened a deep link goes to sign in, and back to that link after.
 */
export function AdminApp() {
  const path = usePath();
  const route = matchRoute(path);
  const [check, setCheck] = useState<SessionCheck>({ state: 'checking' });
  const [returnTo, setReturnTo] = useState<string | null>(null);

  const recheck = useCallback(() => {
    setCheck({ state: 'checking' });
    adminApi.session().then(
      (session) => setCheck({ state: 'signed-in', session }),
      (error: unknown) =>
        setCheck(error instanceof ApiError && error.status === 401 ? { state: 'signed-out' } : { state: 'failed', message: problemText(error) }),
    );
  }, []);
  useEffect(recheck, [recheck]);
  useEffect(() => whenSessionEnds(() => setCheck({ state: 'signed-out' })), []);

  useEffect(() => {
    if (check.state === 'signed-out' && !PUBLIC_SCREENS.has(route.screen)) {
      setReturnTo(location.pathname + location.search);
      navigate(paths.signIn, { replace: true });
    }
    if (check.state === 'signed-in' && route.screen === 'sign-in') navigate(paths.home, { replace: true });
  }, [check.state, route.screen]);

  const signOut = useCallback(async () => {
    await adminApi.signOut();
    setReturnTo(null);
    setCheck({ state: 'signed-out' });
    navigate(paths.signIn, { replace: true, state: { notice: 'You have signed out' } });
  }, []);

  const signedIn = (session: AdminSessionInfo) => {
    setCheck({ state: 'signed-in', session });
    navigate(returnTo ?? paths.home, { replace: true });
  };

  // The set-up link works whoever is signed in on this browser: it is for the person holding it.
  if (route.screen === 'setup') return <SetUp />;
  if (check.state === 'failed') return <LoadFailedScreen message={check.message} onRetry={recheck} />;
  if (check.state === 'checking') return <AdminPage>{null}</AdminPage>;
  if (check.state === 'signed-out') return route.screen === 'sign-in' ? <SignInJourney onSignedIn={signedIn} /> : <AdminPage>{null}</AdminPage>;
  const admin: SignedInAdmin = { session: check.session, signOut };
  return (
    <AdminContext.Provider value={admin}>
      <AdminScreens route={route} />
    </AdminContext.Provider>
  );
}
