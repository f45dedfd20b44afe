import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { Button, ErrorSummary, SuccessBanner } from '../../ui/index.js';
import { BackLink } from '../../ui/BackLink/index.js';
import { SummaryList } from '../../ui/SummaryList/index.js';
import { adminApi, problemText } from '../api.js';
import { useAdminScreen } from '../admin-context.js';
import { AdminPage } from '../AdminPage.js';
import { paths } from '../router.js';
import { ArrivalNotice, ButtonLink, LoadFailedScreen, LoadingScreen } from '../ScreenParts.js';
import { findWard, useHospitals, type WardWithHospital } from '../use-hospitals.js';
import { WardStatus } from './Home.js';

/** Loads the hospital list and picks out one ward: the ward screens' shared start. */
export function WithWard({ id, title, children }: { id: string; title: string; children: (found: WardWithHospital, reload: () => void) => JSX.Element }) {
  const [hospitals, reload] = useHospitals();
  if (hospitals.state === 'loading') return <LoadingScreen title={title} />;
  if (hospitals.state === 'failed') return <LoadFailedScreen message={hospitals.message} onRetry={reload} />;
  const found = findWard(hospitals.data, id);
  if (!found) return <LoadFailedScreen message="There is no ward at this address. Go back to hospitals and wards." onRetry={reload} />;
  return children(found, reload);
}

export function WardScreen({ id }: { id: string }) {
  return (
    <WithWard id={id} title="Ward">
      {(found, reload) => <WardDetails found={found} reload={reload} />}
    </WithWard>
  );
}

function WardDetails({ found: { ward, hospital }, reload }: { found: WardWithHospital; reload: () => void }) {
  const heading = useAdminScreen(ward.name);
  const [problem, setProblem] = useState<string | null>(null);
  const [unarchived, setUnarchived] = useState(false);
  const change = { href: paths.changeWard(ward.id) };

  const unarchive = async () => {
    try {
      await adminApi.unarchiveWard(ward.id);
      setProblem(null);
      setUnarchived(true);
      reload();
    } catch (error) {
      setProblem(problemText(error));
    }
  };

  return (
    <AdminPage>
      <BackLink href={paths.home} text="Back to hospitals and wards" />
      {unarchived ? <SuccessBanner>{`${ward.name} is active again. Nurses can sign in to its tablets and book visits.`}</SuccessBanner> : <ArrivalNotice />}
      {problem && <ErrorSummary problems={[{ message: problem }]} />}
      <span class="nhsuk-caption-l">{hospital.name}</span>
      <h1 ref={heading}>
        {ward.name}
      </h1>
      <SummaryList
        rows={[
          { key: 'Ward name', value: ward.name, change },
          { key: 'Ward code', value: ward.code, change },
          { key: 'Phone number for families', value: ward.phone ?? 'Not given', change },
          { key: 'Hospital', value: hospital.name, change },
          { key: 'Status', value: <WardStatus ward={ward} /> },
        ]}
      />
      <h2 class="nhsuk-heading-m">PIN</h2>
      <p class="nhsuk-body">Reset the PIN if it may be known by someone who should not have it. Every tablet signed in to the ward is signed out.</p>
      <ButtonLink href={paths.resetPin(ward.id)} secondary>
        Reset PIN
      </ButtonLink>
      {ward.archived ? (
        <>
          <h2 class="nhsuk-heading-m">Archived</h2>
          <p class="nhsuk-body">This ward takes no bookings, and its tablets cannot sign in. Unarchive it to run visits again.</p>
          <Button variant="secondary" onClick={unarchive}>
            Unarchive ward
          </Button>
        </>
      ) : (
        <>
          <h2 class="nhsuk-heading-m">Archive</h2>
          <p class="nhsuk-body">Archive a ward that no longer runs visits. Its reports are kept.</p>
          <a class="nhsuk-button nhsuk-button--warning" href={paths.archiveWard(ward.id)} draggable={false}>
            Archive ward
          </a>
        </>
      )}
    </AdminPage>
  );
}
