import { useState } from 'preact/hooks';
import { ErrorSummary, GuardedForm, TextInput, type Problem } from '../../ui/index.js';
import { BackLink } from '../../ui/BackLink/index.js';
import { Select } from '../../ui/Select/index.js';
import { adminApi, problemText } from '../api.js';
import { useAdminScreen } from '../admin-context.js';
import { AdminPage } from '../AdminPage.js';
import { navigate, paths } from '../router.js';
import { errorFor } from '../ScreenParts.js';
import type { WardWithHospital } from '../use-hospitals.js';
import { WithWard } from './WardScreen.js';
import { tidyWardPhone } from '../../shared/ward-phone.js';
import { PHONE_HINT, PHONE_LABEL, phoneProblem, wardCodeProblem, wardNameProblem } from './ward-rules.js';

const TITLE = 'Change ward details';

export function ChangeWard({ id }: { id: string }) {
  return <WithWard id={id} title={TITLE}>{(found) => <ChangeWardForm found={found} />}</WithWard>;
}

/** Sends only what changed, so the audit log says exactly what the admin did. */
function ChangeWardForm({ found: { ward, hospitals } }: { found: WardWithHospital }) {
  const [name, setName] = useState(ward.name);
  const [code, setCode] = useState(ward.code);
  const [hospitalId, setHospitalId] = useState(ward.hospitalId);
  const [phone, setPhone] = useState(ward.phone ?? '');
  const [problems, setProblems] = useState<Problem[]>([]);
  const heading = useAdminScreen(TITLE, problems.length > 0);
  const back = paths.ward(ward.id);

  const submit = async () => {
    const found = [wardNameProblem('ward-name', name), wardCodeProblem('ward-code', code), phoneProblem('phone', phone)].filter((p): p is Problem => p !== null);
    if (found.length > 0) return setProblems(found);
    // Emptied: the ward no longer has a number (null removes it).
    const newPhone = tidyWardPhone(phone) || null;
    const change = {
      ...(name.trim() !== ward.name ? { name: name.trim() } : {}),
      ...(code.trim() !== ward.code ? { code: code.trim() } : {}),
      ...(hospitalId !== ward.hospitalId ? { hospitalId } : {}),
      ...(newPhone !== ward.phone ? { phone: newPhone } : {}),
    };
    if (Object.keys(change).length === 0) return navigate(back, { replace: true });
    try {
      await adminApi.changeWard(ward.id, change);
      navigate(back, { replace: true, state: { notice: 'Ward details changed' } });
    } catch (error) {
      setProblems([{ href: change.code ? 'ward-code' : 'ward-name', message: problemText(error) }]);
    }
  };

  return (
    <AdminPage>
      <BackLink href={back} />
      <ErrorSummary problems={problems} />
      <span class="nhsuk-caption-l">{ward.name}</span>
      <h1 ref={heading}>
        {TITLE}
      </h1>
      <GuardedForm onSubmit={submit} submit="Save changes">
        <TextInput id="ward-name" label="Ward name" value={name} onInput={setName} error={errorFor(problems, 'ward-name')} autoComplete="off" widthClass="nhsuk-u-width-two-thirds" />
        <TextInput
          id="ward-code"
          label="Ward code"
          hint="If you change it, tell the ward's nurses the new code: they type it to sign in to the ward's tablets."
          value={code}
          onInput={setCode}
          error={errorFor(problems, 'ward-code')}
          autoComplete="off"
          spellcheck={false}
          widthClass="nhsuk-input--width-10"
        />
        <TextInput id="phone" label={PHONE_LABEL} hint={PHONE_HINT} type="tel" autoComplete="off" value={phone} onInput={setPhone} error={errorFor(problems, 'phone')} widthClass="nhsuk-input--width-20" />
        <Select id="hospital" label="Hospital" value={hospitalId} onChange={setHospitalId} options={hospitals.map((h) => ({ value: h.id, label: h.name }))} />
      </GuardedForm>
    </AdminPage>
  );
}
