import { beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { RESENDS_PER_VISIT, type MessageChannel, type MessageKind } from '../../src/shared/index.js';
import { book, signedInDemoWard } from '../helpers/api-client.js';
import { expectAccessibleAt, VIEWPORTS } from '../helpers/browser.js';
import { launchCallBrowser, newCallContext } from '../helpers/call-browser.js';
import { type SentNotification } from '../helpers/fake-notify/index.js';
import { messageName } from '../helpers/notify-env.js';
import { bookVisit, openTablet } from '../helpers/tablet.js';
import { hospitalClockIn, hospitalTomorrow } from '../helpers/hospital-time.js';
import { useServerWithNotify } from '../helpers/use-notify-server.js';
import { useBrowser } from '../helpers/use-browser.js';

/**
 * Issue 14 on the ward tablet, end to end: a real server sending through the real Notify
 * client to the fake GOV.UK Notify. The nurse books with a mobile and an email, the Visit
 * booked page says the service will text and email them, the visit page follows each message
 * to "Delivered" or "Not delivered", Start sends the link, and that link opens the visitor's
 * page. Starting needs no connected call (nobody joins), so this runs outside the loopback
 * namespace with only the fake camera.
 */

const MOBILE = '07700 900123';
const EMAIL = 'jo.family@example.com';
const VISITOR = 'Jo Family';
const PATIENT = 'Pat Messages';
/** The server asks Notify about a sent message after 3 s, then 6 s: well inside this. */
const FOLLOW_UP_MS = 30_000;
const MINUTE_MS = 60_000;

let page: Page;

const { server, fake } = useServerWithNotify();
const browser = useBrowser(() => launchCallBrowser());
beforeAll(async () => {
  ({ page } = await openTablet(browser, server, { context: await newCallContext(browser, server.url) }));
});

const h1 = () => page.getByRole('heading', { level: 1 });
/** The visit page's line for one contact (by its address): its summary-list row, read as the nurse reads it. */
const line = (address: string) => page.locator('.app-messages .nhsuk-summary-list__row', { hasText: address });
// innerText puts a space before the visually hidden colon (it is positioned out of the flow).
const lineText = async (address: string) => (await line(address).innerText()).replace(/\s+/g, ' ').replace(/ :/g, ':').trim();

/** The messages the fake took of one kind and channel, oldest first. */
const sentOf = (kind: MessageKind, channel: MessageChannel): SentNotification[] => fake.sent().filter((n) => messageName(n) === `${kind}/${channel}`);

it('books with a mobile and an email, and the Visit booked page says the service sends the link', async () => {
  // A few minutes ahead, on the hospital's clock: the visit can start at once.
  const soon = hospitalClockIn(5);
  await bookVisit(page, PATIENT, VISITOR, soon.date, soon.time, MOBILE, EMAIL);
  await expect.poll(() => h1().textContent()).toBe('Visit booked');

  const words = `We will text ${MOBILE} and email ${EMAIL} to confirm the booking, and again with the link when you start the visit.`;
  await page.getByText(words, { exact: true }).waitFor();
  // Read out too, once the booking reaches the server.
  expect(await page.getByRole('status').textContent()).toBe(`Visit booked. ${words}`);
  // The link is still to hand, folded away: the nurse is not asked to do what the service does.
  expect(await page.getByRole('heading', { name: /^Next, give/ }).count()).toBe(0);
  const share = page.locator('details', { hasText: 'Share the link yourself' });
  expect(await share.getAttribute('open')).toBeNull();
  await expectAccessibleAt(page, 'booked-with-messages', VIEWPORTS);
  await share.locator('summary').click();
  await share.locator('.app-join-link__url').waitFor();
  await expectAccessibleAt(page, 'booked-with-messages-link-open', VIEWPORTS);
});

// Hazard H09: the ward sees whether the family got the message
it('shows each contact line on the visit page, from sent to delivered and not delivered', async () => {
  await expect.poll(() => sentOf('booked', 'sms').length).toBe(1);
  await expect.poll(() => sentOf('booked', 'email').length).toBe(1);
  await page.goto('/');
  await page.getByRole('tab', { name: 'Today' }).click();
  await page.locator('.app-visit-row a', { hasText: PATIENT }).click();
  await expect.poll(() => h1().textContent()).toContain(PATIENT);

  await expect.poll(() => lineText(MOBILE)).toBe(`Text message ${MOBILE} Booking confirmation: Sent`);
  expect(await lineText(EMAIL)).toBe(`Email ${EMAIL} Booking confirmation: Sent`);
  // Notify says where each went; the server asks a few seconds after sending and pushes the news.
  fake.deliver(sentOf('booked', 'sms')[0]!.id);
  fake.fail(sentOf('booked', 'email')[0]!.id, 'temporary-failure');
  await expect.poll(() => lineText(MOBILE), { timeout: FOLLOW_UP_MS }).toBe(`Text message ${MOBILE} Booking confirmation: Delivered`);
  await expect.poll(() => lineText(EMAIL), { timeout: FOLLOW_UP_MS }).toBe(
    `Email ${EMAIL} Booking confirmation: Not delivered The mailbox was full or not taking mail.`,
  );
  expect(await line(MOBILE).locator('.nhsuk-tag--green').count()).toBe(1);
  expect(await line(EMAIL).locator('.nhsuk-tag--red').count()).toBe(1);
  // Not started yet: nothing to send again.
  expect(await page.getByRole('button', { name: 'Send the link again' }).count()).toBe(0);
  await expectAccessibleAt(page, 'visit-messages', VIEWPORTS);

  // Offline the status is not known, and the page says so rather than show it stale.
  await page.context().setOffline(true);
  await page.getByText('Message status shows when the tablet is online.', { exact: true }).waitFor();
  expect(await line(MOBILE).count()).toBe(0);
  await page.context().setOffline(false);
  await expect.poll(() => lineText(MOBILE)).toBe(`Text message ${MOBILE} Booking confirmation: Delivered`);
});

// Hazard H09: the family gets a working link when the visit starts
it('sends the link when the nurse starts the visit, and that link opens the visitor’s page', async () => {
  await page.getByRole('link', { name: 'Start visit' }).click();
  await page.getByText(/^Waiting for .* to join/).waitFor();
  await expect.poll(() => sentOf('ready', 'sms').length, { timeout: FOLLOW_UP_MS }).toBe(1);
  const ready = sentOf('ready', 'sms')[0]!;
  expect(ready.to.replace(/\s/g, '')).toBe(MOBILE.replace(/\s/g, ''));
  const link = ready.personalisation.link as string;
  expect(new URL(link).origin).toBe(server.url);

  const phone = await browser.newContext({ viewport: VIEWPORTS.phone });
  try {
    const visitor = await phone.newPage();
    await visitor.goto(link);
    await visitor.getByRole('heading', { level: 1, name: 'Your video visit' }).waitFor();
    const facts = await visitor.locator('.app-visit-facts').innerText();
    expect(facts).toContain('Demo General Hospital');
    expect(facts).toContain(server.demo.wardName);
  } finally {
    await phone.close();
  }
});

it('sends the link again once per tap, and says how many times are left', async () => {
  await page.goto(page.url().replace(/\/call$/, ''));
  await expect.poll(() => h1().textContent()).toContain(PATIENT);
  await expect.poll(() => lineText(MOBILE)).toMatch(/^Text message 07700 900123 Link to join: (Sent|Waiting to send)$/);
  fake.deliver(sentOf('ready', 'sms')[0]!.id);
  await expect.poll(() => lineText(MOBILE), { timeout: FOLLOW_UP_MS }).toBe(`Text message ${MOBILE} Link to join: Delivered`);

  // A double tap is one resend: the button waits for the answer, and each tap has its own key.
  await page.getByRole('button', { name: 'Send the link again' }).dblclick();
  await page.getByText('The link is being sent again.').waitFor();
  // The double tap selected a word of the button: not what a tablet shows, so not in the screenshot.
  await page.evaluate(() => getSelection()?.removeAllRanges());
  await page.getByText(`If the visitor has not had the link, you can send it again. You can send it ${RESENDS_PER_VISIT - 1} more times.`).waitFor();
  await expect.poll(() => sentOf('ready', 'sms').length, { timeout: FOLLOW_UP_MS }).toBe(2);
  await expect.poll(() => lineText(MOBILE)).toBe(`Text message ${MOBILE} Link to join: Sent`);
  expect(sentOf('ready', 'email')).toHaveLength(2);
  await expectAccessibleAt(page, 'visit-messages-sent-again', VIEWPORTS);
  expect(sentOf('ready', 'sms')).toHaveLength(2);
});

it('tells the nurse what the service sends after a change or a cancellation, instead of asking them to', async () => {
  const api = await signedInDemoWard(server);
  const tomorrow = hospitalTomorrow();
  const answer = await api.send(book({ patientName: 'Pat Changes', visitorName: 'Sam Example', visitorMobile: '07700 900982', date: tomorrow, time: '14:30' }));
  expect(answer.status).toBe(200);
  const visit = answer.body.visits[0]!;
  const toSam = (kind: MessageKind) => sentOf(kind, 'sms').filter((n) => n.to.replace(/\s/g, '') === '07700900982');
  // Sam has been told of the visit, so a new time is news to send, and so is a cancellation.
  await expect.poll(() => toSam('booked').length).toBe(1);
  const banner = () => page.locator('.nhsuk-notification-banner--success');

  await page.goto(`/visits/${visit.id}/change`);
  await page.getByLabel('Bed (optional)').fill('5');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect.poll(() => banner().innerText()).toContain('Sam Example is not sent a message about this change. Only a new date, time or length is sent to them.');

  await page.getByRole('link', { name: 'Change visit' }).click();
  await page.getByLabel('Time').fill('15:30');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect.poll(() => banner().innerText()).toContain('We will text Sam Example about the change. Their link stays the same.');
  // The service does what the banner says; the nurse's own ways to reach Sam are not offered as a task.
  expect(await banner().getByRole('link', { name: '07700 900982' }).count()).toBe(0);
  await expect.poll(() => toSam('changed').length, { timeout: FOLLOW_UP_MS }).toBe(1);
  await expectAccessibleAt(page, 'visit-changed-with-messages', VIEWPORTS);

  await page.getByRole('link', { name: 'Cancel visit' }).click();
  await page.getByLabel('Visitor cannot make it').check();
  await page.getByRole('button', { name: 'Cancel visit' }).click();
  await expect.poll(() => banner().innerText()).toContain('We will tell Sam Example by text that the visit is cancelled. Their link no longer works.');
  await expect.poll(() => toSam('cancelled').length, { timeout: FOLLOW_UP_MS }).toBe(1);
  await expect.poll(() => lineText('07700 900982')).toBe('Text message 07700 900982 Cancellation: Sent');
});
