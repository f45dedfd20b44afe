import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { addDays, instantToLocal } from '../../src/shared/index.js';
import { useBrowser } from '../helpers/use-browser.js';
import { useServer } from '../helpers/use-server.js';
import { ADMIN_VIEWPORTS, expectAccessibleAt } from '../helpers/browser.js';
import { totpCode } from '../helpers/admin.js';
import { runCli } from '../helpers/command-line.js';
import { ApiClient, book } from '../helpers/api-client.js';

/**
 * The trust admin area in a real Chromium against a real server, from the first admin's
 * set-up link to the audit log: every screen passes axe at desktop and tablet size and is
 * photographed at both (test-results/screenshots/admin-*) for a person to check.
 */

const EMAIL = 'admin@trust.example';
const PASSWORD = 'lantern plum river seventeen';
const NEW_PASSWORD = 'copper kettle orchard ninety';

let context: BrowserContext;
let page: Page;
/** Console errors and Content-Security-Policy refusals: the strict CSP must not block anything the area does. */
const pageErrors: string[] = [];

const server = useServer();
const browser = useBrowser();
beforeAll(async () => {
  context = await browser.newContext({ viewport: ADMIN_VIEWPORTS.desktop, baseURL: server.url, acceptDownloads: true });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  page = await context.newPage();
  page.on('dialog', (dialog) => {
    throw new Error(`Unexpected dialog: ${dialog.message()}`);
  });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    // A refused sign-in or form answers 4xx on purpose; the browser logs each such response.
    if (message.type() === 'error' && !/status of 4\d\d/.test(message.text())) pageErrors.push(message.text());
  });
});

/** axe at desktop and tablet size, no sideways scroll, screenshots of both (test-results/screenshots/admin-*). */
const expectAccessible = (name: string) => expectAccessibleAt(page, `admin-${name}`, ADMIN_VIEWPORTS);

const h1 = () => page.getByRole('heading', { level: 1 });
const errorSummary = () => page.locator('.nhsuk-error-summary');
const banner = () => page.locator('.nhsuk-notification-banner--success');
const summaryValue = (key: string) => page.locator('.nhsuk-summary-list__row', { has: page.locator('dt', { hasText: new RegExp(`^${key}$`) }) }).locator('.nhsuk-summary-list__value');

/** Tomorrow on the hospital's calendar: visits are booked then, and the report is stretched to it. */
async function hospitalTomorrow(): Promise<string> {
  const session = await page.evaluate(async () => (await fetch('/api/admin/session')).json());
  return addDays(instantToLocal(new Date(), session.timeZone as string).date, 1);
}

async function fillDate(id: string, date: string) {
  const [year, month, day] = date.split('-') as [string, string, string];
  await page.locator(`#${id}-day`).fill(String(Number(day)));
  await page.locator(`#${id}-month`).fill(String(Number(month)));
  await page.locator(`#${id}-year`).fill(year);
}

async function goToWard(name: string) {
  await page.getByRole('link', { name: 'Hospitals and wards', exact: true }).click();
  await expect.poll(() => h1().textContent()).toBe('Hospitals and wards');
  await page.getByRole('link', { name: `Manage ${name}` }).click();
  await expect.poll(() => h1().textContent()).toBe(name);
}

