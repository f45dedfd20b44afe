import type { MessageChannel } from '../shared/index.js';
import type { VisitorNews } from './message-words.js';
import { interceptLinkClicks as intercept, navigate as go, navigationState as readNavigationState, type NavigationState } from '../ui/index.js';

export { guardLeaving, usePath, type NavigationState } from '../ui/index.js';

/**
 * What a ward screen may hand the next: after a change or a cancel, what to say about telling
 * the visitor, and which contacts a change added (they are sent the booking confirmation).
 */
export interface WardNavigationState extends NavigationState {
  tellVisitor?: VisitorNews;
  newContacts?: MessageChannel[];
}

export const navigationState = (): WardNavigationState => readNavigationState();

export const navigate = (path: string, options: { replace?: boolean; state?: WardNavigationState; force?: boolean } = {}) => go(path, options);

/** The tablet's links are its own root paths. */
export const interceptLinkClicks = (root: HTMLElement) => intercept(root, (href) => href.startsWith('/'));

export type Route =
  | { screen: 'sign-in' }
  | { screen: 'sign-out' }
  | { screen: 'list' }
  | { screen: 'book' }
  | { screen: 'visit'; id: string }
  | { screen: 'change'; id: string }
  | { screen: 'cancel'; id: string }
  | { screen: 'rebook'; id: string }
  | { screen: 'call'; id: string }
  | { screen: 'not-found' };

const VISIT_PATH = /^\/visits\/([0-9a-f-]{36})(?:\/(change|cancel|rebook|call))?$/i;

export function matchRoute(path: string): Route {
  if (path === '/sign-in') return { screen: 'sign-in' };
  if (path === '/sign-out') return { screen: 'sign-out' };
  if (path === '/') return { screen: 'list' };
  if (path === '/visits/new') return { screen: 'book' };
  const visit = VISIT_PATH.exec(path);
  if (visit) return { screen: (visit[2] as 'change' | 'cancel' | 'rebook' | 'call' | undefined) ?? 'visit', id: visit[1]! };
  return { screen: 'not-found' };
}
