import { beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { expectAccessibleAt, VIEWPORTS } from '../helpers/browser.js';
import { bookVisitForNow } from '../helpers/call-journey.js';
import { useBrowser } from '../helpers/use-browser.js';
import { useServer } from '../helpers/use-server.js';
import { openTabletPage, submitSignIn } from '../helpers/tablet.js';
import { hospitalDate } from '../helpers/hospital-time.js';

/**
 * The nurse's booking journey as the nurse sees it: sign-in help, the booking form's shortcuts
 * and errors, the link straight after booking (also when booked offline), the visit page's
 * actions, the prompts to tell the family, and the sign-out warning.
 */

let context: BrowserContext;
let page: Page;

const server = useServer();
const browser = useBrowser();
beforeAll(async () => {
  ({ context, page } = await openTabletPage(browser, server));
});

const h1 = () => page.getByRole('heading', { level: 1 });
const errorSummary = () => page.locator('.nhsuk-error-summary');
const errorOf = (id: string) => page.locator(`#${id}-error`);

async function fillDate(date: string) {
  const [year, month, day] = date.split('-') as [string, string, string];
  await page.getByLabel('Day').fill(day);
  await page.getByLabel('Month').fill(month);
  await page.getByLabel('Year').fill(year);
}

async function startBooking(patient: string, visitor: string) {
  await page.goto('/visits/new');
  await expect.poll(() => h1().textContent()).toBe('Book a visit');
  await page.getByLabel("Patient's name").fill(patient);
  await page.getByLabel("Visitor's name").fill(visitor);
}

describe('signing in', () => {
  it('focuses the heading with no focus box, and lets go of it like nhsuk does', async () => {
    await page.goto('/sign-in');
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    const focused = await page.evaluate(() => {
      const heading = document.querySelector('h1')!;
      return { outline: getComputedStyle(heading).outlineStyle, tabIndex: heading.getAttribute('tabindex') };
    });
    expect(focused).toEqual({ outline: 'none', tabIndex: '-1' });

    await page.keyboard.press('Tab');
    const after = await page.evaluate(() => {
      const heading = document.querySelector('h1')!;
      return { focused: document.activeElement === heading, tabIndex: heading.getAttribute('tabindex'), class: heading.className };
    });
    // Tabbing on leaves the heading as it was: not focusable, so a tap on it later shows no box either.
    expect(after).toEqual({ focused: false, tabIndex: null, class: '' });
  });

  it('tells a nurse who has forgotten the ward code or PIN who to ask', async () => {
    await page.getByText('Forgotten the ward code or PIN?').click();
    await page.getByText('Ask the nurse in charge or your trust\'s admin.').waitFor();
    await expectAccessibleAt(page, 'sign-in-help', VIEWPORTS);

    await submitSignIn(page, server.demo);
    await expect.poll(() => h1().textContent()).toBe(server.demo.wardName);
  });
});

describe('the booking form', () => {
  // Hazard H19: booking mistakes are caught before and after booking
  it('shows the date and time errors together, each on its own box', async () => {
    await startBooking('Both Wrong', 'Val Both');
    await page.getByLabel('Time').fill('half nine');
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect.poll(() => errorSummary().isVisible()).toBe(true);
    const summary = await errorSummary().innerText();
    expect(summary).toContain('Enter the date of the visit');
    expect(summary).toContain('Enter a real time, like 9:30 or 14:30');
    expect(await errorOf('date').innerText()).toContain('Enter the date of the visit');
    expect(await errorOf('time').innerText()).toContain('Enter a real time, like 9:30 or 14:30');
    await expectAccessibleAt(page, 'book-form-date-and-time-errors', VIEWPORTS);
  });

  // Hazard H19: booking mistakes are caught before and after booking
  it('puts "in the future" on the time for earlier today, and on the date for a past day', async () => {
    await startBooking('Too Early', 'Val Early');
    await page.getByRole('button', { name: 'Today' }).click();
    await page.getByLabel('Time').fill('0:00');
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect.poll(() => errorOf('time').isVisible()).toBe(true);
    expect(await errorOf('time').innerText()).toContain('The visit must be in the future');
    expect(await errorOf('date').count()).toBe(0);

    await fillDate(hospitalDate(-1));
    await page.getByLabel('Time').fill('23:00');
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect.poll(() => errorOf('date').isVisible()).toBe(true);
    expect(await errorOf('date').innerText()).toContain('The date must be today or in the future');
    expect(await errorOf('time').count()).toBe(0);
  });

  it('fills today or tomorrow in one tap, reads the date back in words, and takes 930 as 09:30', async () => {
    await startBooking('Short Cut', 'Val Short');
    const tomorrow = hospitalDate(1);
    await page.getByRole('button', { name: 'Today' }).click();
    expect(await page.getByLabel('Day').inputValue()).toBe(String(Number(hospitalDate().slice(8))));
    await page.getByRole('button', { name: 'Tomorrow' }).click();
    expect(await page.getByLabel('Day').inputValue()).toBe(String(Number(tomorrow.slice(8))));
    expect(await page.getByLabel('Month').inputValue()).toBe(String(Number(tomorrow.slice(5, 7))));
    expect(await page.getByLabel('Year').inputValue()).toBe(tomorrow.slice(0, 4));
    const inWords = new Intl.DateTimeFormat('en-GB', { weekday: 'long', timeZone: 'UTC' }).format(new Date(`${tomorrow}T00:00:00Z`));
    expect(await page.locator('.app-date-in-words').innerText()).toContain(inWords);
    await expectAccessibleAt(page, 'book-form-tomorrow', VIEWPORTS);

    await page.getByLabel('Time').fill('930');
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect.poll(() => h1().textContent()).toBe('Check your answers');
    expect(await page.locator('.nhsuk-summary-list').innerText()).toContain('09:30');
  });
});

describe('after booking', () => {
  // Hazard H09: the ward can share the link and sees whether the family is there
  it('gives the link straight away, with the next step, and says a rebooked visit has a new link', async () => {
    await startBooking('Link Straight', 'Lee Family');
    await page.getByLabel("Visitor's mobile number (optional)").fill('07700900123');
    await page.getByRole('button', { name: 'Tomorrow' }).click();
    await page.getByLabel('Time').fill('14.45');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('button', { name: 'Book visit' }).click();
    await expect.poll(() => h1().textContent()).toBe('Visit booked');
    await page.getByRole('heading', { name: 'Next, give Lee Family the link' }).waitFor();
    await expect.poll(() => page.locator('.app-join-link__url').count()).toBe(1);
    expect(await page.locator('.app-join-link__url').innerText()).toMatch(/\/visit\/[A-Za-z0-9_-]{43}$/);
    expect(await page.getByRole('button', { name: 'Copy link' }).isVisible()).toBe(true);
    expect(await page.getByRole('img', { name: 'QR code of the link for the visitor' }).isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: '07700 900123' }).getAttribute('href')).toBe('tel:+447700900123');
    await expectAccessibleAt(page, 'booked-with-link', VIEWPORTS);
  });

  // Hazard H09: the ward can share the link and sees whether the family is there
  it('prompts the nurse to tell the relative after a change and after a cancel, then offers Rebook', async () => {
    await page.getByRole('link', { name: 'Back to visit list' }).click();
    await page.getByRole('tab', { name: 'Upcoming' }).click();
    await page.getByRole('link', { name: /Link Straight/ }).click();
    await expect.poll(() => h1().textContent()).toContain('Link Straight');
    // A visit still to come is moved with Change; Rebook is for visits that are over.
    expect(await page.getByRole('link', { name: 'Rebook' }).count()).toBe(0);

    await page.getByRole('link', { name: 'Change visit' }).click();
    await page.getByLabel("Visitor's email address (optional)").fill('lee@example.com');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Visit changed', { exact: true }).waitFor();
    await page.getByText('Tell Lee Family about the change. Their link stays the same.').waitFor();
    const banner = page.locator('.nhsuk-notification-banner');
    expect(await banner.getByRole('link', { name: '07700 900123' }).getAttribute('href')).toBe('tel:+447700900123');
    expect(await banner.getByRole('link', { name: 'lee@example.com' }).getAttribute('href')).toBe('mailto:lee@example.com');
    await expectAccessibleAt(page, 'visit-changed-tell-visitor', VIEWPORTS);

    await page.getByRole('link', { name: 'Cancel visit' }).click();
    await page.getByLabel('Patient is unwell').check();
    await page.getByRole('button', { name: 'Cancel visit' }).click();
    await page.getByText('Visit cancelled', { exact: true }).waitFor();
    await page.getByText('Tell Lee Family the visit is cancelled. Their link no longer works.').waitFor();
    await expectAccessibleAt(page, 'visit-cancelled-tell-visitor', VIEWPORTS);

    await page.getByRole('link', { name: 'Rebook' }).click();
    await expect.poll(() => h1().textContent()).toBe('Rebook visit');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('button', { name: 'Book visit' }).click();
    await expect.poll(() => h1().textContent()).toBe('Visit booked');
    await page.getByText('This is a rebooked visit, so it has a new link. The link for the earlier visit does not work for this one.').waitFor();
    await expectAccessibleAt(page, 'rebooked-new-link', VIEWPORTS);
  });
});

