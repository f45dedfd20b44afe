import { useEffect, useState } from 'preact/hooks';
import { ADMIN_SETUP_LINK_HOURS } from '../../shared/admin.js';
import { ErrorSummary, GuardedForm, type Problem } from '../../ui/index.js';
import { Panel } from '../../ui/Panel/index.js';
import { ApiError, adminApi, problemText } from '../api.js';
import { useAdminScreen } from '../admin-context.js';
import { AdminPage } from '../AdminPage.js';
import { errorFor } from '../ScreenParts.js';
import { paths } from '../router.js';
import { NewPasswordFields } from './NewPasswordFields.js';
import { passwordProblems } from './password-rules.js';

const SETUP_PATH = '/admin/setup';

/** The token from a set-up link: <origin>/admin/setup#token=… (after a #, so it never reaches a server log). */
function tokenFromHash(hash: string): string | null {
  return new URLSearchParams(hash.replace(/^#/, '')).get('token');
}

/**
 * A new admin chooses a password from their one-time set-up link. The token is read once and
 * taken out of the address bar, so it is not left in history or on a shared screen.
 */
export function SetUp() {
  const [token] = useState(() => tokenFromHash(location.hash));
  useEffect(() => {
    if (location.hash) history.replaceState(null, '', SETUP_PATH);
  }, []);
  const [email, setEmail] = useState<string | null>(null);
  if (email) return <SetUpDone email={email} />;
  if (!token) return <NoToken />;
  return <ChoosePassword token={token} onDone={setEmail} />;
}

function ChoosePassword({ token, onDone }: { token: string; onDone: (email: string) => void }) {
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const [problems, setProblems] = useState<Problem[]>([]);
  const heading = useAdminScreen('Choose a password', problems.length > 0);

  const submit = async () => {
    const found = passwordProblems('password', password, 'password-again', again);
    if (found.length > 0) return setProblems(found);
    try {
      onDone((await adminApi.setUp(token, password)).email);
    } catch (error) {
      // A weak password is about the box; an expired or used link is about the whole page.
      const href = error instanceof ApiError && error.code === 'weak_password' ? 'password' : undefined;
      setProblems([{ href, message: problemText(error) }]);
    }
  };

  return (
    <AdminPage>
      <ErrorSummary problems={problems} />
      <h1 ref={heading}>
        Choose a password
      </h1>
      <p class="nhsuk-body">You will use it with your email address to sign in to the trust admin area.</p>
      <GuardedForm onSubmit={submit} submit="Save password">
        <NewPasswordFields id="password" label="Password" value={password} again={again} onInput={setPassword} onAgain={setAgain} errorFor={(id) => errorFor(problems, id)} />
      </GuardedForm>
    </AdminPage>
  );
}

function SetUpDone({ email }: { email: string }) {
  const heading = useAdminScreen('Your password is saved');
  return (
    <AdminPage>
      <Panel heading="Your password is saved" headingRef={heading}>
        {`You can now sign in as ${email}.`}
      </Panel>
      <p class="nhsuk-body">When you first sign in, you will set up an authenticator app on your phone.</p>
      <a class="nhsuk-button" href={paths.signIn} draggable={false}>
        Sign in
      </a>
    </AdminPage>
  );
}

function NoToken() {
  const heading = useAdminScreen('This set-up link does not work');
  return (
    <AdminPage>
      <h1 ref={heading}>
        This set-up link does not work
      </h1>
      <p class="nhsuk-body">
        {`The link may be incomplete, or it was already used. A set-up link works once, for ${ADMIN_SETUP_LINK_HOURS} hours. Ask another admin to invite you again, or copy the whole link from your message.`}
      </p>
      <p class="nhsuk-body">
        <a href={paths.signIn}>Sign in</a> if you already have a password.
      </p>
    </AdminPage>
  );
}

