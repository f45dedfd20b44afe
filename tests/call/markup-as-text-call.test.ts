import { beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createWardWithHospital } from '../../src/server/store/wards.js';
import { ApiClient, book } from '../helpers/api-client.js';
import { VIEWPORTS } from '../helpers/browser.js';
import { installPeerConnectionProbe, launchCallBrowser, newCallContext, waitForFramesRising } from '../helpers/call-browser.js';
import { letInToCheck, startVisit } from '../helpers/call-journey.js';
import { expectShownAsText, HOSTILE_MARKUP, INJECTED_SELECTOR, watchForInjection, type InjectionWatch } from '../helpers/markup-checks.js';
import { useBrowser } from '../helpers/use-browser.js';
import { useServer } from '../helpers/use-server.js';
import { openTablet } from '../helpers/tablet.js';
import { hospitalClockIn } from '../helpers/hospital-time.js';

/**
 * Issue 6, the call screens (tests/e2e/markup-as-text.test.ts has the others): the name a
 * visitor types, the booked names and the ward's name are shown as the characters typed on the
 * tablet's call screens, "<name> is waiting" included, and on the visitor's screens.
 */

/** TYPED_NAME is what the visitor types on their phone, which the tablet shows. */
const { patient: PATIENT, visitor: BOOKED_VISITOR, typedVisitorName: TYPED_NAME, ward: WARD, hospital: HOSPITAL } = HOSTILE_MARKUP;
const WARD_CODE = 'MARKUP2';
const PIN = '482916';
const INJECTED = INJECTED_SELECTOR;
const MINUTES_AHEAD = 5;
const MEDIA_TIMEOUT_MS = 20_000;

let tablet: Page;
let visitor: Page;
let tabletWatch: InjectionWatch;
let visitorWatch: InjectionWatch;
let visitId: string;
let link: string;

const onTablet = (screen: string, values: string[]) => expectShownAsText(tablet, `tablet: ${screen}`, values, { watch: tabletWatch, selector: INJECTED });
const onPhone = (screen: string, values: string[]) => expectShownAsText(visitor, `visitor: ${screen}`, values, { watch: visitorWatch, selector: INJECTED });

const server = useServer();
const browser = useBrowser(() => launchCallBrowser());
beforeAll(async () => {
  await createWardWithHospital(server.db, { trustName: 'Markup trust', hospitalName: HOSPITAL, wardName: WARD, wardCode: WARD_CODE, pin: PIN }, new Date());
  const api = new ApiClient(server.url);
  expect((await api.signIn(WARD_CODE, PIN)).status).toBe(200);
  const at = hospitalClockIn(MINUTES_AHEAD);
  const booked = await api.send(book({ patientName: PATIENT, visitorName: BOOKED_VISITOR, date: at.date, time: at.time }));
  expect(booked.status, JSON.stringify(booked.body)).toBe(200);
  visitId = booked.body.visits[0]!.id;
  link = (await api.request<{ url: string }>('GET', `/api/visits/${visitId}/join-link`)).body.url;

  const tabletContext = await newCallContext(browser, server.url);
  await installPeerConnectionProbe(tabletContext);
  tabletWatch = watchForInjection(tabletContext);
  ({ page: tablet } = await openTablet(browser, server, { context: tabletContext, ward: { wardCode: WARD_CODE, pin: PIN, wardName: WARD } }));

  const visitorContext = await newCallContext(browser, server.url, VIEWPORTS.phone);
  await installPeerConnectionProbe(visitorContext);
  visitorWatch = watchForInjection(visitorContext);
  visitor = await visitorContext.newPage();
});

// Hazard H20: the call names the patient it is for before anyone is admitted
it('shows the booked names while the tablet waits, and the visitor’s page names hospital and ward as text', async () => {
  await startVisit(tablet, visitId);
  await onTablet('waiting for the visitor', [`Waiting for ${BOOKED_VISITOR} to join`, WARD]);

  await visitor.goto(link);
  await visitor.getByRole('heading', { level: 1, name: 'Your video visit' }).waitFor();
  await onPhone('join page', [HOSPITAL, WARD]);
  await visitor.getByRole('button', { name: 'Check your camera and microphone' }).click();
  await visitor.getByLabel('Your name').fill(TYPED_NAME);
  await visitor.getByRole('button', { name: 'Join visit' }).click();
  await visitor.getByRole('heading', { name: 'Waiting for the ward' }).waitFor();
  await onPhone('waiting room', []);
});

// Hazard H01: nobody joins a call until the ward checks and admits them
it('shows "<name> is waiting" with the typed name as text, and the identity check with the patient’s', async () => {
  await tablet.getByRole('heading', { name: `${TYPED_NAME} is waiting` }).waitFor();
  await onTablet('visitor waiting', [`${TYPED_NAME} is waiting`]);
  expect(await tablet.getByRole('button', { name: `Let ${TYPED_NAME} in to check` }).innerText()).toBe(`Let ${TYPED_NAME} in to check`);
  await letInToCheck(tablet, TYPED_NAME);
  await onTablet('identity check', [`Check who ${TYPED_NAME} is`, `${TYPED_NAME} can see and hear you, but not the patient. Ask them for ${PATIENT}'s full name and date of birth.`]);
});

it('shows the typed name as text in the call, and in what the tablet says about the visitor’s microphone', async () => {
  await tablet.getByRole('button', { name: 'Check done: show the patient' }).click();
  await waitForFramesRising(tablet, { min: 30, timeoutMs: MEDIA_TIMEOUT_MS });
  await onTablet('in the call', [`In the call: ${TYPED_NAME}`]);
  await visitor.getByRole('button', { name: 'Mute' }).click();
  await onTablet('visitor muted', [`${TYPED_NAME}'s microphone is off`]);
  await onPhone('in the call', []);
});

it('ends the visit, and "Rebook for tomorrow" fills the form with the names as typed', async () => {
  await tablet.getByRole('button', { name: 'End visit' }).click();
  await tablet.getByRole('button', { name: 'Yes, end visit' }).click();
  await tablet.getByRole('heading', { name: 'Visit ended' }).waitFor();
  await onTablet('visit ended', [WARD]);
  await visitor.getByRole('heading', { name: 'Your visit has ended' }).waitFor();
  await onPhone('visit ended', []);

  await tablet.getByRole('link', { name: 'Rebook for tomorrow' }).click();
  await tablet.getByRole('heading', { level: 1, name: 'Rebook visit' }).waitFor();
  expect(await tablet.getByLabel("Patient's name").inputValue()).toBe(PATIENT);
  expect(await tablet.getByLabel("Visitor's name").inputValue()).toBe(BOOKED_VISITOR);
  await onTablet('rebook form', []);
});
