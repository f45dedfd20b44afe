import { useState } from 'preact/hooks';
import { PASSWORD_MIN_LENGTH } from '../../shared/admin.js';
import { ErrorSummary, GuardedForm, SuccessBanner, TextInput, type Problem } from '../../ui/index.js';
import { ApiError, adminApi, problemText } from '../api.js';
import { useAdminScreen } from '../admin-context.js';
import { AdminPage } from '../AdminPage.js';
import { errorFor } from '../ScreenParts.js';
import { passwordProblems } from './password-rules.js';

const TITLE = 'Change your password';

export function ChangePassword() {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [problems, setProblems] = useState<Problem[]>([]);
  const [changed, setChanged] = useState(false);
  const heading = useAdminScreen(TITLE, problems.length > 0);

  const submit = async () => {
    setChanged(false);
    const found = current ? passwordProblems('new-password', next, 'new-password-again', again) : [{ href: 'current-password', message: 'Enter your current password' }];
    if (found.length > 0) return setProblems(found);
    try {
      await adminApi.changePassword(current, next);
      setProblems([]);
      setCurrent('');
      setNext('');
      setAgain('');
      setChanged(true);
    } catch (error) {
      const href = error instanceof ApiError && error.code === 'weak_password' ? 'new-password' : 'current-password';
      setProblems([{ href, message: problemText(error) }]);
    }
  };

  return (
    <AdminPage>
      {changed && <SuccessBanner>Your password has been changed. You have been signed out everywhere else.</SuccessBanner>}
      <ErrorSummary problems={problems} />
      <h1 ref={heading} tabIndex={-1}>
        {TITLE}
      </h1>
      <GuardedForm onSubmit={submit} submit="Change password">
        <TextInput id="current-password" label="Current password" type="password" autoComplete="current-password" value={current} onInput={setCurrent} error={errorFor(problems, 'current-password')} widthClass="nhsuk-u-width-two-thirds" />
        <TextInput
          id="new-password"
          label="New password"
          hint={`At least ${PASSWORD_MIN_LENGTH} characters. A few unrelated words together are long and easy to remember.`}
          type="password"
          autoComplete="new-password"
          value={next}
          onInput={setNext}
          error={errorFor(problems, 'new-password')}
          widthClass="nhsuk-u-width-two-thirds"
        />
        <TextInput id="new-password-again" label="Enter the new password again" type="password" autoComplete="new-password" value={again} onInput={setAgain} error={errorFor(problems, 'new-password-again')} widthClass="nhsuk-u-width-two-thirds" />
      </GuardedForm>
    </AdminPage>
  );
}
