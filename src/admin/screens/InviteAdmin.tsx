import { useState } from 'preact/hooks';
import { ADMIN_EMAIL_MAX_LENGTH, ADMIN_SETUP_LINK_HOURS, type AdminInviteAnswer } from '../../shared/admin.js';
import { Button, ErrorSummary, GuardedForm, TextInput, type Problem } from '../../ui/index.js';
import { BackLink } from '../../ui/BackLink/index.js';
import { Panel } from '../../ui/Panel/index.js';
import { adminApi, problemText } from '../api.js';
import { useAdmin, useAdminScreen } from '../admin-context.js';
import { AdminPage } from '../AdminPage.js';
import { dateTime } from '../format.js';
import { paths } from '../router.js';
import { errorFor } from '../ScreenParts.js';

const TITLE = 'Invite an admin';
/** Enough to catch a slip (a missing @ or domain); the server checks the rest. */
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function InviteAdmin() {
  const [invited, setInvited] = useState<AdminInviteAnswer | null>(null);
  return invited ? <Invited answer={invited} /> : <InviteForm onInvited={setInvited} />;
}

function InviteForm({ onInvited }: { onInvited: (answer: AdminInviteAnswer) => void }) {
  const [email, setEmail] = useState('');
  const [problems, setProblems] = useState<Problem[]>([]);
  const heading = useAdminScreen(TITLE, problems.length > 0);

  const submit = async () => {
    const typed = email.trim();
    if (!typed) return setProblems([{ href: 'email', message: 'Enter their email address' }]);
    if (typed.length > ADMIN_EMAIL_MAX_LENGTH || !EMAIL_SHAPE.test(typed)) {
      return setProblems([{ href: 'email', message: 'Enter an email address in the correct format, like name@example.com' }]);
    }
    try {
      onInvited(await adminApi.invite(typed));
    } catch (error) {
      setProblems([{ href: 'email', message: problemText(error) }]);
    }
  };

  return (
    <AdminPage>
      <BackLink href={paths.admins} />
      <ErrorSummary problems={problems} />
      <h1 ref={heading}>
        {TITLE}
      </h1>
      <p class="nhsuk-body">You will get a set-up link to send them. With it, they choose a password and set up an authenticator app.</p>
      <GuardedForm onSubmit={submit} submit="Get set-up link">
        <TextInput id="email" label="Their email address" type="email" autoComplete="off" spellcheck={false} value={email} onInput={setEmail} error={errorFor(problems, 'email')} widthClass="nhsuk-u-width-two-thirds" />
      </GuardedForm>
    </AdminPage>
  );
}

/** The link is shown this once: the server keeps only its hash. */
function Invited({ answer }: { answer: AdminInviteAnswer }) {
  const heading = useAdminScreen('Admin invited');
  const timeZone = useAdmin()!.session.timeZone;
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const copy = async () => {
    // The clipboard can be refused (browser setting, no secure origin): then the admin selects the link by hand.
    await navigator.clipboard.writeText(answer.setupLink).then(
      () => setCopied('yes'),
      () => setCopied('failed'),
    );
  };
  return (
    <AdminPage>
      <Panel heading="Admin invited" headingRef={heading}>
        {answer.admin.email}
      </Panel>
      <h2 class="nhsuk-heading-m">Send them this set-up link</h2>
      <p class="nhsuk-body">
        {`It works for ${ADMIN_SETUP_LINK_HOURS} hours (until ${dateTime(answer.expiresAt, timeZone)}) and only once. It will not be shown again: if it is lost, invite them again.`}
      </p>
      <p class="nhsuk-body app-setup-link">
        <code id="setup-link">{answer.setupLink}</code>
      </p>
      <Button variant="secondary" onClick={copy}>
        Copy link
      </Button>
      <p class="nhsuk-body" aria-live="polite">
        {copied === 'yes' ? 'Link copied' : copied === 'failed' ? 'The link could not be copied. Select it and copy it yourself.' : ''}
      </p>
      <p class="nhsuk-body">Send it only to them, for example by email from your work account. Anyone with the link can set up this admin account.</p>
      <p class="nhsuk-body">
        <a href={paths.admins}>Back to admins</a>
      </p>
    </AdminPage>
  );
}
