import { beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { addDays, instantToLocal } from '../../src/shared/index.js';
import { useBrowser } from '../helpers/use-browser.js';
import { useServer } from '../helpers/use-server.js';
import { axeViolations, screenshotBothSizes } from '../helpers/browser.js';
import { HOSTILE_MARKUP } from '../helpers/markup-checks.js';
import { openTabletPage, signInWard } from '../helpers/tablet.js';

/**
 * The ward tablet in a real Chromium against a real server: every screen passes axe and is
 * photographed at tablet and phone size (test-results/screenshots) for a person to check.
 */

const HOSTILE_NAME = HOSTILE_MARKUP.alertingImage;

let context: BrowserContext;
let page: Page;

const server = useServer();
const browser = useBrowser();
beforeAll(async () => {
  ({ context, page } = await openTabletPage(browser, server));
});

async function expectAccessible(name: string) {
  expect(await axeViolations(page), name).toEqual([]);
  await screenshotBothSizes(page, name);
}

const h1 = () => page.getByRole('heading', { level: 1 });
const errorSummary = () => page.locator('.nhsuk-error-summary');

/** Tomorrow and the day after on the hospital's calendar, as the form and the list show them. */
async function hospitalDates() {
  const session = await page.evaluate(async () => (await fetch('/api/session')).json());
  const today = instantToLocal(new Date(), session.timeZone as string).date;
  const short = (date: string) =>
    new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
  const tomorrow = addDays(today, 1);
  const dayAfter = addDays(today, 2);
  return { tomorrow, dayAfter, tomorrowShort: short(tomorrow), dayAfterShort: short(dayAfter) };
}

async function fillDate(date: string) {
  const [year, month, day] = date.split('-') as [string, string, string];
  await page.getByLabel('Day').fill(day);
  await page.getByLabel('Month').fill(month);
  await page.getByLabel('Year').fill(year);
}

describe('ward tablet in Chromium', () => {
  it('sends a signed-out tablet to sign in, and refuses wrong details in words', async () => {
    await page.goto('/');
    await expect.poll(() => h1().textContent()).toBe('Sign in');
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    await expect.poll(() => page.title()).toBe('Sign in – Ward virtual visits');
    await expectAccessible('sign-in');

    await page.getByLabel('Ward code').fill(server.demo.wardCode);
    await page.getByLabel('PIN').fill('000000');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => errorSummary().isVisible()).toBe(true);
    expect(await errorSummary().textContent()).toContain('There is a problem');
    await expectAccessible('sign-in-error');
  });

  // Hazard H02: a ward sees and starts only its own visits
  // Hazard H19: booking mistakes are caught before and after booking
  it('books, lists, changes, cancels and rebooks a visit, then signs out', async () => {
    await page.getByLabel('PIN').fill(server.demo.pin);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => h1().textContent()).toBe(server.demo.wardName);
    await expect.poll(() => page.getByText(/^Last updated \d\d:\d\d$/).count()).toBe(1);
    expect(await page.getByRole('tabpanel').textContent()).toContain('No visits today');
    await expectAccessible('list-today');

    const dates = await hospitalDates();
    await page.getByRole('link', { name: 'Book a visit' }).click();
    await expect.poll(() => h1().textContent()).toBe('Book a visit');
    await expect.poll(() => page.title()).toBe('Book a visit – Ward virtual visits');
    await expectAccessible('book-form');

    await page.getByLabel("Patient's name").fill(HOSTILE_NAME);
    await page.getByLabel('Bed (optional)').fill('4');
    await page.getByLabel("Visitor's name").fill('Sam Jones');
    await page.getByLabel("Visitor's mobile number (optional)").fill('07700 900982');
    await fillDate(dates.tomorrow);
    await page.getByLabel('Time').fill('14:30');
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect.poll(() => h1().textContent()).toBe('Check your answers');
    expect(await page.locator('.nhsuk-summary-list').textContent()).toContain(HOSTILE_NAME);
    await expectAccessible('check-answers');

    await page.getByRole('button', { name: 'Book visit' }).click();
    await expect.poll(() => h1().textContent()).toBe('Visit booked');
    await expectAccessible('booked');

    await page.getByRole('link', { name: 'Back to visit list' }).click();
    await expect.poll(() => h1().textContent()).toBe(server.demo.wardName);
    await page.getByRole('tab', { name: 'Upcoming' }).click();
    const upcoming = page.getByRole('tabpanel', { name: 'Upcoming' });
    const card = upcoming.getByRole('link', { name: `${HOSTILE_NAME} on ${dates.tomorrowShort} at 14:30` });
    await expect.poll(() => card.count()).toBe(1);
    expect(await upcoming.textContent()).toContain('Visitor: Sam Jones');
    expect(await upcoming.textContent()).toContain('Booked');
    expect(await page.locator('main img').count()).toBe(0);
    await expectAccessible('list-upcoming');

    // Tabs by keyboard: arrow keys move between them.
    await page.getByRole('tab', { name: 'Upcoming' }).focus();
    await page.keyboard.press('ArrowRight');
    expect(await page.getByRole('tab', { name: 'Past 12 hours' }).getAttribute('aria-selected')).toBe('true');
    expect(await page.getByRole('tabpanel', { name: 'Past 12 hours' }).textContent()).toContain('No visits in the past 12 hours');
    await expectAccessible('list-past');
    await page.keyboard.press('ArrowLeft');

    await card.click();
    await expect.poll(() => h1().textContent()).toContain(HOSTILE_NAME);
    expect(await page.locator('main img').count()).toBe(0);
    // This server has no GOV.UK Notify: one line says so, and the nurse shares the link.
    await page.getByText('Text and email messages are not set up. Share the link yourself.', { exact: true }).waitFor();
    await expectAccessible('visit');

    await page.getByRole('link', { name: 'Change visit' }).click();
    await expect.poll(() => h1().textContent()).toBe('Change visit');
    expect(await page.getByLabel("Visitor's name").inputValue()).toBe('Sam Jones');
    await expectAccessible('change');
    await page.getByLabel("Visitor's name").fill('Alex Jones');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => page.getByText('Visit changed', { exact: true }).count()).toBe(1);
    expect(await page.locator('.nhsuk-summary-list').textContent()).toContain('Alex Jones');

    await page.getByRole('link', { name: 'Cancel visit' }).click();
    await expect.poll(() => h1().textContent()).toBe('Cancel visit');
    await page.getByRole('button', { name: 'Cancel visit' }).click();
    await expect.poll(() => errorSummary().textContent()).toContain('Select why the visit is cancelled');
    await page.getByLabel('Other').check();
    await page.getByLabel('Reason', { exact: true }).fill('Ward closed for cleaning');
    await expectAccessible('cancel');
    await page.getByRole('button', { name: 'Cancel visit' }).click();
    await expect.poll(() => page.getByText('Visit cancelled', { exact: true }).count()).toBe(1);
    const details = await page.locator('.nhsuk-summary-list').textContent();
    expect(details).toContain('Cancelled');
    expect(details).toContain('Ward closed for cleaning');
    expect(await page.getByRole('link', { name: 'Cancel visit' }).count()).toBe(0);

    await page.getByRole('link', { name: 'Rebook' }).click();
    await expect.poll(() => h1().textContent()).toBe('Rebook visit');
    expect(await page.getByLabel('Day').inputValue()).toBe(dates.dayAfter.slice(8));
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect.poll(() => h1().textContent()).toBe('Check your answers');
    await page.getByRole('button', { name: 'Book visit' }).click();
    await expect.poll(() => h1().textContent()).toBe('Visit booked');

    await page.getByRole('link', { name: 'Back to visit list' }).click();
    await page.getByRole('tab', { name: 'Upcoming' }).click();
    await expect.poll(() => upcoming.getByRole('link', { name: `${HOSTILE_NAME} on ${dates.dayAfterShort} at 14:30` }).count()).toBe(1);
    expect(await upcoming.getByRole('link').count()).toBe(2);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect.poll(() => h1().textContent()).toBe('Sign in');
    await page.goto('/');
    await expect.poll(() => new URL(page.url()).pathname).toBe('/sign-in');
  });

  // Hazard H19: booking mistakes are caught before and after booking
  it('shows every problem with an empty or wrong booking in an error summary', async () => {
    await signInWard(page, server.demo);
    await expect.poll(() => h1().textContent()).toBe(server.demo.wardName);
    await page.goto('/visits/new');
    await expect.poll(() => h1().textContent()).toBe('Book a visit');

    await page.getByRole('button', { name: 'Continue' }).click();
    await expect.poll(() => errorSummary().isVisible()).toBe(true);
    const summary = await errorSummary().textContent();
    expect(summary).toContain("Enter the patient's name");
    expect(summary).toContain("Enter the visitor's name");
    expect(summary).toContain('Enter the date of the visit');
    await expect.poll(() => page.title()).toBe('Error: Book a visit – Ward virtual visits');
    await expectAccessible('book-form-errors');

    // The summary's link takes the nurse to the box.
    await errorSummary().getByRole('link', { name: "Enter the patient's name" }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('patient-name');

    await page.getByLabel("Visitor's mobile number (optional)").fill('12345');
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect.poll(() => errorSummary().textContent()).toContain('The mobile number is too short: enter all 11 digits, like 07700 900982');
    expect(await page.locator('#visitor-mobile').getAttribute('class')).toContain('nhsuk-input--error');
  });
});

