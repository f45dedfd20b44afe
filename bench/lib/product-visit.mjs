// The product's side of the call benchmarks: a visit booked through a signed-in ward tablet's
// own session, and a visitor joining it through the real join page. The built server must
// be running (harness.mjs); times are the hospital's (hospital-time.mjs).
import { randomUUID } from 'node:crypto';
import { hospitalClockIn } from './hospital-time.mjs';

/** Bookings must be in the future; a few minutes ahead is inside the window when a visit can start. */
const MINUTES_AHEAD = 5;

/** Books a visit starting in a few minutes from the tablet page; resolves to its id and join link. */
export async function bookVisitSoon(tablet, { patientName, visitorName, lengthMinutes }) {
  const { date, time } = hospitalClockIn(MINUTES_AHEAD);
  const fields = { patientName, bed: null, visitorName, visitorMobile: null, visitorEmail: null, date, time, lengthMinutes, repeatDays: 1 };
  return tablet.evaluate(
    async ({ fields, key, visitId }) => {
      const booked = await fetch('/api/commands', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ type: 'book', key, visitIds: [visitId], fields }) });
      if (!booked.ok) throw new Error(`booking failed: ${await booked.text()}`);
      const link = await (await fetch(`/api/visits/${visitId}/join-link`)).json();
      return { visitId, link: link.url };
    },
    { fields, key: randomUUID(), visitId: randomUUID() },
  );
}

/** The visitor opens the link, checks camera and microphone, gives `name` and waits to be let in. */
export async function joinAsVisitor(visitor, link, name) {
  await visitor.goto(link);
  await visitor.getByRole('button', { name: 'Check your camera and microphone' }).click();
  await visitor.getByLabel('Your name').fill(name);
  await visitor.getByRole('button', { name: 'Join visit' }).click();
}
