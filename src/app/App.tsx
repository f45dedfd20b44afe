import { useCallback, useEffect, useState } from 'preact/hooks';
import type { SessionInfo } from '../shared/index.js';
import { Button, Page, useScreen } from '../ui/index.js';
import { deleteWardData, NetworkError, rememberPin, rememberSession } from '../visits/index.js';
import { api } from './api.js';
import { matchRoute, navigate, usePath } from './router.js';
import { checkSession, markSignOutPending, type SessionCheck } from './session-start.js';
import { IdleLock } from './IdleLock.js';
import { restoreHeldCall } from './call/held-call.js';
import { startWardRuntime } from './ward-runtime.js';
import { WardContext, useVisitState, useWard, type Ward } from './ward-context.js';
import { SignIn } from './screens/SignIn.js';
import { Screens } from './Screens.js';


/**
 * Finds out whether this tablet is signed in (from the server, or offline from the device),
 * then shows the screen for the path. Sign-out deletes every ward record on the device.
 */
export function App() {
  const path = usePath();
  const [check, setCheck] = useState<SessionCheck>({ state: 'checking' });
  const [ward, setWard] = useState<Ward | null>(null);

  const recheck = useCallback(() => void checkSession(api).then(setCheck), []);
  useEffect(recheck, [recheck]);

  const signOut = useCallback(async () => {
    try {
      await api.signOut();
    } catch (error) {
      if (!(error instanceof NetworkError)) throw error;
      // Offline: the device is wiped now and the server's session is ended at the next chance.
      markSignOutPending(true);
    }
    setCheck({ state: 'signed-out' });
    await deleteWardData();
    navigate('/sign-in', { replace: true });
  }, []);

  const session = check.state === 'signed-in' ? check.session : null;
  useEffect(() => {
    if (!session) return;
    const runtime = startWardRuntime(session, api);
    setWard({ session, store: runtime.store, presence: runtime.presence, messages: runtime.messages, signOut });
    // Reloaded while a call was on hold: take it back before its grace period runs out.
    void restoreHeldCall((visitId) => {
      const here = matchRoute(location.pathname);
      return here.screen === 'call' && here.id === visitId;
    });
    return () => {
      runtime.stop();
      setWard(null);
    };
  }, [session, signOut]);

  const route = matchRoute(path);
  useEffect(() => {
    if (check.state === 'signed-out' && route.screen !== 'sign-in') navigate('/sign-in', { replace: true });
    if (check.state === 'signed-in' && route.screen === 'sign-in') navigate('/', { replace: true });
  }, [check.state, route.screen]);

  const signedIn = async (info: SessionInfo, pin: string) => {
    markSignOutPending(false);
    await rememberSession(info);
    await rememberPin(pin);
    setCheck({ state: 'signed-in', session: info });
    navigate('/', { replace: true });
  };

  if (check.state === 'failed') return <CannotStart message={check.message} onRetry={recheck} />;
  if (check.state === 'signed-out') {
    return route.screen === 'sign-in' ? <SignIn api={api} onSignedIn={signedIn} /> : <Page>{null}</Page>;
  }
  if (check.state === 'checking' || !ward) return <Page>{null}</Page>;
  return (
    <WardContext.Provider value={ward}>
      <SessionWatch onExpired={() => setCheck({ state: 'signed-out' })} />
      <IdleLock onTooManyTries={() => setCheck({ state: 'signed-out' })}>
        <Screens route={route} />
      </IdleLock>
    </WardContext.Provider>
  );
}

/** When the server stops accepting the session, sign in again; unsent changes stay on the device. */
function SessionWatch({ onExpired }: { onExpired: () => void }) {
  const { store } = useWard();
  const { needsSignIn } = useVisitState(store);
  useEffect(() => {
    if (needsSignIn) onExpired();
  }, [needsSignIn, onExpired]);
  return null;
}

function CannotStart({ message, onRetry }: { message: string; onRetry: () => void }) {
  const heading = useScreen('Sorry, there is a problem');
  return (
    <Page>
      <h1 ref={heading}>
        Sorry, there is a problem
      </h1>
      <p class="nhsuk-body">{message}</p>
      <Button onClick={onRetry}>Try again</Button>
    </Page>
  );
}
