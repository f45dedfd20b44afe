import { describe, expect, it } from 'vitest';
import { book, signedInDemoWard } from '../helpers/api-client.js';
import { expectAccessibleAt, VIEWPORTS } from '../helpers/browser.js';
import { useBrowser } from '../helpers/use-browser.js';
import { useServer } from '../helpers/use-server.js';
import { bookVisit, openTablet, rowText } from '../helpers/tablet.js';
import { hospitalTomorrow } from '../helpers/hospital-time.js';

/** The outbox when things go wrong: a lost answer and a server restart, and a stale change. */

const tomorrow = hospitalTomorrow();
const server = useServer();
const browser = useBrowser();

async function rowsFor(patientName: string) {
  return server.db.selectFrom('visits').selectAll().where('patient_name', '=', patientName).execute();
}

describe('a command the server applied but whose answer was lost', () => {
  // Hazard H05: a change made offline is kept and applied exactly once
  // Hazard H13: calls survive the server failing mid-visit
  it('is applied once, never twice, after the server restarts', async () => {
    // No service worker: its Background Sync would send the command past the page's route.
    const tablet = await openTablet(browser, server, { serviceWorkers: 'block' });
    let intercepted = false;
    await tablet.page.route('**/api/commands', async (route) => {
      if (intercepted) return route.continue();
      intercepted = true;
      await route.fetch(); // the server receives the command and applies it...
      await server.stop(); // ...and dies before the tablet hears back
      await route.abort('connectionreset');
    });

    await bookVisit(tablet.page, 'Once Only', 'Lost Answer', tomorrow);
    // In-app navigation: with the server down and no worker, a page load would fail.
    await tablet.page.getByRole('link', { name: 'Back to visit list' }).click();
    expect(await rowText(tablet.page, 'Upcoming', 'Once Only')).toContain('Not sent yet');
    expect(intercepted).toBe(true);

    await server.restart();
    // The tablet retries by itself (backoff timer, socket back): no one touches it.
    await tablet.page.getByText('Not sent yet').waitFor({ state: 'detached' });
    expect(await rowsFor('Once Only')).toHaveLength(1);
    expect(await rowText(tablet.page, 'Upcoming', 'Once Only')).toContain('Booked');
    await tablet.context.close();
  });
});

describe('a change based on an old version', () => {
  // Hazard H05: a change made offline is kept and applied exactly once
  it('is refused, explained in plain words, and can be discarded', async () => {
    const api = await signedInDemoWard(server);
    const visit = (await api.send(book({ patientName: 'Stale Change', date: tomorrow }))).body.visits[0]!;
    const tablet = await openTablet(browser, server);
    const { page } = tablet;
    expect(await rowText(page, 'Upcoming', 'Stale Change')).toContain('Booked');

    await tablet.context.setOffline(true);
    await api.send({ type: 'cancel', key: crypto.randomUUID(), visitId: visit.id, baseVersion: 1, reason: 'Patient is unwell' });
    await page.getByRole('link', { name: /Stale Change/ }).click();
    await page.getByRole('link', { name: 'Change visit' }).click();
    await page.getByLabel("Visitor's name").fill('Too Late');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Not sent yet').first().waitFor();

    await tablet.context.setOffline(false);
    await page.getByRole('heading', { name: 'A change to this visit was not accepted' }).waitFor();
    expect(await page.getByText('This visit was cancelled on another tablet.').isVisible()).toBe(true);
    // Which visit, and what the change was: not only the server's reason.
    expect(await page.getByRole('region', { name: 'A change to this visit was not accepted' }).innerText()).toMatch(/Change to Stale Change's visit on \w{3} \d+ \w{3} at 14:30: visitor's name/);
    expect(await page.locator('.nhsuk-summary-list').innerText()).toContain('Cancelled');
    await expectAccessibleAt(page, 'refused-change-visit', VIEWPORTS);

    await page.goto('/');
    await page.getByRole('heading', { name: 'A change was not accepted' }).waitFor();
    const notice = page.getByRole('region', { name: 'A change was not accepted' });
    expect(await notice.innerText()).toMatch(/Change to Stale Change's visit on \w{3} \d+ \w{3} at 14:30: visitor's name/);
    expect(await notice.innerText()).toContain('This visit was cancelled on another tablet.');
    // A notice, not an error summary: that is for a form's mistakes.
    expect(await page.locator('.nhsuk-error-summary').count()).toBe(0);
    expect(await rowText(page, 'Upcoming', 'Stale Change')).toContain('Not accepted');
    await expectAccessibleAt(page, 'refused-change-list', VIEWPORTS);

    await notice.getByRole('link', { name: 'Open the visit to change it again or discard the change' }).click();
    await page.getByRole('button', { name: 'Discard this change' }).click();
    await page.getByRole('heading', { name: 'A change to this visit was not accepted' }).waitFor({ state: 'detached' });
    expect((await rowsFor('Stale Change'))[0]).toMatchObject({ status: 'cancelled', visitor_name: 'Sam Example', version: 2 });
    await tablet.context.close();
  });
});
