import type { AuditEntry } from '../../shared/admin.js';
import { Table } from '../../ui/Table/index.js';
import { useAdmin, useAdminScreen } from '../admin-context.js';
import { AdminPage } from '../AdminPage.js';
import { adminApi } from '../api.js';
import { auditActionLabel } from '../audit-labels.js';
import { dateTime } from '../format.js';
import { LoadFailedScreen, LoadingScreen } from '../ScreenParts.js';
import { useLoad } from '../use-load.js';

const TITLE = 'Audit log';

export function AuditLog() {
  const [entries, reload] = useLoad(async () => (await adminApi.audit()).entries, []);
  if (entries.state === 'loading') return <LoadingScreen title={TITLE} />;
  if (entries.state === 'failed') return <LoadFailedScreen message={entries.message} onRetry={reload} />;
  return <AuditTable entries={entries.data} />;
}

function AuditTable({ entries }: { entries: AuditEntry[] }) {
  const heading = useAdminScreen(TITLE);
  const timeZone = useAdmin()!.session.timeZone;
  return (
    <AdminPage>
      <h1 ref={heading}>
        {TITLE}
      </h1>
      <p class="nhsuk-body">Every change made by an admin, newest first. Names are shown as they are now.</p>
      {entries.length === 0 ? (
        <p class="nhsuk-body">Nothing has been done yet.</p>
      ) : (
        <Table
          id="audit"
          caption="Admin actions"
          captionSize="s"
          columns={[{ label: 'When' }, { label: 'Who' }, { label: 'What' }, { label: 'Details' }]}
          rows={entries.map((entry) => [dateTime(entry.at, timeZone), entry.actor, <What entry={entry} />, entry.detail ?? ''])}
        />
      )}
    </AdminPage>
  );
}

/** The action, with the ward or hospital it was about under it: four columns fit a tablet, five did not. */
function What({ entry }: { entry: AuditEntry }) {
  const place = [entry.wardName, entry.hospitalName].filter(Boolean).join(', ');
  return (
    <>
      {auditActionLabel(entry.action)}
      {place && (
        <>
          <br />
          <span class="nhsuk-u-secondary-text-colour">{place}</span>
        </>
      )}
    </>
  );
}
