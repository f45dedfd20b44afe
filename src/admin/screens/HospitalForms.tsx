import { useState } from 'preact/hooks';
import { HOSPITAL_NAME_MAX_LENGTH, type HospitalSummary } from '../../shared/admin.js';
import { ErrorSummary, GuardedForm, TextInput, type Problem } from '../../ui/index.js';
import { BackLink } from '../../ui/BackLink/index.js';
import { adminApi, problemText } from '../api.js';
import { useAdminScreen } from '../admin-context.js';
import { AdminPage } from '../AdminPage.js';
import { navigate, paths } from '../router.js';
import { errorFor, LoadFailedScreen, LoadingScreen } from '../ScreenParts.js';
import { useHospitals } from '../use-hospitals.js';

function nameProblem(name: string): Problem | null {
  if (!name.trim()) return { href: 'hospital-name', message: "Enter the hospital's name" };
  if (name.trim().length > HOSPITAL_NAME_MAX_LENGTH) return { href: 'hospital-name', message: `Name must be ${HOSPITAL_NAME_MAX_LENGTH} characters or fewer` };
  return null;
}

function HospitalForm(props: { title: string; submit: string; start: string; send: (name: string) => Promise<string> }) {
  const [name, setName] = useState(props.start);
  const [problems, setProblems] = useState<Problem[]>([]);
  const heading = useAdminScreen(props.title, problems.length > 0);
  const submit = async () => {
    const problem = nameProblem(name);
    if (problem) return setProblems([problem]);
    try {
      navigate(paths.home, { state: { notice: await props.send(name.trim()) } });
    } catch (error) {
      setProblems([{ href: 'hospital-name', message: problemText(error) }]);
    }
  };
  return (
    <AdminPage>
      <BackLink href={paths.home} />
      <ErrorSummary problems={problems} />
      <h1 ref={heading}>
        {props.title}
      </h1>
      <GuardedForm onSubmit={submit} submit={props.submit}>
        <TextInput id="hospital-name" label="Hospital name" hint="As families know it, for example St Mary's Hospital" value={name} onInput={setName} error={errorFor(problems, 'hospital-name')} autoComplete="off" widthClass="nhsuk-u-width-two-thirds" />
      </GuardedForm>
    </AdminPage>
  );
}

export function AddHospital() {
  return (
    <HospitalForm
      title="Add a hospital"
      submit="Add hospital"
      start=""
      send={async (name) => {
        await adminApi.addHospital(name);
        return `${name} added`;
      }}
    />
  );
}

export function RenameHospital({ id }: { id: string }) {
  const [hospitals, reload] = useHospitals();
  if (hospitals.state === 'loading') return <LoadingScreen title="Change hospital name" />;
  if (hospitals.state === 'failed') return <LoadFailedScreen message={hospitals.message} onRetry={reload} />;
  const hospital: HospitalSummary | undefined = hospitals.data.find((h) => h.id === id);
  if (!hospital) return <LoadFailedScreen message="There is no hospital at this address. Go back to hospitals and wards." onRetry={reload} />;
  return (
    <HospitalForm
      title="Change hospital name"
      submit="Save name"
      start={hospital.name}
      send={async (name) => {
        await adminApi.renameHospital(id, name);
        return `Hospital name changed to ${name}`;
      }}
    />
  );
}
