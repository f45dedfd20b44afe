// The two calls the reconnect benchmark breaks, in one shape: { pages: [initiator, responder],
// healthy(), stopRelay(), startRelay(), relaySockets(), close() }. The baseline is bare
// simple-peer over the bare relay, rebuilding its peer after failure (call-baseline/rebuild.html);
// the product is the ward tablet and a visitor through the real UI, relay and call engine.
import { VIEWPORTS } from '../../tests/helpers/chromium.mjs';
import { signInWard } from '../../tests/helpers/ward-sign-in.mjs';
import { startBaselineRelay } from '../call-baseline/relay.mjs';
import { framesFlowing, HEALTHY_WITHIN_MS, newFrameLoggedPage } from './frame-log.mjs';

/** A call long enough for every run of a scenario. */
const VISIT_MINUTES = 60;

/** Makes a baseline call per scenario; its relay stops and starts again on the same port. */
export function baselineCalls(browser) {
  return async (scenario) => {
    let relay = await startBaselineRelay();
    const { port, url } = relay;
    const pages = await Promise.all(['initiator', 'responder'].map(async (role) => {
      const page = await newFrameLoggedPage(browser, url);
      await page.goto(`/rebuild.html?room=s${scenario}&role=${role}`);
      await page.evaluate(() => window.ready);
      return page;
    }));
    await pages[0].evaluate(() => window.go());
    return {
      pages,
      healthy: () => framesFlowing(pages),
      stopRelay: () => relay.close(),
      startRelay: async () => { relay = await startBaselineRelay(port); },
      relaySockets: async () => relay.sockets(),
      close: async () => {
        await Promise.all(pages.map((page) => page.context().close()));
        await relay.close();
      },
    };
  };
}

/**
 * Makes a product call per scenario on its own built server. The "relay" is the whole server:
 * stopping it and starting it again on the same port and data folder is a real restart.
 * harness.mjs loads the build (dist/node), so it is imported only when a call is made.
 */
export function productCalls(browser) {
  return async () => {
    const { DEMO_WARD, startBenchServer } = await import('./harness.mjs');
    const { bookVisitSoon, joinAsVisitor } = await import('./product-visit.mjs');
    const server = await startBenchServer();
    const tablet = await newFrameLoggedPage(browser, server.url);
    await signInWard(tablet, DEMO_WARD);
    const { visitId, link } = await bookVisitSoon(tablet, { patientName: 'Bench Patient', visitorName: 'Jo', lengthMinutes: VISIT_MINUTES });
    await tablet.goto(`/visits/${visitId}/call`);
    const visitor = await newFrameLoggedPage(browser, server.url, VIEWPORTS.phone);
    await joinAsVisitor(visitor, link, 'Jo');
    await tablet.getByRole('button', { name: 'Let Jo in to check' }).click();
    await tablet.getByRole('button', { name: 'Check done: show the patient' }).click();
    const pages = [tablet, visitor];
    return {
      pages,
      // Healthy for the product also means the screens say so (no "Reconnecting…", video not paused).
      healthy: async () => {
        await Promise.all([
          tablet.getByText('In the call: Jo. Connection: Good').waitFor({ timeout: HEALTHY_WITHIN_MS }),
          visitor.getByText('Connection: Good').waitFor({ timeout: HEALTHY_WITHIN_MS }),
        ]).catch(() => console.error('  (product screens did not say "Good" within the wait; measuring anyway)'));
        await framesFlowing(pages);
      },
      stopRelay: () => server.stop(),
      startRelay: () => server.start(),
      relaySockets: async () => server.callSockets(),
      close: async () => {
        await Promise.all(pages.map((page) => page.context().close()));
        await server.close();
      },
    };
  };
}
