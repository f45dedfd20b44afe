import type { AdminSummary } from '../../shared/admin.js';
import { Tag } from '../../ui/index.js';
import { Table } from '../../ui/Table/index.js';
import { useAdmin, useAdminScreen } from '../admin-context.js';
import { AdminPage } from '../AdminPage.js';
import { adminApi } from '../api.js';
import { date } from '../format.js';
import { paths } from '../router.js';
import { ArrivalNotice, ButtonLink, LoadFailedScreen, LoadingScreen } from '../ScreenParts.js';
import { useLoad } from '../use-load.js';

const TITLE = 'Admins';

export function Admins() {
  const [admins, reload] = useLoad(async () => (await adminApi.admins()).admins, []);
  if (admins.state === 'loading') return <LoadingScreen title={TITLE} />;
  if (admins.state === 'failed') return <LoadFailedScreen message={admins.message} onRetry={reload} />;
  return <AdminList admins={admins.data} />;
}

function AdminList({ admins }: { admins: AdminSummary[] }) {
  const heading = useAdminScreen(TITLE);
  const timeZone = useAdmin()!.session.timeZone;
  return (
    <AdminPage>
      <ArrivalNotice />
      <h1 ref={heading}>
        {TITLE}
      </h1>
      <p class="nhsuk-body">Admins manage the trust's hospitals and wards, and read its reports. Every change they make is in the audit log.</p>
      <Table
        id="admins"
        caption="Admins of this trust"
        captionSize="s"
        columns={[{ label: 'Email address' }, { label: 'Status' }, { label: 'Added' }]}
        rows={admins.map((admin) => [
          admin.email,
          admin.active ? <Tag colour="green">Active</Tag> : <Tag colour="yellow">Invited</Tag>,
          date(admin.createdAt, timeZone),
        ])}
      />
      <p class="nhsuk-body-s">An invited admin becomes active once they have chosen a password and set up their authenticator app.</p>
      <ButtonLink href={paths.inviteAdmin}>Invite an admin</ButtonLink>
    </AdminPage>
  );
}
