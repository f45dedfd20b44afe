import { useState } from 'preact/hooks';
import type { WardPinAnswer } from '../../shared/admin.js';
import { ErrorSummary, GuardedForm, TextInput, type Problem } from '../../ui/index.js';
import { BackLink } from '../../ui/BackLink/index.js';
import { adminApi, problemText } from '../api.js';
import { useAdminScreen } from '../admin-context.js';
import { AdminPage } from '../AdminPage.js';
import { paths } from '../router.js';
import { errorFor } from '../ScreenParts.js';
import type { WardWithHospital } from '../use-hospitals.js';
import { NewPin } from './NewPin.js';
import { WithWard } from './WardScreen.js';
import { PIN_HINT, pinProblem, tabletsSignedOut } from './ward-rules.js';

const TITLE = 'Reset PIN';

export function ResetPin({ id }: { id: string }) {
  // The answer lives here, outside the loading wrapper, so the new PIN survives the list's reload.
  const [answer, setAnswer] = useState<WardPinAnswer | null>(null);
  if (answer) return <PinReset answer={answer} />;
  return <WithWard id={id} title={TITLE}>{(found) => <ResetPinForm found={found} onReset={setAnswer} />}</WithWard>;
}

function ResetPinForm({ found: { ward }, onReset }: { found: WardWithHospital; onReset: (answer: WardPinAnswer) => void }) {
  const [pin, setPin] = useState('');
  const [problems, setProblems] = useState<Problem[]>([]);
  const heading = useAdminScreen(TITLE, problems.length > 0);

  const submit = async () => {
    const problem = pinProblem('pin', pin);
    if (problem) return setProblems([problem]);
    try {
      onReset(await adminApi.resetPin(ward.id, pin.trim() || undefined));
    } catch (error) {
      setProblems([{ href: 'pin', message: problemText(error) }]);
    }
  };

  return (
    <AdminPage>
      <BackLink href={paths.ward(ward.id)} />
      <ErrorSummary problems={problems} />
      <span class="nhsuk-caption-l">{ward.name}</span>
      <h1 ref={heading}>
        {TITLE}
      </h1>
      <p class="nhsuk-body">Every tablet signed in to {ward.name} will be signed out. Nurses then sign in again with the new PIN.</p>
      <GuardedForm onSubmit={submit} submit="Reset PIN" variant="warning">
        <TextInput id="pin" label="New PIN (optional)" hint={PIN_HINT} inputMode="numeric" autoComplete="off" value={pin} onInput={setPin} error={errorFor(problems, 'pin')} widthClass="nhsuk-input--width-10" />
      </GuardedForm>
    </AdminPage>
  );
}

function PinReset({ answer }: { answer: WardPinAnswer }) {
  const heading = useAdminScreen('PIN reset');
  return (
    <AdminPage>
      <NewPin heading={`PIN reset for ${answer.ward.name}`} headingRef={heading} pin={answer.generatedPin}>
        <p class="nhsuk-body">{tabletsSignedOut(answer.signedOut)}</p>
        <p class="nhsuk-body">
          <a href={paths.ward(answer.ward.id)}>Back to {answer.ward.name}</a>
        </p>
      </NewPin>
    </AdminPage>
  );
}
