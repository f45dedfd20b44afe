import type { JSX } from 'preact';
import { useAdminScreen } from './admin-context.js';
import { AdminPage } from './AdminPage.js';
import { paths, type Route } from './router.js';
import { Home } from './screens/Home.js';
import { AddHospital, RenameHospital } from './screens/HospitalForms.js';
import { AddWard } from './screens/AddWard.js';
import { WardScreen } from './screens/WardScreen.js';
import { ChangeWard } from './screens/ChangeWard.js';
import { ResetPin } from './screens/ResetPin.js';
import { ArchiveWard } from './screens/ArchiveWard.js';
import { Admins } from './screens/Admins.js';
import { InviteAdmin } from './screens/InviteAdmin.js';
import { Reports } from './screens/Reports/index.js';
import { AuditLog } from './screens/AuditLog.js';
import { ChangePassword } from './screens/ChangePassword.js';

/** The signed-in screens, by route. Each screen loads what it shows. */
export function AdminScreens({ route }: { route: Route }): JSX.Element {
  switch (route.screen) {
    case 'home':
      return <Home />;
    case 'add-hospital':
      return <AddHospital />;
    case 'rename-hospital':
      return <RenameHospital key={route.id} id={route.id} />;
    case 'add-ward':
      return <AddWard key={route.hospitalId ?? ''} hospitalId={route.hospitalId} />;
    case 'ward':
      return <WardScreen key={route.id} id={route.id} />;
    case 'change-ward':
      return <ChangeWard key={route.id} id={route.id} />;
    case 'reset-pin':
      return <ResetPin key={route.id} id={route.id} />;
    case 'archive-ward':
      return <ArchiveWard key={route.id} id={route.id} />;
    case 'admins':
      return <Admins />;
    case 'invite-admin':
      return <InviteAdmin />;
    case 'reports':
      return <Reports />;
    case 'audit':
      return <AuditLog />;
    case 'password':
      return <ChangePassword />;
    case 'sign-in':
    case 'setup':
    case 'not-found':
      return <NotFound />;
  }
}

function NotFound() {
  const heading = useAdminScreen('Page not found');
  return (
    <AdminPage>
      <h1 ref={heading}>
        Page not found
      </h1>
      <p class="nhsuk-body">If you typed the web address, check it is correct.</p>
      <p class="nhsuk-body">
        <a href={paths.home}>Go to hospitals and wards</a>
      </p>
    </AdminPage>
  );
}
