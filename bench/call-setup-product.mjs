// The product's side of bench/call-setup.mjs: a nurse presses Admit on the ward tablet and we
// time until the first remote frame is shown on the tablet and on the visitor's page. Each call
// is a new visit booked for now, a fresh tablet page and a fresh visitor context; "go" is the
// trusted click on Admit. Needs a build (npm run build) for dist/.
import { randomUUID } from 'node:crypto';
import { DEMO_WARD, startBenchServer } from './lib/harness.mjs';
import { CALL_TIMEOUT_MS, newCallPage, repeatCalls } from './call-setup.mjs';
import { markGoOnNextClick, readGoAt, waitForFirstRemoteFrame } from './call-baseline/first-frame-probe.mjs';

/** Bookings must be in the future; a few minutes ahead is inside the window when a visit can start. */
const MINUTES_AHEAD = 5;

function localNow(timeZone) {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    .formatToParts(new Date(Date.now() + MINUTES_AHEAD * 60_000));
  const part = (type) => parts.find((p) => p.type === type).value;
  return { date: `${part('year')}-${part('month')}-${part('day')}`, time: `${part('hour')}:${part('minute')}` };
}

/** Books a visit through the tablet's own session and returns its id and join link. */
async function bookVisit(tablet, index) {
  const { date, time } = localNow('Europe/London');
  return tablet.evaluate(
    async ({ date, time, key, visitId, index }) => {
      const fields = { patientName: `Bench Patient ${index}`, bed: null, visitorName: 'Bench Visitor', visitorMobile: null, visitorEmail: null, date, time, lengthMinutes: 30, repeatDays: 1 };
      const booked = await fetch('/api/commands', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ type: 'book', key, visitIds: [visitId], fields }) });
      if (!booked.ok) throw new Error(`booking failed: ${await booked.text()}`);
      const link = await (await fetch(`/api/visits/${visitId}/join-link`)).json();
      return { visitId, link: link.url };
    },
    { date, time, key: randomUUID(), visitId: randomUUID(), index },
  );
}

async function signIn(page) {
  await page.goto('/sign-in');
  await page.getByLabel('Ward code').fill(DEMO_WARD.wardCode);
  await page.getByLabel('PIN').fill(DEMO_WARD.pin);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: DEMO_WARD.wardName }).waitFor();
}

export async function measureProduct(browser, runs) {
  const server = await startBenchServer();
  const first = await newCallPage(browser, server.url);
  const tabletContext = first.context();
  try {
    await signIn(first);
    return await repeatCalls(runs, async (index) => {
      const tablet = await tabletContext.newPage();
      const visitor = await newCallPage(browser, server.url, { width: 375, height: 667 });
      try {
        await tablet.goto('/');
        const { visitId, link } = await bookVisit(tablet, index);
        await tablet.goto(`/visits/${visitId}/call`);
        await visitor.goto(link);
        await visitor.getByRole('button', { name: 'Check your camera and microphone' }).click();
        await visitor.getByLabel('Your name').fill('Jo');
        await visitor.getByRole('button', { name: 'Join visit' }).click();
        // "Let in to check" starts the connection (the identity check is part of the call); its first frames are the measure.
        const admit = tablet.getByRole('button', { name: 'Let Jo in to check' });
        await admit.waitFor();
        await markGoOnNextClick(tablet);
        await admit.click();
        const [initiatorAt, responderAt] = await Promise.all([tablet, visitor].map((page) => waitForFirstRemoteFrame(page, CALL_TIMEOUT_MS)));
        return { goAt: await readGoAt(tablet), initiatorAt, responderAt };
      } finally {
        await tablet.close();
        await visitor.context().close();
      }
    });
  } finally {
    await tabletContext.close();
    await server.close();
  }
}
