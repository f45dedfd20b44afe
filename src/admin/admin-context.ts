import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { AdminSessionInfo } from '../shared/admin.js';
import { useScreen } from '../ui/index.js';

/** Shown in the header and in every document title of the admin area. */
export const ADMIN_SERVICE = 'Ward virtual visits – trust admin';

export interface SignedInAdmin {
  session: AdminSessionInfo;
  signOut: () => Promise<void>;
}

export const AdminContext = createContext<SignedInAdmin | null>(null);

/** The signed-in admin, or null on the screens before signing in. */
export function useAdmin(): SignedInAdmin | null {
  return useContext(AdminContext);
}

/** Title and focus for a screen; "Error: " leads the title while the form has problems, as NHS pages do. */
export function useAdminScreen(title: string, hasProblems = false) {
  return useScreen(hasProblems ? `Error: ${title}` : title, ADMIN_SERVICE);
}
