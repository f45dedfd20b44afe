import { beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { type Visit } from '../../src/shared/index.js';
import { book, signedInDemoWard } from '../helpers/api-client.js';
import { useBrowser } from '../helpers/use-browser.js';
import { useServer } from '../helpers/use-server.js';
import { openTablet, type Tablet } from '../helpers/tablet.js';
import { hospitalDate } from '../helpers/hospital-time.js';

/**
 * Another website open in the ward tablet's browser, while the tablet is signed in, tries to
 * change a visit (a form post, a script's request), open the relay's socket, and frame the app.
 */

const EVIL = 'http://evil.example';
let tablet: Tablet;
let visit: Visit;

const server = useServer();
const browser = useBrowser();
beforeAll(async () => {
  tablet = await openTablet(browser, server);
  const api = await signedInDemoWard(server);
  visit = (await api.send(book({ date: hospitalDate(2), time: '10:00', patientName: 'Framed Patient' }))).body.visits[0]!;
});

/** A page of the other website, in the tablet's own browser (its cookies are there). */
async function evilPage(html: string): Promise<Page> {
  const page = await tablet.context.newPage();
  await page.route(`${EVIL}/**`, (route) => route.fulfill({ contentType: 'text/html', body: `<!doctype html><title>Win a prize</title>${html}` }));
  return page;
}

const cancelCommand = () => JSON.stringify({ type: 'cancel', key: crypto.randomUUID(), visitId: visit.id, baseVersion: 1, reason: 'Cancelled elsewhere' });

async function visitStatus(): Promise<string> {
  const row = await server.db.selectFrom('visits').select('status').where('id', '=', visit.id).executeTakeFirstOrThrow();
  return row.status;
}

it('refuses a cross-site form post shaped as JSON, and changes nothing', async () => {
  // The classic trick: a text/plain form whose one field name and value join up into JSON.
  const body = cancelCommand();
  const page = await evilPage(
    `<form method="post" action="${server.url}/api/commands" enctype="text/plain">` +
      `<input name='${body.slice(0, -1)},"pad":"' value='"}'></form><script>document.forms[0].submit()</script>`,
  );
  const answer = page.waitForResponse(`${server.url}/api/commands`);
  await page.goto(`${EVIL}/prize`);
  const response = await answer;
  expect(response.status()).toBe(403);
  expect(await response.json()).toEqual({ error: { code: 'cross_site', message: 'Requests from other websites are not allowed.' } });
  expect(await visitStatus()).toBe('booked');
  await page.close();
});

it("refuses a script's request and a socket from the other website, and the app cannot be framed there", async () => {
  const page = await evilPage(`<iframe src="${server.url}/visits" title="app"></iframe>`);
  await page.goto(`${EVIL}/prize`);
  const answers: number[] = [];
  page.on('response', (response) => {
    if (response.url().startsWith(server.url)) answers.push(response.status());
  });
  const tried = await page.evaluate(
    async ({ url, body }) => {
      // Chromium may block this itself (Private Network Access: a public site calling a local
      // address); where it does not, the server must refuse it.
      const sent = await fetch(`${url}/api/commands`, { method: 'POST', mode: 'no-cors', credentials: 'include', headers: { 'content-type': 'text/plain' }, body }).then(
        () => 'sent',
        () => 'blocked by the browser',
      );
      const socketOpened = await new Promise<boolean>((resolve) => {
        const socket = new WebSocket(`${url.replace('http', 'ws')}/socket.io/?EIO=4&transport=websocket`);
        socket.onopen = () => resolve(true);
        socket.onerror = () => resolve(false);
      });
      return { sent, socketOpened };
    },
    { url: server.url, body: cancelCommand() },
  );
  if (tried.sent === 'sent') expect(answers.filter((status) => status === 403)).not.toEqual([]);
  expect(answers.filter((status) => status < 400)).toEqual([]);
  expect(tried.socketOpened).toBe(false);
  // frame-ancestors 'none': the app's page never renders inside the other site.
  const framed = page.frames().find((frame) => frame !== page.mainFrame())!;
  expect(await framed.getByRole('heading', { name: server.demo.wardName }).count()).toBe(0);
  expect(await visitStatus()).toBe('booked');

  // Meanwhile the tablet itself carries on.
  await tablet.page.reload();
  await tablet.page.getByRole('heading', { level: 1, name: server.demo.wardName }).waitFor();
  await page.close();
});
