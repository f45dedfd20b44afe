import { beforeAll, expect, it } from 'vitest';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { createWardWithHospital } from '../../src/server/store/wards.js';
import { ApiClient, book } from '../helpers/api-client.js';
import { VIEWPORTS } from '../helpers/browser.js';
import { expectShownAsText as expectShown, HOSTILE_MARKUP, INJECTED_SELECTOR, injectedElements, watchForInjection, type InjectionWatch } from '../helpers/markup-checks.js';
import { useBrowser } from '../helpers/use-browser.js';
import { useServer } from '../helpers/use-server.js';
import { hospitalClockIn, hospitalTomorrow } from '../helpers/hospital-time.js';
import { openTabletPage } from '../helpers/tablet.js';

/**
 * Issue 6: markup typed into any text field, or set up as a ward or hospital name, is shown as
 * the characters typed on every screen of the ward tablet and the visitor's join page: never
 * turned into elements, never run, never even tried (the strict Content-Security-Policy would
 * refuse an injected handler, and Chromium reports that on the console).
 */

const { patient: PATIENT, bed: BED, bedChanged: BED_CHANGED, visitor: VISITOR, cancelReason: CANCEL_REASON, ward: WARD, hospital: HOSPITAL } = HOSTILE_MARKUP;
/** The booking rules refuse < and > in an email address; these characters they allow. */
const EMAIL = "o'neil&lt+jo@example.org";
const MOBILE = '07700 900123';
const WARD_CODE = 'MARKUP1';
const PIN = '482915';
const INJECTED = INJECTED_SELECTOR;

const MINUTE = 60_000;

let clockShift = 0;
let context: BrowserContext;
let page: Page;
let watch: InjectionWatch;
let tomorrow: string;

/** Books through the API as if the server's clock were `minutesAgo` earlier, so a visit can be in the past. */
async function bookStarting(minutesAgo: number, fields: Parameters<typeof book>[0]) {
  clockShift = -(minutesAgo + 30) * MINUTE;
  try {
    const api = new ApiClient(server.url);
    expect((await api.signIn(WARD_CODE, PIN)).status).toBe(200);
    const at = hospitalClockIn(-minutesAgo);
    const answer = await api.send(book({ ...fields, date: at.date, time: at.time }));
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  } finally {
    clockShift = 0;
  }
}

const server = useServer({ now: () => new Date(Date.now() + clockShift) });
const browser = useBrowser();
beforeAll(async () => {
  await createWardWithHospital(
    server.db,
    { trustName: 'Markup trust', hospitalName: HOSPITAL, wardName: WARD, wardCode: WARD_CODE, pin: PIN },
    new Date(),
  );
  tomorrow = hospitalTomorrow();
  // One visit for each of the list's other tabs: Today (started half an hour ago) and Past 12 hours.
  await bookStarting(30, { patientName: PATIENT, bed: BED, visitorName: VISITOR, visitorMobile: null });
  await bookStarting(180, { patientName: PATIENT, bed: BED, visitorName: VISITOR, visitorMobile: null });

  context = await browser.newContext({ viewport: VIEWPORTS.tablet, baseURL: server.url });
  watch = watchForInjection(context);
  ({ page } = await openTabletPage(browser, server, { context }));
});

const injected = (target: Page) => injectedElements(target, INJECTED);

/** Each string shown as the characters typed (in `scope`, default the whole page); nothing injected, run or refused. */
const expectShownAsText = (target: Page, screen: string, values: string[], scope?: Locator) =>
  expectShown(target, screen, values, { watch, selector: INJECTED, ...(scope ? { scope } : {}) });

const h1 = () => page.getByRole('heading', { level: 1 });
const errorSummary = () => page.locator('.nhsuk-error-summary');

async function fillDate(date: string) {
  const [year, month, day] = date.split('-') as [string, string, string];
  await page.getByLabel('Day').fill(day);
  await page.getByLabel('Month').fill(month);
  await page.getByLabel('Year').fill(year);
}

