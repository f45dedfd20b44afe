// The first-load budgets of issue 16, in gzipped bytes. A page's first load is what a real
// browser fetches for it before anyone touches it (see first-load.mjs for where each stops).
// kB as Vite prints them (1000 bytes), the stricter reading of "40 KB".
const KB = 1000;

/** JS and CSS, gzipped, per page. The test in `npm test` fails when a page grows past them. */
export const BUDGETS = {
  // Sign-in, then the visit list: a tablet on hospital Wi-Fi that drops in lifts.
  ward: { js: 40 * KB, css: 15 * KB },
  // A relative on mobile data, up to "Check your camera and microphone".
  visitor: { js: 25 * KB, css: 15 * KB },
  // The trust admin's sign-in page, at a desk. No budget in the issue for its JS: the ward's.
  admin: { js: 40 * KB, css: 15 * KB },
};