describe('ward tablet when taps and tablets overlap', () => {
  // Hazard H04: the visit list and the family's link show the current visit
  // Hazard H05: a change made offline is kept and applied exactly once
  it('books once for a double tap, and shows the server’s version after a change made elsewhere', async () => {
    const dates = await hospitalDates();
    await page.goto('/visits/new');
    await expect.poll(() => h1().textContent()).toBe('Book a visit');
    await page.getByLabel("Patient's name").fill('Pat Double');
    await page.getByLabel("Visitor's name").fill('Vic Double');
    await fillDate(dates.tomorrow);
    await page.getByLabel('Time').fill('10:15');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('button', { name: 'Book visit' }).dblclick();
    await expect.poll(() => h1().textContent()).toBe('Visit booked');
    const listed = (await (await context.request.get('/api/visits')).json()) as { visits: { id: string; version: number; patientName: string }[] };
    const booked = listed.visits.filter((visit) => visit.patientName === 'Pat Double');
    expect(booked).toHaveLength(1);

    // The nurse opens the change form; meanwhile the ward's other tablet changes the visit.
    const visit = booked[0]!;
    await page.goto(`/visits/${visit.id}/change`);
    await expect.poll(() => h1().textContent()).toBe('Change visit');
    const fields = {
      patientName: 'Pat Double', bed: null, visitorName: 'Changed Elsewhere', visitorMobile: null, visitorEmail: null,
      date: dates.tomorrow, time: '10:15', lengthMinutes: 30,
    };
    const other = await context.request.post('/api/commands', {
      data: { type: 'change', key: crypto.randomUUID(), visitId: visit.id, baseVersion: visit.version, fields },
    });
    expect(other.status()).toBe(200);

    await page.getByLabel("Visitor's name").fill('Changed Here');
    await page.getByRole('button', { name: 'Save changes' }).click();
    // A notice, not the error summary (that is for the form's own mistakes), naming the change.
    const notice = page.getByRole('region', { name: 'A change to this visit was not accepted' });
    await expect.poll(() => notice.isVisible()).toBe(true);
    expect(await notice.innerText()).toContain("Change to Pat Double's visit");
    expect(new URL(page.url()).pathname).toBe(`/visits/${visit.id}`);
    expect(await page.locator('.nhsuk-summary-list').textContent()).toContain('Changed Elsewhere');
    await expectAccessible('visit-conflict');
  });
});
