// The visitor's device check and waiting room on a small phone, and the end page surviving a
// reload (issue 13), in real Chromium with a fake camera and microphone. No ward tablet: the
// call's steps are recorded in the store as the relay records them.
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { recordCallStep } from '../../src/server/store/visits.js';
import { bookVisitForNow, joinAsVisitor } from '../helpers/call-journey.js';
import { expectAccessibleAt, VIEWPORTS } from '../helpers/browser.js';
import { launchCallBrowser, newCallContext } from '../helpers/call-browser.js';
import { useBrowser } from '../helpers/use-browser.js';
import { useServer } from '../helpers/use-server.js';

const MEDIA_TIMEOUT_MS = 15_000;

const contexts: BrowserContext[] = [];

const server = useServer();
const browser = useBrowser(() => launchCallBrowser());

afterAll(async () => {
  await Promise.all(contexts.map((context) => context.close()));
});

async function phone(): Promise<BrowserContext> {
  const context = await newCallContext(browser, server.url, VIEWPORTS.phone);
  contexts.push(context);
  return context;
}

async function heading(page: Page, name: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name }).waitFor({ timeout: MEDIA_TIMEOUT_MS });
}

/** Seen without scrolling: the whole button is inside the phone's first screen. */
async function onFirstScreen(page: Page, name: string): Promise<boolean> {
  const box = await page.getByRole('button', { name }).boundingBox();
  const scrolled = await page.evaluate(() => window.scrollY);
  return box !== null && scrolled === 0 && box.y >= 0 && box.y + box.height <= VIEWPORTS.phone.height;
}

/** Records the call's steps for a visit as the relay would: started, media connected, and perhaps ended. */
async function callSteps(visitId: string, steps: ('start' | 'connect' | 'end')[]): Promise<void> {
  const { ward_id } = await server.db.selectFrom('visits').select('ward_id').where('id', '=', visitId).executeTakeFirstOrThrow();
  for (const step of steps) await recordCallStep(server.db, ward_id, visitId, step, new Date());
}

describe('on a 375 × 667 phone', () => {
  it('has "Join visit" on the device check’s first screen, and the waiting room says what the ward will ask', async () => {
    const { link } = await bookVisitForNow(server, { patientName: 'Small Patient', visitorName: 'Sam' });
    const page = await (await phone()).newPage();
    await page.goto(link);
    await page.getByRole('button', { name: 'Check your camera and microphone' }).click();
    await heading(page, 'Check your camera and microphone');
    await page.getByText('Check you can see yourself.').waitFor({ timeout: MEDIA_TIMEOUT_MS });
    expect(await onFirstScreen(page, 'Join visit')).toBe(true);
    expect(await page.getByLabel('Microphone level').isVisible()).toBe(true);
    await expectAccessibleAt(page, 'visitor-device-check-first-screen', VIEWPORTS);

    await page.getByLabel('Your name').fill('Sam Visitor');
    await page.getByRole('button', { name: 'Join visit' }).click();
    await heading(page, 'Waiting for the ward');
    expect(
      await page.getByText("Before you see the patient, someone from the ward will ask you to confirm the patient's full name and date of birth.", { exact: false }).isVisible(),
    ).toBe(true);
    await expectAccessibleAt(page, 'visitor-waiting-identity-check', VIEWPORTS);
  });
});

describe('the end page', () => {
  it('comes back after a reload with its question, thanks a visitor who sends no answer, and keeps the thanks', async () => {
    const { visit, link } = await bookVisitForNow(server, { patientName: 'Reload Patient', visitorName: 'Sam' });
    await callSteps(visit.id, ['start', 'connect']);
    const context = await phone();
    const page = await context.newPage();
    await joinAsVisitor(page, link, 'Sam Visitor');
    await page.getByRole('button', { name: 'Leave' }).click();
    await heading(page, 'Your visit has ended');

    // Left by choice while the visit goes on: the reload keeps the question and the way back.
    await page.reload();
    await heading(page, 'Your visit has ended');
    const question = page.getByRole('group', { name: 'How was your visit? (optional)' });
    expect(await question.isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: 'join the visit again' }).isVisible()).toBe(true);
    expect(await page.getByText('To arrange another visit, phone Demo ward at Demo General Hospital on 020 7946 0000.').isVisible()).toBe(true);
    expect(await page.evaluate(() => JSON.stringify(sessionStorage))).not.toMatch(/Sam|Reload Patient|Demo/);
    await expectAccessibleAt(page, 'visitor-ended-after-reload', VIEWPORTS);

    // "(optional)": nothing chosen is fine, and thanked.
    await page.getByRole('button', { name: 'Send feedback' }).click();
    await page.getByText('Thank you. You can close this page now.').waitFor();
    expect(await page.locator('.nhsuk-error-summary').count()).toBe(0);
    expect(await question.count()).toBe(0);
    await expectAccessibleAt(page, 'visitor-feedback-skipped', VIEWPORTS);

    // The ward ends the visit; the reload still shows this tab's end page, thanks and all.
    await callSteps(visit.id, ['end']);
    await page.reload();
    await heading(page, 'Your visit has ended');
    await page.getByText('Thank you. You can close this page now.').waitFor();
    expect(await page.getByRole('link', { name: 'join the visit again' }).count()).toBe(0);

    // Another tab of the same phone (its session, not this tab's memory) is still asked.
    const other = await context.newPage();
    await other.goto('/visit');
    await heading(other, 'Your visit has ended');
    await other.getByRole('group', { name: 'How was your visit? (optional)' }).waitFor();
    await other.getByLabel('Very good').check();
    await other.getByRole('button', { name: 'Send feedback' }).click();
    await other.getByText('Thank you for your feedback').waitFor();
    await other.reload();
    await heading(other, 'Your visit has ended');
    await other.getByText('Thank you for your feedback').waitFor();
    expect(await other.getByRole('group', { name: 'How was your visit? (optional)' }).count()).toBe(0);
  });

  it('after "join the visit again", a reload shows the visit, not the end page', async () => {
    const { link } = await bookVisitForNow(server, { patientName: 'Again Patient', visitorName: 'Sam' });
    const page = await (await phone()).newPage();
    await joinAsVisitor(page, link, 'Sam Visitor');
    await page.getByRole('button', { name: 'Leave' }).click();
    await heading(page, 'Your visit has ended');
    await page.getByRole('link', { name: 'join the visit again' }).click();
    await heading(page, 'Your video visit');
    await page.reload();
    await heading(page, 'Your video visit');
    expect(await page.getByRole('button', { name: 'Check your camera and microphone' }).isVisible()).toBe(true);
  });
});
