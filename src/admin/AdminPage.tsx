import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { ErrorSummary, Header } from '../ui/index.js';
import { ADMIN_SERVICE, useAdmin } from './admin-context.js';
import { paths, usePath } from './router.js';
import { problemText } from './api.js';

const NAVIGATION = [
  { href: paths.home, text: 'Hospitals and wards', owns: ['/admin/hospitals', '/admin/wards'] },
  { href: paths.reports, text: 'Reports', owns: [] },
  { href: paths.audit, text: 'Audit log', owns: [] },
  { href: paths.admins, text: 'Admins', owns: [] },
  { href: paths.password, text: 'Change password', owns: [] },
] as const;

/**
 * The admin area's frame: skip link, NHS header (service name, the admin's email, "Sign
 * out") and, once signed in, the navigation band nhsuk puts under the header.
 */
export function AdminPage({ children }: { children: ComponentChildren }) {
  const admin = useAdmin();
  const [problem, setProblem] = useState<string | null>(null);
  const signOut = admin
    ? () => admin.signOut().catch((error: unknown) => setProblem(`You have not been signed out. ${problemText(error)}`))
    : undefined;
  return (
    <>
      <a class="nhsuk-skip-link" href="#maincontent">
        Skip to main content
      </a>
      <Header serviceName={ADMIN_SERVICE} homeHref={paths.home} wardName={admin?.session.admin.email} onSignOut={signOut} />
      {admin && <Navigation />}
      <div class="nhsuk-width-container">
        <main class="nhsuk-main-wrapper" id="maincontent">
          {problem && <ErrorSummary problems={[{ message: problem }]} />}
          {children}
        </main>
      </div>
    </>
  );
}

function Navigation() {
  const path = usePath();
  // "page" for the item's own screen, "true" for a screen inside its section (a ward's page).
  const current = (item: (typeof NAVIGATION)[number]) =>
    path === item.href ? 'page' : item.owns.some((prefix) => path.startsWith(`${prefix}/`)) ? 'true' : undefined;
  return (
    <nav class="nhsuk-header__navigation app-admin-navigation" aria-label="Menu">
      <div class="nhsuk-header__navigation-container nhsuk-width-container">
        <ul class="nhsuk-header__navigation-list">
          {NAVIGATION.map((item) => {
            const here = current(item);
            return (
              <li key={item.href} class={here ? 'nhsuk-header__navigation-item nhsuk-header__navigation-item--current' : 'nhsuk-header__navigation-item'}>
                <a class="nhsuk-header__navigation-link" href={item.href} aria-current={here}>
                  {/* The strong keeps the current item marked when a person's own colours replace ours. */}
                  {here ? <strong class="nhsuk-header__navigation-item-current-fallback">{item.text}</strong> : item.text}
                </a>
              </li>
            );
          })}
        </ul>
      </div>
    </nav>
  );
}
