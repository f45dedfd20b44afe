import type { HospitalSummary, WardSummary } from '../../shared/admin.js';
import { Tag } from '../../ui/index.js';
import { useAdminScreen } from '../admin-context.js';
import { AdminPage } from '../AdminPage.js';
import { paths } from '../router.js';
import { ArrivalNotice, ButtonLink, LoadFailedScreen, LoadingScreen } from '../ScreenParts.js';
import { useHospitals } from '../use-hospitals.js';

const TITLE = 'Hospitals and wards';

/** Every hospital of the trust with its wards, archived ones too (marked so). */
export function Home() {
  const [hospitals, reload] = useHospitals();
  if (hospitals.state === 'loading') return <LoadingScreen title={TITLE} />;
  if (hospitals.state === 'failed') return <LoadFailedScreen message={hospitals.message} onRetry={reload} />;
  return <HospitalList hospitals={hospitals.data} />;
}

function HospitalList({ hospitals }: { hospitals: HospitalSummary[] }) {
  const heading = useAdminScreen(TITLE);
  return (
    <AdminPage>
      <ArrivalNotice />
      <h1 ref={heading}>
        {TITLE}
      </h1>
      {hospitals.length === 0 ? (
        <p class="nhsuk-body">There are no hospitals yet. Add a hospital first, then its wards.</p>
      ) : (
        hospitals.map((hospital) => <HospitalSection key={hospital.id} hospital={hospital} />)
      )}
      <div class="app-button-group">
        <ButtonLink href={paths.addHospital} secondary={hospitals.length > 0}>
          Add a hospital
        </ButtonLink>
        {hospitals.length > 0 && <ButtonLink href={paths.addWard()}>Add a ward</ButtonLink>}
      </div>
    </AdminPage>
  );
}

function HospitalSection({ hospital }: { hospital: HospitalSummary }) {
  const headingId = `hospital-${hospital.id}`;
  return (
    <section class="app-hospital" aria-labelledby={headingId}>
      <div class="app-hospital__heading">
        <h2 class="nhsuk-heading-m" id={headingId}>
          {hospital.name}
        </h2>
        <a href={paths.renameHospital(hospital.id)}>
          Change name<span class="nhsuk-u-visually-hidden"> of {hospital.name}</span>
        </a>
      </div>
      {hospital.wards.length === 0 ? <p class="nhsuk-body">No wards yet.</p> : <WardList wards={hospital.wards} />}
      <p class="nhsuk-body">
        <a href={paths.addWard(hospital.id)}>
          Add a ward<span class="nhsuk-u-visually-hidden"> to {hospital.name}</span>
        </a>
      </p>
    </section>
  );
}

/** nhsuk summary list markup, with "Manage" in place of its usual "Change". */
function WardList({ wards }: { wards: WardSummary[] }) {
  return (
    <dl class="nhsuk-summary-list">
      {wards.map((ward) => (
        <div class="nhsuk-summary-list__row" key={ward.id}>
          <dt class="nhsuk-summary-list__key">{ward.name}</dt>
          <dd class="nhsuk-summary-list__value">
            <span class="app-ward-code">Code: {ward.code}</span> <WardStatus ward={ward} />
          </dd>
          <dd class="nhsuk-summary-list__actions">
            <a href={paths.ward(ward.id)}>
              Manage<span class="nhsuk-u-visually-hidden"> {ward.name}</span>
            </a>
          </dd>
        </div>
      ))}
    </dl>
  );
}

export function WardStatus({ ward }: { ward: WardSummary }) {
  return ward.archived ? <Tag colour="grey">Archived</Tag> : <Tag colour="green">Active</Tag>;
}