it('signs in to a ward whose name is markup, and lists it as text on every tab', async () => {
  await page.goto('/sign-in');
  // A ward code that is markup gets the plain refusal.
  await page.getByLabel('Ward code').fill('<b>X</b>');
  await page.getByLabel('PIN').fill(PIN);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect.poll(() => errorSummary().textContent()).toContain('The ward code or PIN is not right');
  expect(await page.getByLabel('Ward code').inputValue()).toBe('<b>X</b>');
  await expectShownAsText(page, 'sign in refused', []);

  await page.getByLabel('Ward code').fill(WARD_CODE);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect.poll(() => h1().textContent()).toBe(WARD);
  await expectShownAsText(page, 'visit list header', [WARD], page.locator('header'));

  await page.getByRole('tab', { name: 'Today' }).click();
  await expectShownAsText(page, 'Today tab', [PATIENT, `Bed ${BED}`, `Visitor: ${VISITOR}`], page.getByRole('tabpanel', { name: 'Today' }));
  await page.getByRole('tab', { name: 'Past 12 hours' }).click();
  await expectShownAsText(page, 'Past tab', [PATIENT, `Bed ${BED}`, `Visitor: ${VISITOR}`], page.getByRole('tabpanel', { name: 'Past 12 hours' }));
});

it('books through the form: markup that the rules refuse gets the plain message, the rest is checked as text', async () => {
  await page.getByRole('link', { name: 'Book a visit' }).click();
  await expect.poll(() => h1().textContent()).toBe('Book a visit');
  await page.getByLabel("Patient's name").fill(PATIENT);
  await page.getByLabel('Bed (optional)').fill(BED);
  await page.getByLabel("Visitor's name").fill(VISITOR);
  await page.getByLabel("Visitor's mobile number (optional)").fill(`<b>${MOBILE}</b>`);
  await page.getByLabel("Visitor's email address (optional)").fill('<b>jo</b>@example.org');
  await fillDate(tomorrow);
  await page.getByLabel('Time').fill('14:30');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect.poll(() => errorSummary().textContent()).toContain('Mobile number must only include numbers, spaces, brackets and dashes, like 07700 900982');
  expect(await errorSummary().textContent()).toContain('Enter an email address in the correct format, like name@example.com');
  // What the nurse typed stays in the boxes, as typed.
  expect(await page.getByLabel("Patient's name").inputValue()).toBe(PATIENT);
  expect(await page.getByLabel("Visitor's mobile number (optional)").inputValue()).toBe(`<b>${MOBILE}</b>`);
  await expectShownAsText(page, 'book form errors', []);

  await page.getByLabel("Visitor's mobile number (optional)").fill(MOBILE);
  await page.getByLabel("Visitor's email address (optional)").fill(EMAIL);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect.poll(() => h1().textContent()).toBe('Check your answers');
  await expectShownAsText(page, 'check your answers', [PATIENT, BED, VISITOR, EMAIL], page.locator('.nhsuk-summary-list'));

  await page.getByRole('button', { name: 'Book visit' }).click();
  await expect.poll(() => h1().textContent()).toBe('Visit booked');
  await expectShownAsText(page, 'visit booked', [`${PATIENT} with ${VISITOR}`]);

  await page.getByRole('link', { name: 'Back to visit list' }).click();
  await page.getByRole('tab', { name: 'Upcoming' }).click();
  const upcoming = page.getByRole('tabpanel', { name: 'Upcoming' });
  await expectShownAsText(page, 'Upcoming tab', [PATIENT, `Bed ${BED}`, `Visitor: ${VISITOR}`], upcoming);
});

