import { useState } from 'preact/hooks';
import { ErrorSummary, GuardedForm, TextInput, type Problem } from '../../ui/index.js';
// Not through the index: the QR code library then stays in the chunk of the screens that draw one.
import { QrCode } from '../../ui/QrCode/index.js';
import { useAdminScreen } from '../admin-context.js';
import { AdminPage } from '../AdminPage.js';
import { errorFor } from '../ScreenParts.js';

/** Sends a code; answers the problem to show, or null when the journey moved on. */
type SendCode = (code: string) => Promise<string | null>;

/** Groups of 4 are easier to copy by eye; authenticator apps ignore the spaces. */
const SECRET_GROUP = 4;

function useCodeForm(onCode: SendCode) {
  const [code, setCode] = useState('');
  const [problems, setProblems] = useState<Problem[]>([]);
  const submit = async () => {
    const typed = code.replace(/\s+/g, '');
    if (!typed) return setProblems([{ href: 'code', message: 'Enter the code' }]);
    const problem = await onCode(typed);
    if (problem) setProblems([{ href: 'code', message: problem }]);
  };
  return { code, setCode, problems, submit };
}

/** Step two on every sign-in after the first: the 6-digit code, or one of the recovery codes. */
export function SecondFactor({ onCode }: { onCode: SendCode }) {
  const form = useCodeForm(onCode);
  const heading = useAdminScreen('Enter the code from your authenticator app', form.problems.length > 0);
  return (
    <AdminPage>
      <ErrorSummary problems={form.problems} />
      <h1 ref={heading}>
        Enter the code from your authenticator app
      </h1>
      <GuardedForm onSubmit={form.submit} submit="Sign in">
        <TextInput
          id="code"
          label="Code"
          hint="The 6-digit code your authenticator app shows for Ward virtual visits. If you do not have your phone, enter one of your recovery codes instead."
          autoComplete="one-time-code"
          spellcheck={false}
          value={form.code}
          onInput={form.setCode}
          error={errorFor(form.problems, 'code')}
          widthClass="nhsuk-input--width-10"
        />
      </GuardedForm>
    </AdminPage>
  );
}

/** The first sign-in: add the service to an authenticator app by QR code or by typing the key, then prove it works. */
export function SetUpAuthenticator({ otpauthUri, secret, onCode }: { otpauthUri: string; secret: string; onCode: SendCode }) {
  const form = useCodeForm(onCode);
  const heading = useAdminScreen('Set up your authenticator app', form.problems.length > 0);
  const grouped = secret.match(new RegExp(`.{1,${SECRET_GROUP}}`, 'g'))?.join(' ') ?? secret;
  return (
    <AdminPage>
      <ErrorSummary problems={form.problems} />
      <h1 ref={heading}>
        Set up your authenticator app
      </h1>
      <p class="nhsuk-body">
        Each time you sign in, you will need a code from an authenticator app on your phone, as well as your password. Use any
        authenticator app, such as Microsoft Authenticator or Google Authenticator.
      </p>
      <h2 class="nhsuk-heading-s">1. Add Ward virtual visits to the app</h2>
      <p class="nhsuk-body">In the app, choose to add an account, then scan this QR code.</p>
      <QrCode text={otpauthUri} label="QR code to add Ward virtual visits to your authenticator app" />
      <p class="nhsuk-body">If you cannot scan it, choose to enter a key instead, and type this key:</p>
      <p class="nhsuk-body">
        <code class="app-secret" id="secret">
          {grouped}
        </code>
      </p>
      <h2 class="nhsuk-heading-s">2. Enter the code the app shows</h2>
      <GuardedForm onSubmit={form.submit} submit="Continue">
        <TextInput
          id="code"
          label="Code"
          hint="The 6-digit code. It changes every 30 seconds."
          inputMode="numeric"
          autoComplete="one-time-code"
          value={form.code}
          onInput={form.setCode}
          error={errorFor(form.problems, 'code')}
          widthClass="nhsuk-input--width-10"
        />
      </GuardedForm>
    </AdminPage>
  );
}