describe('the visit page', () => {
  it('has one primary button, Start visit; the rest are secondary or links', async () => {
    const { visit } = await bookVisitForNow(server, { patientName: 'Now Patient', visitorName: 'Nia Now' });
    await page.goto(`/visits/${visit.id}`);
    await page.getByRole('link', { name: 'Start visit' }).waitFor();
    const primaries = page.locator('main .nhsuk-button:not(.nhsuk-button--secondary):not(.nhsuk-button--warning):not(.nhsuk-button--reverse)');
    await page.getByRole('heading', { name: 'Link for the visitor' }).waitFor();
    await page.locator('.app-join-link__url').waitFor();
    expect(await primaries.allInnerTexts()).toEqual(['Start visit']);
    expect(await page.getByRole('link', { name: 'Change visit' }).getAttribute('class')).toContain('nhsuk-button--secondary');
    expect(await page.getByRole('link', { name: 'Cancel visit' }).getAttribute('class')).toBeNull();
    await expectAccessibleAt(page, 'visit-start-now', VIEWPORTS);
  });
});

describe('offline', () => {
  async function bookTomorrowOffline(patient: string, visitor: string) {
    await startBooking(patient, visitor);
    await page.getByRole('button', { name: 'Tomorrow' }).click();
    await page.getByLabel('Time').fill('9.30');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('button', { name: 'Book visit' }).click();
    await expect.poll(() => h1().textContent()).toBe('Visit not sent yet');
  }

  // Hazard H05: a change made offline is kept and applied exactly once
  it('does not show a booking made offline as confirmed, and turns into "Visit booked" with the link once it is sent', async () => {
    await page.goto('/');
    await expect.poll(() => h1().textContent()).toBe(server.demo.wardName);
    await context.setOffline(true);
    await bookTomorrowOffline('Off Line', 'Olive Family');
    expect(await page.getByText('Saved on this tablet. It will be sent when the tablet is back online.').isVisible()).toBe(true);
    expect(await page.locator('.nhsuk-panel').count()).toBe(0);
    expect(await page.locator('.app-join-link__url').count()).toBe(0);
    await page.getByText('The link shows here once this visit has been sent.', { exact: false }).waitFor();
    await expectAccessibleAt(page, 'booked-offline', VIEWPORTS);

    await context.setOffline(false);
    await expect.poll(() => h1().textContent(), { timeout: 15_000 }).toBe('Visit booked');
    await expect.poll(() => page.locator('.app-join-link__url').count(), { timeout: 15_000 }).toBe(1);
    expect(await page.getByText('Saved on this tablet.', { exact: false }).count()).toBe(0);
    await expectAccessibleAt(page, 'booked-offline-then-sent', VIEWPORTS);
  });

  // Hazard H05: a change made offline is kept and applied exactly once
  it('names what sign-out would lose in a styled warning, and the visit page shows the link once the booking is sent', async () => {
    await context.setOffline(true);
    await bookTomorrowOffline('Page Wait', 'Paula Family');
    await page.getByRole('link', { name: 'Back to visit list' }).click();
    await page.getByRole('tab', { name: 'Upcoming' }).click();
    await page.getByRole('link', { name: /Page Wait/ }).click();
    await expect.poll(() => h1().textContent()).toContain('Page Wait');
    await page.getByText('The link shows here once this visit has been sent.', { exact: false }).waitFor();

    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect.poll(() => h1().textContent()).toBe('Sign out');
    const warning = page.locator('.nhsuk-card--warning');
    await expect.poll(() => warning.innerText()).toContain('1 change has not been sent yet');
    expect(await warning.locator('li').allInnerTexts()).toEqual([expect.stringMatching(/^Page Wait, \w{3} \d{1,2} \w{3} at 09:30: new booking$/)]);
    // The warning's own colours are in the build: not a plain heading on the page's background.
    const colours = await warning.evaluate((card) => ({ card: getComputedStyle(card).backgroundColor, page: getComputedStyle(document.body).backgroundColor }));
    expect(colours.card).not.toBe(colours.page);
    await expectAccessibleAt(page, 'sign-out-lists-unsent', VIEWPORTS);

    await page.getByRole('link', { name: 'Stay signed in' }).click();
    await page.getByRole('tab', { name: 'Upcoming' }).click();
    await page.getByRole('link', { name: /Page Wait/ }).click();
    await page.getByText('The link shows here once this visit has been sent.', { exact: false }).waitFor();
    await context.setOffline(false);
    await expect.poll(() => page.locator('.app-join-link__url').count(), { timeout: 15_000 }).toBe(1);
    expect(await page.locator('.app-join-link__url').innerText()).toMatch(/\/visit\/[A-Za-z0-9_-]{43}$/);
  });
});
