import { interceptLinkClicks as intercept, navigationState } from '../ui/index.js';

export { navigate, usePath } from '../ui/index.js';

/**
 * The admin area's routes. The server answers admin.html for every path under /admin, so
 * each screen has an address that survives a reload. A one-off notice ("Ward archived") rides
 * along in history.state to the next screen; a PIN or set-up link stays in component state.
 */
export const ADMIN_ROOT = '/admin';

/** The notice left for this screen by the one before, if any. */
export const navigationNotice = (): string | undefined => navigationState().notice;

/** Links inside the admin area navigate in the page; the CSV download under /api does not. */
export const interceptLinkClicks = (root: HTMLElement) => intercept(root, (href) => href === ADMIN_ROOT || href.startsWith(`${ADMIN_ROOT}/`));

export type Route =
  | { screen: 'home' }
  | { screen: 'sign-in' }
  | { screen: 'setup' }
  | { screen: 'add-hospital' }
  | { screen: 'rename-hospital'; id: string }
  | { screen: 'add-ward'; hospitalId?: string }
  | { screen: 'ward'; id: string }
  | { screen: 'change-ward'; id: string }
  | { screen: 'reset-pin'; id: string }
  | { screen: 'archive-ward'; id: string }
  | { screen: 'admins' }
  | { screen: 'invite-admin' }
  | { screen: 'reports' }
  | { screen: 'audit' }
  | { screen: 'password' }
  | { screen: 'not-found' };

/** Screens anyone may open: the rest need a signed-in admin. */
export const PUBLIC_SCREENS: ReadonlySet<Route['screen']> = new Set(['sign-in', 'setup']);

const UUID = '([0-9a-f-]{36})';
const FIXED: Record<string, Route> = {
  '': { screen: 'home' },
  '/sign-in': { screen: 'sign-in' },
  '/setup': { screen: 'setup' },
  '/hospitals/new': { screen: 'add-hospital' },
  '/wards/new': { screen: 'add-ward' },
  '/admins': { screen: 'admins' },
  '/admins/new': { screen: 'invite-admin' },
  '/reports': { screen: 'reports' },
  '/audit': { screen: 'audit' },
  '/password': { screen: 'password' },
};
const HOSPITAL = new RegExp(`^/hospitals/${UUID}/(name|wards/new)$`, 'i');
const WARD = new RegExp(`^/wards/${UUID}(?:/(change|pin|archive))?$`, 'i');
const WARD_SCREENS = { change: 'change-ward', pin: 'reset-pin', archive: 'archive-ward' } as const;

export function matchRoute(path: string): Route {
  if (path !== ADMIN_ROOT && !path.startsWith(`${ADMIN_ROOT}/`)) return { screen: 'not-found' };
  const rest = path.slice(ADMIN_ROOT.length).replace(/\/$/, '');
  const fixed = FIXED[rest];
  if (fixed) return fixed;
  const hospital = HOSPITAL.exec(rest);
  if (hospital) return hospital[2] === 'name' ? { screen: 'rename-hospital', id: hospital[1]! } : { screen: 'add-ward', hospitalId: hospital[1]! };
  const ward = WARD.exec(rest);
  if (ward) {
    const sub = ward[2] as keyof typeof WARD_SCREENS | undefined;
    return { screen: sub ? WARD_SCREENS[sub] : 'ward', id: ward[1]! };
  }
  return { screen: 'not-found' };
}

export const paths = {
  home: ADMIN_ROOT,
  signIn: `${ADMIN_ROOT}/sign-in`,
  addHospital: `${ADMIN_ROOT}/hospitals/new`,
  renameHospital: (id: string) => `${ADMIN_ROOT}/hospitals/${id}/name`,
  addWard: (hospitalId?: string) => (hospitalId ? `${ADMIN_ROOT}/hospitals/${hospitalId}/wards/new` : `${ADMIN_ROOT}/wards/new`),
  ward: (id: string) => `${ADMIN_ROOT}/wards/${id}`,
  changeWard: (id: string) => `${ADMIN_ROOT}/wards/${id}/change`,
  resetPin: (id: string) => `${ADMIN_ROOT}/wards/${id}/pin`,
  archiveWard: (id: string) => `${ADMIN_ROOT}/wards/${id}/archive`,
  admins: `${ADMIN_ROOT}/admins`,
  inviteAdmin: `${ADMIN_ROOT}/admins/new`,
  reports: `${ADMIN_ROOT}/reports`,
  audit: `${ADMIN_ROOT}/audit`,
  password: `${ADMIN_ROOT}/password`,
};
