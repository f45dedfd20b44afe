import { useState } from 'preact/hooks';
import type { SessionInfo } from '../../shared/index.js';
import { ErrorSummary, GuardedForm, Page, TextInput, useScreen, type Problem } from '../../ui/index.js';
import { ApiError, type ApiClient } from '../../visits/index.js';

/** Ward code and PIN. The server's words are shown as they come (they say when a lockout ends). */
export function SignIn({ api, onSignedIn }: { api: Pick<ApiClient, 'signIn'>; onSignedIn: (session: SessionInfo, pin: string) => Promise<void> }) {
  const heading = useScreen('Sign in');
  const [wardCode, setWardCode] = useState('');
  const [pin, setPin] = useState('');
  const [problems, setProblems] = useState<Problem[]>([]);
  const fieldError = (id: string) => problems.find((p) => p.href === id)?.message;

  const submit = async () => {
    const missing: Problem[] = [];
    if (!wardCode.trim()) missing.push({ href: 'ward-code', message: 'Enter the ward code' });
    if (!pin.trim()) missing.push({ href: 'pin', message: 'Enter the PIN' });
    if (missing.length > 0) return setProblems(missing);
    try {
      // The PIN also unlocks the idle lock later, offline: the app keeps a verifier of it.
      await onSignedIn(await api.signIn(wardCode.trim(), pin.trim()), pin.trim());
    } catch (error) {
      // Wrong details or a lockout are about the pair, not one field: link the summary to the PIN.
      const href = error instanceof ApiError && error.code !== 'server_error' ? 'pin' : undefined;
      setProblems([{ href, message: error instanceof Error ? error.message : String(error) }]);
    }
  };

  return (
    <Page>
      <ErrorSummary problems={problems} />
      <h1 ref={heading}>
        Sign in
      </h1>
      <GuardedForm onSubmit={submit} submit="Sign in">
        <TextInput id="ward-code" label="Ward code" value={wardCode} onInput={setWardCode} error={fieldError('ward-code')} autoComplete="username" spellcheck={false} widthClass="nhsuk-input--width-10" />
        <TextInput id="pin" label="PIN" type="password" inputMode="numeric" autoComplete="off" value={pin} onInput={setPin} error={fieldError('pin')} widthClass="nhsuk-input--width-10" />
      </GuardedForm>
      <details class="nhsuk-details">
        <summary class="nhsuk-details__summary">
          <span class="nhsuk-details__summary-text">Forgotten the ward code or PIN?</span>
        </summary>
        <div class="nhsuk-details__text">
          <p>Ask the nurse in charge or your trust's admin.</p>
          <p>Every tablet on the ward uses the same ward code and PIN. Only your trust's admin can set a new PIN.</p>
        </div>
      </details>
    </Page>
  );
}
