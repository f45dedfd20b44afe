import { expect, it } from 'vitest';
import { runCli } from '../helpers/command-line.js';
import { useBrowser } from '../helpers/use-browser.js';
import { useServer } from '../helpers/use-server.js';
import { openTablet, submitSignIn } from '../helpers/tablet.js';

/** A lost tablet: IT revokes its ward's sessions from the command line, as docs/security.md says. */

const server = useServer();
const browser = useBrowser();

// Hazard H07: a lost tablet can be shut out and holds little
it('asks a revoked tablet for the ward PIN within seconds, untouched, and its old cookie opens nothing', async () => {
  const lost = await openTablet(browser, server);
  const cookie = (await lost.context.cookies()).find((c) => c.name === 'wvv_session')!;
  expect((await runCli(server.dataDir, 'revoke-sessions', server.demo.wardCode)).code).toBe(0);

  // No tap on the lost tablet: its live-update socket is closed and refused, and it says so.
  await lost.page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
  expect(new URL(lost.page.url()).pathname).toBe('/sign-in');
  const answer = await fetch(`${server.url}/api/visits`, { headers: { cookie: `wvv_session=${cookie.value}` } });
  expect(answer.status).toBe(401);

  // The ward PIN signs the tablet in again.
  await submitSignIn(lost.page, server.demo);
});
