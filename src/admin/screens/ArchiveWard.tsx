import { useState } from 'preact/hooks';
import { Button, ErrorSummary } from '../../ui/index.js';
import { BackLink } from '../../ui/BackLink/index.js';
import { adminApi, problemText } from '../api.js';
import { useAdminScreen } from '../admin-context.js';
import { AdminPage } from '../AdminPage.js';
import { navigate, paths } from '../router.js';
import type { WardWithHospital } from '../use-hospitals.js';
import { WithWard } from './WardScreen.js';
import { tabletsSignedOut } from './ward-rules.js';

export function ArchiveWard({ id }: { id: string }) {
  return <WithWard id={id} title="Archive ward">{(found) => <ConfirmArchive found={found} />}</WithWard>;
}

/** Archiving signs tablets out and stops bookings: the admin says yes to that in words first. */
function ConfirmArchive({ found: { ward, hospital } }: { found: WardWithHospital }) {
  const title = `Are you sure you want to archive ${ward.name}?`;
  const heading = useAdminScreen(title);
  const [problem, setProblem] = useState<string | null>(null);
  const back = paths.ward(ward.id);

  const archive = async () => {
    try {
      const { signedOut } = await adminApi.archiveWard(ward.id);
      navigate(back, { replace: true, state: { notice: `${ward.name} archived. ${tabletsSignedOut(signedOut)}` } });
    } catch (error) {
      setProblem(problemText(error));
    }
  };

  return (
    <AdminPage>
      <BackLink href={back} />
      {problem && <ErrorSummary problems={[{ message: problem }]} />}
      <span class="nhsuk-caption-l">{hospital.name}</span>
      <h1 ref={heading}>
        {title}
      </h1>
      <p class="nhsuk-body">
        Its tablets will be signed out, it will take no new bookings, and its visitor links will say the ward no longer runs visits. Its reports are kept.
      </p>
      <p class="nhsuk-body">You can unarchive the ward later.</p>
      <div class="app-button-group">
        <Button variant="warning" onClick={archive}>
          Archive ward
        </Button>
        <a class="nhsuk-button nhsuk-button--secondary" href={back} draggable={false}>
          Keep ward
        </a>
      </div>
    </AdminPage>
  );
}
