import { useEffect } from 'preact/hooks';
import { Button, lazyScreen, useScreen, type LoadFailedProps } from '../ui/index.js';
import type { Route } from './router.js';
import { WardPage } from './WardPage.js';
import { VisitList } from './screens/VisitList.js';

/**
 * The visit list comes with the app; every other signed-in screen is fetched when first opened,
 * so the tablet's first load (sign-in, then the list) stays within its budget
 * (bench/bundle-budget) and carries no call code until "Start visit". The service worker has
 * them all cached, so they open offline too.
 */
const SignOut = lazyScreen(() => import('./screens/SignOut.js').then((m) => m.SignOut), ScreenNotLoaded, EmptyWardPage);
const VisitPage = lazyScreen(() => import('./screens/VisitPage.js').then((m) => m.VisitPage), ScreenNotLoaded, EmptyWardPage);
const CancelVisit = lazyScreen(() => import('./screens/CancelVisit.js').then((m) => m.CancelVisit), ScreenNotLoaded, EmptyWardPage);
const BookVisit = lazyScreen(() => import('./booking/BookVisit.js').then((m) => m.BookVisit), ScreenNotLoaded, EmptyWardPage);
const ChangeVisit = lazyScreen(() => import('./booking/ChangeVisit.js').then((m) => m.ChangeVisit), ScreenNotLoaded, EmptyWardPage);
const RebookVisit = lazyScreen(() => import('./booking/RebookVisit.js').then((m) => m.RebookVisit), ScreenNotLoaded, EmptyWardPage);
const CallScreen = lazyScreen(() => import('./call/CallScreen.js').then((m) => m.CallScreen), ScreenNotLoaded, EmptyWardPage);

/**
 * The screens a nurse may need with no network (all but the call, which needs one anyway).
 * Once the service worker controls the page it has them all in its precache; until then (the
 * tablet's very first load, while the worker installs) they are fetched as soon as the list is
 * on screen, so the browser's cache holds them if the Wi-Fi drops a moment later.
 */
const OFFLINE_SCREENS = [SignOut, VisitPage, CancelVisit, BookVisit, ChangeVisit, RebookVisit];

function useOfflineScreensReady(): void {
  useEffect(() => {
    if (navigator.serviceWorker?.controller) return;
    for (const screen of OFFLINE_SCREENS) screen.preload();
  }, []);
}

/** The signed-in screens, chosen by route. Keys make each visit's screens start fresh. */
export function Screens({ route }: { route: Route }) {
  useOfflineScreensReady();
  switch (route.screen) {
    case 'list':
      return <VisitList />;
    case 'sign-out':
      return <SignOut />;
    case 'book':
      return <BookVisit />;
    case 'visit':
      return <VisitPage key={route.id} id={route.id} />;
    case 'change':
      return <ChangeVisit key={route.id} id={route.id} />;
    case 'cancel':
      return <CancelVisit key={route.id} id={route.id} />;
    case 'rebook':
      return <RebookVisit key={route.id} id={route.id} />;
    case 'call':
      return <CallScreen key={route.id} id={route.id} />;
    default:
      return <NotFound />;
  }
}

/** While a screen's code arrives (from the worker's cache, a moment): the frame without a body. */
function EmptyWardPage() {
  return <WardPage>{null}</WardPage>;
}

function ScreenNotLoaded({ onRetry }: LoadFailedProps) {
  const heading = useScreen('This screen could not be opened');
  return (
    <WardPage>
      <h1 ref={heading}>This screen could not be opened</h1>
      <p class="nhsuk-body">Check the tablet is connected to Wi-Fi, then try again.</p>
      <Button onClick={onRetry}>Try again</Button>
    </WardPage>
  );
}

function NotFound() {
  const heading = useScreen('Page not found');
  return (
    <WardPage>
      <h1 ref={heading}>
        Page not found
      </h1>
      <p class="nhsuk-body">
        If you typed the web address, check it is correct. <a href="/">Go to the visit list</a>.
      </p>
    </WardPage>
  );
}
