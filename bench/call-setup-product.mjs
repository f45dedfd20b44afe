// The product's side of bench/call-setup.mjs: a nurse presses Admit on the ward tablet and we
// time until the first remote frame is shown on the tablet and on the visitor's page. Each call
// is a new visit booked for now, a fresh tablet page and a fresh visitor context; "go" is the
// trusted click on Admit. Needs a build (npm run build) for dist/.
import { VIEWPORTS } from '../tests/helpers/chromium.mjs';
import { signInWard } from '../tests/helpers/ward-sign-in.mjs';
import { DEMO_WARD, startBenchServer } from './lib/harness.mjs';
import { bookVisitSoon, joinAsVisitor } from './lib/product-visit.mjs';
import { CALL_TIMEOUT_MS, newCallPage, repeatCalls } from './call-setup.mjs';
import { markGoOnNextClick, readGoAt, waitForFirstRemoteFrame } from './call-baseline/first-frame-probe.mjs';

export async function measureProduct(browser, runs) {
  const server = await startBenchServer();
  const first = await newCallPage(browser, server.url);
  const tabletContext = first.context();
  try {
    await signInWard(first, DEMO_WARD);
    return await repeatCalls(runs, async (index) => {
      const tablet = await tabletContext.newPage();
      const visitor = await newCallPage(browser, server.url, VIEWPORTS.phone);
      try {
        await tablet.goto('/');
        const { visitId, link } = await bookVisitSoon(tablet, { patientName: `Bench Patient ${index}`, visitorName: 'Bench Visitor', lengthMinutes: 30 });
        await tablet.goto(`/visits/${visitId}/call`);
        await joinAsVisitor(visitor, link, 'Jo');
        // "Let in to check" starts the connection (the identity check is part of the call); its first frames are the measure.
        const admit = tablet.getByRole('button', { name: 'Let Jo in to check' });
        await admit.waitFor();
        await markGoOnNextClick(tablet);
        await admit.click();
        const [initiatorAt, responderAt] = await Promise.all([tablet, visitor].map((page) => waitForFirstRemoteFrame(page, CALL_TIMEOUT_MS)));
        return { goAt: await readGoAt(tablet), initiatorAt, responderAt };
      } finally {
        await tablet.close();
        await visitor.context().close();
      }
    });
  } finally {
    await tabletContext.close();
    await server.close();
  }
}
