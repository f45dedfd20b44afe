import { useState } from 'preact/hooks';
import type { AdminSignInStep } from '../../shared/admin.js';
import { ErrorSummary, GuardedForm, TextInput, type Problem } from '../../ui/index.js';
import { ApiError, adminApi, problemText } from '../api.js';
import { useAdminScreen } from '../admin-context.js';
import { AdminPage } from '../AdminPage.js';
import { ArrivalNotice, errorFor } from '../ScreenParts.js';

/** Step one: email and password. The server's words are shown as they come (they say when a lockout ends). */
export function SignIn({ onAnswer, startProblem }: { onAnswer: (answer: AdminSignInStep) => void; startProblem?: string | undefined }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [problems, setProblems] = useState<Problem[]>(startProblem ? [{ message: startProblem }] : []);
  const heading = useAdminScreen('Sign in', problems.length > 0);

  const submit = async () => {
    const missing: Problem[] = [];
    if (!email.trim()) missing.push({ href: 'email', message: 'Enter your email address' });
    if (!password) missing.push({ href: 'password', message: 'Enter your password' });
    if (missing.length > 0) return setProblems(missing);
    try {
      onAnswer(await adminApi.signIn(email.trim(), password));
    } catch (error) {
      // Wrong details or a lockout are about the pair, not one field: link the summary to the password.
      const href = error instanceof ApiError && error.status < 500 ? 'password' : undefined;
      setProblems([{ href, message: problemText(error) }]);
    }
  };

  return (
    <AdminPage>
      <ArrivalNotice />
      <ErrorSummary problems={problems} />
      <h1 ref={heading}>
        Sign in
      </h1>
      <p class="nhsuk-body">Sign in to manage your trust's hospitals and wards and to read reports.</p>
      <GuardedForm onSubmit={submit} submit="Continue">
        <TextInput id="email" label="Email address" type="email" autoComplete="username" spellcheck={false} value={email} onInput={setEmail} error={errorFor(problems, 'email')} widthClass="nhsuk-u-width-two-thirds" />
        <TextInput id="password" label="Password" type="password" autoComplete="current-password" value={password} onInput={setPassword} error={errorFor(problems, 'password')} widthClass="nhsuk-u-width-two-thirds" />
      </GuardedForm>
    </AdminPage>
  );
}
