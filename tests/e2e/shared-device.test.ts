import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, screenshotBothSizes, VIEWPORTS } from '../helpers/browser.js';
import { useBrowser } from '../helpers/use-browser.js';
import { useServer } from '../helpers/use-server.js';
import { bookVisit, signInWard } from '../helpers/tablet.js';
import { hospitalTomorrow } from '../helpers/hospital-time.js';

/** A shared ward tablet: it locks when left alone, the PIN opens it offline, sign-out wipes it. */

const tomorrow = hospitalTomorrow();

const server = useServer();
const browser = useBrowser();

/** The patient names of the visits IndexedDB holds on this device. */
function heldPatients(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve) => {
      const request = indexedDB.open('ward-visits');
      request.onsuccess = () => resolve(request.result);
    });
    const visits = await new Promise<{ patientName: string }[]>((resolve) => {
      const request = db.transaction('visits').objectStore('visits').getAll();
      request.onsuccess = () => resolve(request.result);
    });
    db.close();
    return visits.map((visit) => visit.patientName);
  });
}

/** How many ward records IndexedDB holds on this device, over every store (0 if no database). */
async function wardRecordCount(page: Page): Promise<number> {
  const counts = await wardRecords(page);
  return Object.values(counts ?? {}).reduce((sum, n) => sum + n, 0);
}

/** What IndexedDB holds for the ward on this device: record counts per store, or null if none. */
function wardRecords(page: Page) {
  return page.evaluate(async () => {
    if (!(await indexedDB.databases()).some((db) => db.name === 'ward-visits')) return null;
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('ward-visits');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const counts: Record<string, number> = {};
    for (const name of Array.from(db.objectStoreNames)) {
      counts[name] = await new Promise<number>((resolve) => {
        const request = db.transaction(name).objectStore(name).count();
        request.onsuccess = () => resolve(request.result);
      });
    }
    db.close();
    return counts;
  });
}

// Hazard H06: an unattended tablet locks and its session ends
// Hazard H12: tablets keep working, and nurses can sign in, when the server is down or attacked
it('locks after 10 minutes idle, and the ward PIN unlocks it with no network', async () => {
  const context = await browser.newContext({ viewport: VIEWPORTS.tablet, baseURL: server.url });
  const page = await context.newPage();
  await page.clock.install();
  await signInWard(page, server.demo);

  await page.clock.fastForward('09:00');
  expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(server.demo.wardName);
  await page.clock.fastForward('01:01');
  await page.getByRole('heading', { level: 1, name: 'This tablet is locked' }).waitFor();
  expect(await page.getByText('Demo ward').first().isVisible()).toBe(true);
  expect(await page.getByText('Book a visit').count()).toBe(0);

  await context.setOffline(true);
  await page.getByLabel('PIN').fill('999999');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await page.getByText('The PIN is not right. You have 4 more tries before you need to sign in again.').first().waitFor();
  expect(await axeViolations(page)).toEqual([]);
  await screenshotBothSizes(page, 'locked');

  await page.getByLabel('PIN').fill(server.demo.pin);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await page.getByRole('heading', { level: 1, name: server.demo.wardName }).waitFor();
  await context.close();
});

// Hazard H05: a change made offline is kept and applied exactly once
it('warns before signing out would lose unsent changes, and leaves no ward records behind', async () => {
  const context = await browser.newContext({ viewport: VIEWPORTS.tablet, baseURL: server.url });
  const page = await context.newPage();
  await signInWard(page, server.demo);
  await bookVisit(page, 'Online Booking', 'Sent Visitor', tomorrow);
  await page.goto('/');
  await page.getByRole('tab', { name: 'Upcoming' }).click();
  await page.getByText('Online Booking').waitFor();
  await page.getByText('Not sent yet').waitFor({ state: 'detached' });
  expect(await wardRecords(page)).toMatchObject({ visits: 1, outbox: 0 });

  await context.setOffline(true);
  await bookVisit(page, 'Unsent Booking', 'Waiting Visitor', tomorrow);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByText('1 change has not been sent yet').waitFor();
  expect(await axeViolations(page)).toEqual([]);
  await screenshotBothSizes(page, 'sign-out-unsent');
  await page.getByRole('button', { name: 'Sign out anyway' }).click();
  await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
  // The database is gone, or (Background Sync woke the worker, which reopened it) empty.
  expect(await wardRecordCount(page)).toBe(0);

  // Back online, the session the offline sign-out could not end is ended: the cookie is dead.
  await context.setOffline(false);
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
  // Background Sync may have woken the worker and reopened an empty database: no records either way.
  expect(await wardRecordCount(page)).toBe(0);
  const session = await page.evaluate(() => fetch('/api/session').then((response) => response.status));
  expect(session).toBe(401);
  await context.close();
});

// Hazard H07: a lost tablet can be shut out and holds little
// Hazard H11: personal data is deleted on time and never logged
it("purges past days' records from the device when the app starts", async () => {
  const context = await browser.newContext({ viewport: VIEWPORTS.tablet, baseURL: server.url });
  const page = await context.newPage();
  await signInWard(page, server.demo);
  await bookVisit(page, 'Kept Booking', 'Future Visitor', tomorrow);
  await page.goto('/');
  await page.getByText('Not sent yet').waitFor({ state: 'detached' });
  // The app has read the device's copy (after its own start-up purge) once it shows its age.
  await page.locator('.app-sync-status').getByText(/^Last updated/).waitFor();
  // A visit from three days ago, as a tablet left unused over a weekend would still hold.
  const threeDaysAgo = new Date(Date.now() - 3 * 86_400_000).toISOString();
  await page.evaluate(async (startsAt) => {
    const db = await new Promise<IDBDatabase>((resolve) => {
      const request = indexedDB.open('ward-visits');
      request.onsuccess = () => resolve(request.result);
    });
    const tx = db.transaction('visits', 'readwrite');
    tx.objectStore('visits').put({
      id: '0d1e2f30-0000-4000-8000-000000000003', version: 1, status: 'completed', startsAt, lengthMinutes: 30,
      patientName: 'Old Record', bed: null, visitorName: 'Old Visitor', visitorMobile: null, visitorEmail: null,
      cancelReason: null, rebookOf: null, createdAt: startsAt, updatedAt: startsAt,
    });
    await new Promise((resolve) => (tx.oncomplete = resolve));
    db.close();
  }, threeDaysAgo);
  expect(await heldPatients(page)).toEqual(expect.arrayContaining(['Kept Booking', 'Old Record']));

  await page.reload();
  await page.getByRole('heading', { level: 1, name: server.demo.wardName }).waitFor();
  await page.getByRole('tab', { name: 'Upcoming' }).click();
  await page.getByText('Kept Booking').waitFor();
  const held = await heldPatients(page);
  expect(held).toContain('Kept Booking');
  expect(held).not.toContain('Old Record');
  await context.close();
});
