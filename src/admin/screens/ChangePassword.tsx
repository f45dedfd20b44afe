import { useState } from 'preact/hooks';
import { ErrorSummary, GuardedForm, SuccessBanner, TextInput, type Problem } from '../../ui/index.js';
import { ApiError, adminApi, problemText } from '../api.js';
import { useAdminScreen } from '../admin-context.js';
import { AdminPage } from '../AdminPage.js';
import { errorFor } from '../ScreenParts.js';
import { NewPasswordFields } from './NewPasswordFields.js';
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
      <h1 ref={heading}>
        {TITLE}
      </h1>
      <GuardedForm onSubmit={submit} submit="Change password">
        <TextInput id="current-password" label="Current password" type="password" autoComplete="current-password" value={current} onInput={setCurrent} error={errorFor(problems, 'current-password')} widthClass="nhsuk-u-width-two-thirds" />
        <NewPasswordFields id="new-password" label="New password" value={next} again={again} onInput={setNext} onAgain={setAgain} errorFor={(id) => errorFor(problems, id)} />
      </GuardedForm>
    </AdminPage>
  );
}
