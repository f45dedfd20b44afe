import { expect, it } from 'vitest';
import { book, signedInDemoWard } from '../helpers/api-client.js';
import { useBrowser } from '../helpers/use-browser.js';
import { useServer } from '../helpers/use-server.js';
import { waitForServiceWorker } from '../helpers/service-worker.js';
import { bookVisit, openTablet, rowText, type Tablet } from '../helpers/tablet.js';
import { hospitalTomorrow } from '../helpers/hospital-time.js';

/**
 * The offline promises on a real Chromium: the list opens from IndexedDB with no network and
 * no server, changes made offline survive a reload, and each is applied exactly once when the
 * server and the network come back; the ward's other tablet sees them without a reload.
 */

const tomorrow = hospitalTomorrow();
let tablet: Tablet;
let otherTablet: Tablet;

const server = useServer();
const browser = useBrowser();

async function countRows(table: 'visits' | 'idempotency_keys'): Promise<number> {
  const row = await server.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

// Hazard H04: the visit list and the family's link show the current visit
// Hazard H12: tablets keep working, and nurses can sign in, when the server is down or attacked
it('opens the visit list from the device with no network and no server', async () => {
  const api = await signedInDemoWard(server);
  for (const name of ['Xavier Change', 'Yvonne Cancel']) await api.send(book({ patientName: name, date: tomorrow, time: '11:00' }));

  tablet = await openTablet(browser, server);
  otherTablet = await openTablet(browser, server);
  await waitForServiceWorker(tablet.page);
  expect(await rowText(tablet.page, 'Upcoming', 'Xavier Change')).toContain('Booked');

  await tablet.context.setOffline(true);
  await server.stop();
  await tablet.page.reload();
  await tablet.page.getByRole('heading', { level: 1, name: server.demo.wardName }).waitFor();
  expect(await tablet.page.locator('.app-sync-status').innerText()).toBe('Offline');
  expect(await rowText(tablet.page, 'Upcoming', 'Yvonne Cancel')).toContain('Booked');
});

// Hazard H05: a change made offline is kept and applied exactly once
it('keeps changes made offline through a reload, marked "Not sent yet"', async () => {
  const { page } = tablet;
  await bookVisit(page, 'Zara Offline', 'Zed Visitor', tomorrow);

  await page.goto('/');
  await page.getByRole('tab', { name: 'Upcoming' }).click();
  await page.getByRole('link', { name: /Xavier Change/ }).click();
  await page.getByRole('link', { name: 'Change visit' }).click();
  await page.getByLabel("Visitor's name").fill('Changed Offline');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await page.getByText('Visit changed', { exact: true }).waitFor();

  await page.goto('/');
  await page.getByRole('tab', { name: 'Upcoming' }).click();
  await page.getByRole('link', { name: /Yvonne Cancel/ }).click();
  await page.getByRole('link', { name: 'Cancel visit' }).click();
  await page.getByLabel('Patient is unwell').check();
  await page.getByRole('button', { name: 'Cancel visit' }).click();
  // Exact: by default Playwright matches any case and part, and the form's own legend ("Why is the visit cancelled?") matched before the cancel was saved.
  await page.getByText('Visit cancelled', { exact: true }).waitFor();

  await page.reload();
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.goto('/');
  for (const [name, shows] of [
    ['Zara Offline', 'Booked'],
    ['Xavier Change', 'Changed Offline'],
    ['Yvonne Cancel', 'Cancelled'],
  ] as const) {
    const text = await rowText(page, 'Upcoming', name);
    expect(text).toContain(shows);
    expect(text).toContain('Not sent yet');
  }
});

// Hazard H04: the visit list and the family's link show the current visit
// Hazard H05: a change made offline is kept and applied exactly once
it('sends each change exactly once when the server and the network return', async () => {
  const { page } = tablet;
  await server.restart();
  const visitsBefore = await countRows('visits');
  await tablet.context.setOffline(false);

  await page.getByText('Not sent yet').first().waitFor({ state: 'detached' });
  expect(await page.getByText('Not sent yet').count()).toBe(0);
  // The header turns from "Offline" when the live-update socket is back too, which may come a moment after the outbox drains.
  await expect.poll(() => page.locator('.app-sync-status').innerText(), { timeout: 15_000 }).toMatch(/^Last updated \d\d:\d\d$/);
  expect(await countRows('visits')).toBe(visitsBefore + 1);
  expect(visitsBefore).toBe(2);
  // Two bookings made online for the set-up, then the three offline changes: one key each.
  expect(await countRows('idempotency_keys')).toBe(5);
  const visits = await server.db.selectFrom('visits').select(['patient_name', 'visitor_name', 'status', 'version']).execute();
  expect(visits).toContainEqual({ patient_name: 'Xavier Change', visitor_name: 'Changed Offline', status: 'booked', version: 2 });
  expect(visits).toContainEqual(expect.objectContaining({ patient_name: 'Yvonne Cancel', status: 'cancelled', version: 2 }));
});

// Hazard H04: the visit list and the family's link show the current visit
it("shows the changes on the ward's other tablet without a reload", async () => {
  const { page } = otherTablet;
  expect(await rowText(page, 'Upcoming', 'Zara Offline')).toContain('Booked');
  expect(await rowText(page, 'Upcoming', 'Xavier Change')).toContain('Changed Offline');
  expect(await rowText(page, 'Upcoming', 'Yvonne Cancel')).toContain('Cancelled');
});

// Hazard H04: the visit list and the family's link show the current visit
it('a booking on one tablet appears on the other within seconds', async () => {
  await bookVisit(tablet.page, 'Live Update', 'Seen Elsewhere', tomorrow, '16:00');
  expect(await rowText(otherTablet.page, 'Upcoming', 'Live Update')).toContain('Seen Elsewhere');
});
