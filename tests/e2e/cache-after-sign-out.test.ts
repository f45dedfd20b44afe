import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { launchProfileContext } from '../helpers/service-worker.js';
import { useServer } from '../helpers/use-server.js';
import { bookVisit, signInWard } from '../helpers/tablet.js';
import { hospitalTomorrow } from '../helpers/hospital-time.js';

/**
 * Issue 12: a shared tablet's browser kept the visit list (names, a mobile number) and a
 * working join token in its disk cache after sign-out. Every /api answer is no-store and
 * sign-out clears the cache; this reads the real profile's cache files after a whole shift.
 */

const PATIENT = 'Quentin Cachefield';
const MOBILE = '07700 900461';
const server = useServer();

/** Every file under a folder, as bytes, for searching. */
function filesUnder(folder: string): Buffer[] {
  let found: Buffer[] = [];
  for (const name of readdirSync(folder)) {
    const path = join(folder, name);
    found = statSync(path).isDirectory() ? [...found, ...filesUnder(path)] : [...found, readFileSync(path)];
  }
  return found;
}

// Hazard H07: a lost tablet can be shut out and holds little
// Hazard H11: personal data is deleted on time and never logged
it("leaves no patient's name, mobile number or join token in the browser's cache after sign-out", async () => {
  const { context, profile, close } = await launchProfileContext(server.url);
  try {
    const page = await context.newPage();
    await signInWard(page, server.demo);
    const tomorrow = hospitalTomorrow();
    await bookVisit(page, PATIENT, 'Vera Visitor', tomorrow, '15:00', MOBILE);
    const visitId = await page.evaluate(async () => ((await (await fetch('/api/visits')).json()) as { visits: { id: string }[] }).visits[0]!.id);
    await page.goto(`/visits/${visitId}`);
    await page.getByRole('heading', { name: 'Link for the visitor' }).waitFor();
    await page.locator('.app-join-link__url').waitFor();
    const link = await page.locator('.app-join-link__url').innerText();
    const token = link.split('/visit/')[1]!;
    expect(token).toHaveLength(43);
    const answer = await page.evaluate(() => fetch('/api/visits').then((r) => r.headers.get('cache-control')));
    expect(answer).toBe('no-store');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await context.close();
    const cache = filesUnder(join(profile, 'Default', 'Cache'));
    expect(cache.length).toBeGreaterThan(0); // the cache is there, and holds the app's own files
    for (const needle of [PATIENT, MOBILE.replace(' ', ''), token]) {
      expect(cache.some((bytes) => bytes.includes(needle)), needle).toBe(false);
    }
  } finally {
    await close();
  }
});
