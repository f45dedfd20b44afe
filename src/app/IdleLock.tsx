import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ErrorSummary, GuardedForm, Page, TextInput, useScreen } from '../ui/index.js';
import { checkPin } from '../visits/index.js';
import { isCallInProgress } from './call-activity.js';
import { useWard } from './ward-context.js';

/** A shared tablet left alone locks itself: visit details are personal data. */
export const IDLE_LOCK_MS = 10 * 60_000;
/** After this many wrong PINs the lock gives way to a full sign-in, which the server rate limits. */
export const UNLOCK_MAX_TRIES = 5;
const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'touchstart', 'wheel'] as const;

function useIdle(ms: number): [boolean, () => void] {
  const [idle, setIdle] = useState(false);
  useEffect(() => {
    if (idle) return;
    let timer = setTimeout(lock, ms);
    function lock() {
      // A tablet never locks in the middle of a visit.
      if (isCallInProgress()) timer = setTimeout(lock, ms);
      else setIdle(true);
    }
    const active = () => {
      clearTimeout(timer);
      timer = setTimeout(lock, ms);
    };
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, active, { passive: true });
    return () => {
      clearTimeout(timer);
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, active);
    };
  }, [idle, ms]);
  return [idle, () => setIdle(false)];
}

export function IdleLock({ children, onTooManyTries }: { children: ComponentChildren; onTooManyTries: () => void }) {
  const [locked, unlock] = useIdle(IDLE_LOCK_MS);
  return locked ? <LockScreen onUnlocked={unlock} onTooManyTries={onTooManyTries} /> : <>{children}</>;
}

function LockScreen({ onUnlocked, onTooManyTries }: { onUnlocked: () => void; onTooManyTries: () => void }) {
  const { session } = useWard();
  const heading = useScreen('This tablet is locked');
  const [pin, setPin] = useState('');
  const [tries, setTries] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);

  const submit = async () => {
    if (!pin.trim()) return setProblem('Enter the ward PIN');
    if (await checkPin(pin.trim())) return onUnlocked();
    const used = tries + 1;
    setTries(used);
    setPin('');
    if (used >= UNLOCK_MAX_TRIES) return onTooManyTries();
    setProblem(`The PIN is not right. You have ${UNLOCK_MAX_TRIES - used} more ${UNLOCK_MAX_TRIES - used === 1 ? 'try' : 'tries'} before you need to sign in again.`);
  };

  return (
    <Page wardName={session.ward.name}>
      <ErrorSummary problems={problem ? [{ href: 'unlock-pin', message: problem }] : []} />
      <h1 ref={heading}>
        This tablet is locked
      </h1>
      <p class="nhsuk-body">It locked after 10 minutes without use. Enter the ward PIN to carry on.</p>
      <GuardedForm onSubmit={submit} submit="Unlock">
        <TextInput id="unlock-pin" label="PIN" type="password" inputMode="numeric" autoComplete="off" value={pin} onInput={setPin} error={problem ?? undefined} widthClass="nhsuk-input--width-10" />
      </GuardedForm>
    </Page>
  );
}