describe('trust admin area in Chromium', () => {
  let recoveryCodes: string[] = [];
  let generatedPin = '';
  const tablet = () => new ApiClient(server.url);
  let ward7Tablet: ApiClient;

  it('sets up the first admin from the command line link, with a password and an authenticator app', async () => {
    const created = await runCli(server.dataDir, 'create-admin', '--email', EMAIL);
    expect(created.code, created.output).toBe(0);
    const token = /\/admin\/setup#token=(\S+)/.exec(created.output)?.[1];
    expect(token, created.output).toBeTruthy();

    await page.goto(`/admin/setup#token=${token}`);
    await expect.poll(() => h1().textContent()).toBe('Choose a password');
    // The token leaves the address bar at once.
    expect(page.url()).toBe(`${server.url}/admin/setup`);
    await expect.poll(() => page.title()).toBe('Choose a password – Ward virtual visits – trust admin');
    await expectAccessible('setup');

    await page.getByRole('button', { name: 'Save password' }).click();
    await expect.poll(() => errorSummary().textContent()).toContain('Enter a password');
    await page.getByLabel('Password', { exact: true }).fill('short');
    await page.getByRole('button', { name: 'Save password' }).click();
    await expect.poll(() => errorSummary().textContent()).toContain('at least 12 characters');
    await expect.poll(() => page.title()).toBe('Error: Choose a password – Ward virtual visits – trust admin');
    await expectAccessible('setup-errors');

    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByLabel('Enter the password again').fill(PASSWORD);
    await page.getByRole('button', { name: 'Save password' }).click();
    await expect.poll(() => h1().textContent()).toBe('Your password is saved');
    expect(await page.locator('main').textContent()).toContain(EMAIL);
    await expectAccessible('setup-done');

    await page.getByRole('link', { name: 'Sign in' }).click();
    await expect.poll(() => h1().textContent()).toBe('Sign in');
    await expectAccessible('sign-in');

    await page.getByLabel('Email address').fill(EMAIL);
    await page.getByLabel('Password').fill('not the password at all');
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect.poll(() => errorSummary().textContent()).toContain('The email address or password is not right');
    await expectAccessible('sign-in-error');

    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect.poll(() => h1().textContent()).toBe('Set up your authenticator app');
    expect(await page.getByRole('img', { name: 'QR code to add Ward virtual visits to your authenticator app' }).count()).toBe(1);
    const secret = (await page.locator('#secret').textContent())!.replace(/\s+/g, '');
    expect(secret).toMatch(/^[A-Z2-7]+$/);
    await expectAccessible('set-up-authenticator');

    await page.getByLabel('Code', { exact: true }).fill('000000');
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect.poll(() => errorSummary().textContent()).toContain('The code is not right');

    await page.getByLabel('Code', { exact: true }).fill(totpCode(secret));
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect.poll(() => h1().textContent()).toBe('Your authenticator app is set up');
    recoveryCodes = await page.locator('.app-recovery-codes li').allTextContents();
    expect(recoveryCodes).toHaveLength(10);
    expect(await page.locator('main').textContent()).toContain('These codes will not be shown again');
    await expectAccessible('recovery-codes');

    await page.getByRole('button', { name: 'Continue' }).click();
    await expect.poll(() => h1().textContent()).toBe('Hospitals and wards');
    // The test server seeds a demo ward; its hospital is listed like any other.
    await expect.poll(() => page.locator('main').textContent()).toContain(`Code: ${server.demo.wardCode}`);
    expect(await page.locator('header').textContent()).toContain(EMAIL);
    await expectAccessible('home-first');
  });

  it('adds a hospital, and wards with a typed and a made-up PIN', async () => {
    await page.getByRole('link', { name: 'Add a hospital' }).click();
    await expect.poll(() => h1().textContent()).toBe('Add a hospital');
    await page.getByRole('button', { name: 'Add hospital' }).click();
    await expect.poll(() => errorSummary().textContent()).toContain("Enter the hospital's name");
    await expectAccessible('add-hospital-errors');
    await page.getByLabel('Hospital name').fill("St Mary's Hospital");
    await page.getByRole('button', { name: 'Add hospital' }).click();
    await expect.poll(() => banner().textContent()).toContain("St Mary's Hospital added");
    expect(await h1().textContent()).toBe('Hospitals and wards');

    await page.getByRole('link', { name: "Add a ward to St Mary's Hospital" }).click();
    await expect.poll(() => h1().textContent()).toBe('Add a ward');
    expect(await page.getByLabel('Hospital').inputValue()).not.toBe('');
    await page.getByLabel('Ward name').fill('Rainbow Ward');
    await page.getByLabel('Ward code').fill('R 1');
    await page.getByLabel('PIN (optional)').fill('12ab');
    await page.getByRole('button', { name: 'Add ward' }).click();
    await expect.poll(() => errorSummary().textContent()).toContain('Ward code must only include letters and numbers');
    expect(await errorSummary().textContent()).toContain('PIN must only include numbers');
    await expectAccessible('add-ward-errors');
    await page.getByLabel('Ward code').fill('RAINBOW');
    await page.getByLabel('PIN (optional)').fill('482916');
    await page.getByRole('button', { name: 'Add ward' }).click();
    await expect.poll(() => h1().textContent()).toBe('Rainbow Ward');
    expect(await banner().textContent()).toContain('Rainbow Ward added');
    expect(await summaryValue('Ward code').textContent()).toBe('RAINBOW');
    expect(await summaryValue('Status').textContent()).toBe('Active');
    await expectAccessible('ward');
    expect((await tablet().signIn('RAINBOW', '482916')).status).toBe(200);

    await page.getByRole('link', { name: 'Hospitals and wards', exact: true }).click();
    await page.getByRole('link', { name: 'Add a ward', exact: true }).click();
    await expect.poll(() => h1().textContent()).toBe('Add a ward');
    await expectAccessible('add-ward');
    // Two hospitals now (the demo one too): the form asks which.
    await page.getByLabel('Ward name').fill('Ward 7');
    await page.getByLabel('Ward code').fill('W7');
    await page.getByRole('button', { name: 'Add ward' }).click();
    await expect.poll(() => errorSummary().textContent()).toContain('Select the hospital the ward is in');
    await page.getByLabel('Hospital').selectOption({ label: "St Mary's Hospital" });
    await page.getByLabel('Ward code').fill('W7');
    await page.getByRole('button', { name: 'Add ward' }).click();
    await expect.poll(() => h1().textContent()).toBe('Ward 7 added');
    generatedPin = (await page.locator('.app-new-pin').textContent())!;
    expect(generatedPin).toMatch(/^\d{8}$/);
    expect(await page.locator('main').textContent()).toContain('It will not be shown again');
    await expectAccessible('ward-added-pin');

    await page.getByRole('link', { name: 'Back to hospitals and wards' }).click();
    await expect.poll(() => h1().textContent()).toBe('Hospitals and wards');
    // The list is read afresh on arrival: wait for it rather than the heading alone.
    await expect.poll(async () => (await page.locator('.nhsuk-summary-list__row').allTextContents()).join('\n')).toContain('Code: W7');
    await expectAccessible('home');
  });

  it('reports the visits a tablet books, on screen and as CSV', async () => {
    ward7Tablet = tablet();
    expect((await ward7Tablet.signIn('W7', generatedPin)).status).toBe(200);
    const tomorrow = await hospitalTomorrow();
    const first = await ward7Tablet.send(book({ date: tomorrow, time: '14:30' }));
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect((await ward7Tablet.send(book({ date: tomorrow, time: '15:30' }))).status).toBe(200);
    const visit = first.body.visits[0]!;
    const cancelled = await ward7Tablet.send({ type: 'cancel', key: crypto.randomUUID(), visitId: visit.id, baseVersion: visit.version, reason: 'Patient is unwell' });
    expect(cancelled.status).toBe(200);

    await page.getByRole('link', { name: 'Reports' }).click();
    await expect.poll(() => h1().textContent()).toBe('Reports');
    // The server's default range (the last 30 days) fills the form.
    expect(await page.locator('#to-year').inputValue()).toMatch(/^\d{4}$/);
    expect(await summaryValue('Visits booked').textContent()).toBe('0');
    await expectAccessible('reports-default');

    await fillDate('to', tomorrow);
    await page.getByLabel('Hospital or ward').selectOption({ label: 'Ward 7' });
    await page.getByRole('button', { name: 'Show report' }).click();
    await expect.poll(() => summaryValue('Visits booked').textContent()).toBe('2');
    expect(await summaryValue('Cancelled').textContent()).toBe('1');
    expect(await page.locator('#report-heading').textContent()).toContain('Ward 7');
    const chart = page.getByRole('img', { name: /Bar chart of visits booked and completed per day/ });
    expect(await chart.getAttribute('aria-label')).toContain('2 booked and 0 completed');
    const lastRow = page.locator('#report-days tbody tr').last();
    expect(await lastRow.locator('td').first().textContent()).toBe('2');
    expect(new URL(page.url()).search).toContain(`to=${tomorrow}`);
    await expectAccessible('reports');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /Download this report/ }).click()]);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(download.suggestedFilename()).toContain(tomorrow);
    expect(csv).toContain('Ward 7');
    expect(csv.split('\n').find((line) => line.includes(tomorrow))).toMatch(/,2,/);
    expect(csv).not.toContain('Alex Example');

    // A bad range is refused on the page, in words.
    await fillDate('from', tomorrow);
    await fillDate('to', addDays(tomorrow, -3));
    await page.getByRole('button', { name: 'Show report' }).click();
    await expect.poll(() => errorSummary().textContent()).toContain('The end date must be the same as or after the start date');
    await expectAccessible('reports-errors');

    // A reload keeps the report chosen (the query is in the address).
    await page.reload();
    await expect.poll(() => summaryValue('Visits booked').textContent()).toBe('2');
  });

  // Hazard H17: signing a ward out is explained and audited
  it('resets a PIN, which signs the tablet out, then archives and unarchives the ward', async () => {
    await goToWard('Ward 7');
    await page.getByRole('link', { name: 'Reset PIN' }).click();
    await expect.poll(() => h1().textContent()).toBe('Reset PIN');
    await expectAccessible('reset-pin');
    await page.getByRole('button', { name: 'Reset PIN' }).click();
    await expect.poll(() => h1().textContent()).toBe('PIN reset for Ward 7');
    const newPin = (await page.locator('.app-new-pin').textContent())!;
    expect(newPin).toMatch(/^\d{8}$/);
    expect(await page.locator('main').textContent()).toContain('1 tablet was signed out.');
    await expectAccessible('pin-reset');
    expect((await ward7Tablet.request('GET', '/api/session')).status).toBe(401);
    expect((await ward7Tablet.signIn('W7', generatedPin)).status).not.toBe(200);
    expect((await ward7Tablet.signIn('W7', newPin)).status).toBe(200);

    await page.getByRole('link', { name: 'Back to Ward 7' }).click();
    await expect.poll(() => h1().textContent()).toBe('Ward 7');
    await page.getByRole('link', { name: 'Archive ward' }).click();
    await expect.poll(() => h1().textContent()).toBe('Are you sure you want to archive Ward 7?');
    expect(await page.locator('main').textContent()).toContain(
      'Its tablets will be signed out, it will take no new bookings, and its visitor links will say the ward no longer runs visits. Its reports are kept.',
    );
    await expectAccessible('archive-ward');
    await page.getByRole('button', { name: 'Archive ward' }).click();
    await expect.poll(() => banner().textContent()).toContain('Ward 7 archived. 1 tablet was signed out.');
    expect(await summaryValue('Status').textContent()).toBe('Archived');
    await expectAccessible('ward-archived');
    expect((await ward7Tablet.request('GET', '/api/session')).status).toBe(401);
    expect((await ward7Tablet.signIn('W7', newPin)).status).not.toBe(200);
    expect((await ward7Tablet.send(book({ date: await hospitalTomorrow() }))).status).toBe(401);

    await page.getByRole('button', { name: 'Unarchive ward' }).click();
    await expect.poll(() => banner().textContent()).toContain('Ward 7 is active again');
    await expect.poll(() => summaryValue('Status').textContent()).toBe('Active');
    expect((await ward7Tablet.signIn('W7', newPin)).status).toBe(200);

    // Rename and recode, from the ward's Change links; a reload keeps the screen.
    await page.getByRole('link', { name: 'Change ward name' }).click();
    await expect.poll(() => h1().textContent()).toBe('Change ward details');
    await page.reload();
    await expect.poll(() => h1().textContent()).toBe('Change ward details');
    await expectAccessible('change-ward');
    await page.getByLabel('Ward name').fill('Ward 7 East');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => h1().textContent()).toBe('Ward 7 East');
    expect(await banner().textContent()).toContain('Ward details changed');
  });

  it('invites an admin with a one-time link to copy', async () => {
    await page.getByRole('link', { name: 'Admins' }).click();
    await expect.poll(() => h1().textContent()).toBe('Admins');
    expect(await page.locator('#admins').textContent()).toContain(EMAIL);
    await expectAccessible('admins');

    await page.getByRole('link', { name: 'Invite an admin' }).click();
    await expect.poll(() => h1().textContent()).toBe('Invite an admin');
    await page.getByLabel('Their email address').fill('not-an-email');
    await page.getByRole('button', { name: 'Get set-up link' }).click();
    await expect.poll(() => errorSummary().textContent()).toContain('Enter an email address in the correct format');
    await expectAccessible('invite-admin-errors');
    await page.getByLabel('Their email address').fill('second@trust.example');
    await page.getByRole('button', { name: 'Get set-up link' }).click();
    await expect.poll(() => h1().textContent()).toBe('Admin invited');
    const link = (await page.locator('#setup-link').textContent())!;
    expect(link).toMatch(/\/admin\/setup#token=\S+$/);
    expect(await page.locator('main').textContent()).toContain('It works for 24 hours');
    await page.getByRole('button', { name: 'Copy link' }).click();
    await expect.poll(() => page.getByText('Link copied').count()).toBe(1);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
    await expectAccessible('admin-invited');

    await page.getByRole('link', { name: 'Back to admins' }).click();
    await expect.poll(() => page.locator('#admins').textContent()).toContain('second@trust.example');
    expect(await page.locator('#admins tr', { hasText: 'second@trust.example' }).textContent()).toContain('Invited');
  });

  it('changes the password, lists every action in the audit log, and signs out', async () => {
    await page.getByRole('link', { name: 'Change password' }).click();
    await expect.poll(() => h1().textContent()).toBe('Change your password');
    await page.getByLabel('Current password').fill('wrong wrong wrong');
    await page.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel('Enter the new password again').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Change password' }).click();
    await expect.poll(() => errorSummary().textContent()).toContain('Your current password is not right');
    await expectAccessible('change-password-error');
    await page.getByLabel('Current password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Change password' }).click();
    await expect.poll(() => banner().textContent()).toContain('Your password has been changed');

    await page.getByRole('link', { name: 'Audit log' }).click();
    await expect.poll(() => h1().textContent()).toBe('Audit log');
    const log = (await page.locator('#audit').textContent())!;
    for (const action of [
      'Password chosen from a set-up link',
      'Authenticator app set up',
      'Signed in',
      'Hospital added',
      'Ward added',
      'Ward PIN reset',
      'Ward archived',
      'Ward unarchived',
      'Ward details changed',
      'Admin invited',
      'Password changed',
    ]) {
      expect(log, action).toContain(action);
    }
    expect(log).toContain(EMAIL);
    expect(log).not.toContain(generatedPin);
    await expectAccessible('audit-log');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect.poll(() => h1().textContent()).toBe('Sign in');
    expect(await banner().textContent()).toContain('You have signed out');
    await page.goto('/admin/audit');
    await expect.poll(() => new URL(page.url()).pathname).toBe('/admin/sign-in');
  });

  it('signs in again with a recovery code, and returns to the page asked for', async () => {
    await page.getByLabel('Email address').fill(EMAIL);
    await page.getByLabel('Password').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect.poll(() => h1().textContent()).toBe('Enter the code from your authenticator app');
    expect(await page.locator('#code-hint').textContent()).toContain('recovery codes');
    await expectAccessible('second-factor');
    await page.getByLabel('Code', { exact: true }).fill(recoveryCodes[0]!.toLowerCase());
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => h1().textContent()).toBe('Audit log');

    await page.goto('/admin/no-such-page');
    await expect.poll(() => h1().textContent()).toBe('Page not found');
    await expectAccessible('not-found');
    expect(pageErrors).toEqual([]);
  });
});
