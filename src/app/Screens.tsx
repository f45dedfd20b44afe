import { useScreen } from '../ui/index.js';
import type { Route } from './router.js';
import { WardPage } from './WardPage.js';
import { VisitList } from './screens/VisitList.js';
import { SignOut } from './screens/SignOut.js';
import { VisitPage } from './screens/VisitPage.js';
import { CancelVisit } from './screens/CancelVisit.js';
import { BookVisit } from './booking/BookVisit.js';
import { ChangeVisit } from './booking/ChangeVisit.js';
import { RebookVisit } from './booking/RebookVisit.js';
import { CallScreen } from './call/CallScreen.js';

/** The signed-in screens, chosen by route. Keys make each visit's screens start fresh. */
export function Screens({ route }: { route: Route }) {
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
