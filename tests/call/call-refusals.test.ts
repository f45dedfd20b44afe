import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, VIEWPORTS } from '../helpers/browser.js';
import { installPeerConnectionProbe, launchCallBrowser, newCallContext, peerConnectionCount } from '../helpers/call-browser.js';
import { bookVisitForNow } from '../helpers/call-journey.js';
import { useBrowser } from '../helpers/use-browser.js';
import { useServer } from '../helpers/use-server.js';
import { openTablet } from '../helpers/tablet.js';

/**
 * Who may not be in a call, seen from the browser. Every relay rule (a visitor admitting
 * itself, signalling another visitor, visit A's token on visit B, malformed events) is proven
 * against the relay itself in tests/integration/call-relay.test.ts.
 */

const server = useServer();
const browser = useBrowser(() => launchCallBrowser());

const status = async (id: string) => (await server.db.selectFrom('visits').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;

it('does not let a tablet whose session has ended start a visit', async () => {
  const { visit } = await bookVisitForNow(server, { patientName: 'Signed Out Patient', visitorName: 'Sam' });
  const context = await newCallContext(browser, server.url);
  await installPeerConnectionProbe(context);
  const { page } = await openTablet(browser, server, { context });
  // The session ends on the server (signed out on another screen, or revoked) while the page stays open.
  expect(await page.evaluate(async () => (await fetch('/api/session', { method: 'DELETE' })).status)).toBeLessThan(300);
  await page.evaluate((id) => {
    history.pushState({}, '', `/visits/${id}/call`);
    dispatchEvent(new PopStateEvent('popstate'));
  }, visit.id);
  await page.getByRole('heading', { name: /could not start|Sign in/ }).waitFor();
  expect(await status(visit.id)).toBe('booked');
  expect(await peerConnectionCount(page)).toBe(0);
  await context.close();
});

it("refuses a cancelled visit's link before any camera is asked for", async () => {
  const { visit, link } = await bookVisitForNow(server, { patientName: 'Cancelled Patient', visitorName: 'Sam' });
  const tablet = await openTablet(browser, server);
  const cancelled = await tablet.page.evaluate(
    async ({ id, version }) =>
      (
        await fetch('/api/commands', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ type: 'cancel', key: crypto.randomUUID(), visitId: id, baseVersion: version, reason: 'Patient discharged' }),
        })
      ).status,
    { id: visit.id, version: visit.version },
  );
  expect(cancelled).toBe(200);
  const context = await newCallContext(browser, server.url, VIEWPORTS.phone);
  const visitor: Page = await context.newPage();
  await visitor.goto(link);
  await visitor.getByRole('heading', { name: 'Your visit has been cancelled' }).waitFor();
  expect(await visitor.getByText('The ward has cancelled this video visit, so its link no longer works.').isVisible()).toBe(true);
  expect(await visitor.getByRole('button', { name: 'Check your camera and microphone' }).count()).toBe(0);
  expect(await axeViolations(visitor)).toEqual([]);
});