it('shows the visit, then its change form and the changed visit, as text', async () => {
  await page.getByRole('tabpanel', { name: 'Upcoming' }).locator('.app-visit-row a', { hasText: PATIENT }).click();
  await expect.poll(() => h1().textContent()).toContain(PATIENT);
  await page.getByRole('heading', { name: 'Link for the visitor' }).waitFor();
  await expectShownAsText(page, 'visit page', [PATIENT, BED, VISITOR, '07700 900123', EMAIL, WARD]);

  await page.getByRole('link', { name: 'Change visit' }).click();
  await expect.poll(() => h1().textContent()).toBe('Change visit');
  expect(await page.getByLabel("Patient's name").inputValue()).toBe(PATIENT);
  expect(await page.getByLabel('Bed (optional)').inputValue()).toBe(BED);
  expect(await page.getByLabel("Visitor's name").inputValue()).toBe(VISITOR);
  expect(await page.getByLabel("Visitor's email address (optional)").inputValue()).toBe(EMAIL);
  await expectShownAsText(page, 'change form', []);

  await page.getByLabel('Bed (optional)').fill(BED_CHANGED);
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect.poll(() => page.getByText('Visit changed', { exact: true }).count()).toBe(1);
  await expectShownAsText(page, 'changed visit', [PATIENT, BED_CHANGED, VISITOR], page.locator('.nhsuk-summary-list'));
});

it("opens the visitor's link naming the hospital and ward as text", async () => {
  const link = await page.locator('.app-join-link__url').innerText();
  const phone = await context.newPage();
  try {
    await phone.setViewportSize(VIEWPORTS.phone);
    await phone.goto(link);
    await phone.getByRole('heading', { level: 1, name: 'Your video visit' }).waitFor();
    await expectShownAsText(phone, 'join page', [HOSPITAL, WARD], phone.locator('.app-visit-facts'));
  } finally {
    await phone.close();
  }
});

it('cancels with a reason that is markup, shows it as text, and rebooks with the details prefilled as typed', async () => {
  await page.getByRole('link', { name: 'Cancel visit' }).click();
  await expect.poll(() => h1().textContent()).toBe('Cancel visit');
  await expectShownAsText(page, 'cancel form', [`${PATIENT} with ${VISITOR}`]);
  await page.getByLabel('Other').check();
  await page.getByLabel('Reason', { exact: true }).fill(CANCEL_REASON);
  await page.getByRole('button', { name: 'Cancel visit' }).click();
  await expect.poll(() => page.getByText('Visit cancelled', { exact: true }).count()).toBe(1);
  const details = page.locator('.nhsuk-summary-list');
  await expect.poll(() => details.textContent()).toContain('Reason for cancelling');
  await expectShownAsText(page, 'cancelled visit', [CANCEL_REASON, PATIENT, BED_CHANGED, VISITOR], details);

  await page.getByRole('link', { name: 'Rebook' }).click();
  await expect.poll(() => h1().textContent()).toBe('Rebook visit');
  expect(await page.getByLabel("Patient's name").inputValue()).toBe(PATIENT);
  expect(await page.getByLabel('Bed (optional)').inputValue()).toBe(BED_CHANGED);
  expect(await page.getByLabel("Visitor's name").inputValue()).toBe(VISITOR);
  expect(await page.getByLabel("Visitor's email address (optional)").inputValue()).toBe(EMAIL);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect.poll(() => h1().textContent()).toBe('Check your answers');
  await expectShownAsText(page, 'rebook check your answers', [PATIENT, BED_CHANGED, VISITOR, EMAIL], page.locator('.nhsuk-summary-list'));
  await page.getByRole('button', { name: 'Book visit' }).click();
  await expect.poll(() => h1().textContent()).toBe('Visit booked');
  await expectShownAsText(page, 'rebooked', [`${PATIENT} with ${VISITOR}`]);
});

it('would notice: the same markup put into the page as HTML is found and reported', async () => {
  // Proves the checks above can fail: insert one hostile string as HTML, as a bug would.
  const shownAsText = await page.getByText(PATIENT).count();
  await page.evaluate((html) => document.querySelector('main')!.insertAdjacentHTML('beforeend', html), PATIENT);
  await expect.poll(() => watch.cspReports.length).toBeGreaterThan(0);
  expect(watch.cspReports[0]).toContain('Content Security Policy');
  expect(await injected(page)).toEqual([expect.stringContaining('<img src="x"')]);
  // As HTML it is an image and "Ann", not one more place showing the characters typed.
  expect(await page.getByText(PATIENT).count()).toBe(shownAsText);
});
