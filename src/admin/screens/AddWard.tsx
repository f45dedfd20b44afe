import { useState } from 'preact/hooks';
import type { HospitalSummary, WardPinAnswer } from '../../shared/admin.js';
import { tidyWardPhone } from '../../shared/ward-phone.js';
import { ErrorSummary, GuardedForm, TextInput, type Problem } from '../../ui/index.js';
import { BackLink } from '../../ui/BackLink/index.js';
import { Select } from '../../ui/Select/index.js';
import { adminApi, problemText } from '../api.js';
import { useAdminScreen } from '../admin-context.js';
import { AdminPage } from '../AdminPage.js';
import { navigate, paths } from '../router.js';
import { errorFor, LoadFailedScreen, LoadingScreen } from '../ScreenParts.js';
import { useHospitals } from '../use-hospitals.js';
import { NewPin } from './NewPin.js';
import { PHONE_HINT, PHONE_LABEL, phoneProblem, PIN_HINT, pinProblem, wardCodeProblem, wardNameProblem } from './ward-rules.js';

const TITLE = 'Add a ward';

export function AddWard({ hospitalId }: { hospitalId?: string | undefined }) {
  const [hospitals, reload] = useHospitals();
  const [added, setAdded] = useState<WardPinAnswer | null>(null);
  if (added?.generatedPin) return <WardAdded answer={added} />;
  if (hospitals.state === 'loading') return <LoadingScreen title={TITLE} />;
  if (hospitals.state === 'failed') return <LoadFailedScreen message={hospitals.message} onRetry={reload} />;
  return <AddWardForm hospitals={hospitals.data} start={hospitalId} onAdded={setAdded} />;
}

function AddWardForm({ hospitals, start, onAdded }: { hospitals: HospitalSummary[]; start: string | undefined; onAdded: (answer: WardPinAnswer) => void }) {
  const only = hospitals.length === 1 ? hospitals[0]!.id : '';
  const [hospitalId, setHospitalId] = useState(start ?? only);
  const [name, setName] = useState('');
  const [code, setCode] = useState('');
  const [pin, setPin] = useState('');
  const [phone, setPhone] = useState('');
  const [problems, setProblems] = useState<Problem[]>([]);
  const heading = useAdminScreen(TITLE, problems.length > 0);

  const submit = async () => {
    const found = [
      hospitalId ? null : { href: 'hospital', message: 'Select the hospital the ward is in' },
      wardNameProblem('ward-name', name),
      wardCodeProblem('ward-code', code),
      pinProblem('pin', pin),
      phoneProblem('phone', phone),
    ].filter((p): p is Problem => p !== null);
    if (found.length > 0) return setProblems(found);
    try {
      const answer = await adminApi.addWard({
        hospitalId,
        name: name.trim(),
        code: code.trim(),
        ...(pin.trim() ? { pin: pin.trim() } : {}),
        ...(tidyWardPhone(phone) ? { phone: tidyWardPhone(phone) } : {}),
      });
      if (answer.generatedPin) onAdded(answer);
      else navigate(paths.ward(answer.ward.id), { replace: true, state: { notice: `${answer.ward.name} added` } });
    } catch (error) {
      // A code already taken is the usual refusal; anything else is about the whole form.
      setProblems([{ href: 'ward-code', message: problemText(error) }]);
    }
  };

  return (
    <AdminPage>
      <BackLink href={paths.home} />
      <ErrorSummary problems={problems} />
      <h1 ref={heading}>
        {TITLE}
      </h1>
        <GuardedForm onSubmit={submit} submit="Add ward">
          <Select
            id="hospital"
            label="Hospital"
            value={hospitalId}
            onChange={setHospitalId}
            options={[{ value: '', label: 'Select a hospital' }, ...hospitals.map((h) => ({ value: h.id, label: h.name }))]}
            error={errorFor(problems, 'hospital')}
          />
          <TextInput id="ward-name" label="Ward name" hint="As families know it, for example Ward 7 or Rainbow Ward" value={name} onInput={setName} error={errorFor(problems, 'ward-name')} autoComplete="off" widthClass="nhsuk-u-width-two-thirds" />
          <TextInput
            id="ward-code"
            label="Ward code"
            hint="Nurses type this to sign in to the ward's tablets. Letters and numbers only, for example W7 or RAINBOW."
            value={code}
            onInput={setCode}
            error={errorFor(problems, 'ward-code')}
            autoComplete="off"
            spellcheck={false}
            widthClass="nhsuk-input--width-10"
          />
          <TextInput id="phone" label={PHONE_LABEL} hint={PHONE_HINT} type="tel" autoComplete="off" value={phone} onInput={setPhone} error={errorFor(problems, 'phone')} widthClass="nhsuk-input--width-20" />
          <TextInput id="pin" label="PIN (optional)" hint={PIN_HINT} inputMode="numeric" autoComplete="off" value={pin} onInput={setPin} error={errorFor(problems, 'pin')} widthClass="nhsuk-input--width-10" />
        </GuardedForm>
    </AdminPage>
  );
}

function WardAdded({ answer }: { answer: WardPinAnswer }) {
  const heading = useAdminScreen('Ward added');
  return (
    <AdminPage>
      <NewPin heading={`${answer.ward.name} added`} headingRef={heading} pin={answer.generatedPin}>
        <p class="nhsuk-body">
          <a href={paths.ward(answer.ward.id)}>Go to {answer.ward.name}</a>
        </p>
        <p class="nhsuk-body">
          <a href={paths.home}>Back to hospitals and wards</a>
        </p>
      </NewPin>
    </AdminPage>
  );
}
