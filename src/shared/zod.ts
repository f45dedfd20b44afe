import { z } from 'zod';

/**
 * The one way src/shared reaches zod, so its settings come before any schema is made.
 *
 * zod 4 compiles object parsers with `new Function` when it may, and finds out whether it may
 * by calling `new Function('')` as the first object schema is made. Our pages and service worker
 * run under a Content-Security-Policy without 'unsafe-eval': the probe is refused, the browser
 * reports a CSP violation and Firefox logs it as an error on every load. Jitless, zod skips both
 * the probe and the compiler (node_modules/zod/v4/core/util.js `allowsEval`, schemas.js
 * `$ZodObjectJIT`) and parses with its ordinary code, a little slower, which our small messages
 * never notice.
 *
 * The server (Node, no CSP) keeps zod's compiled parsers for every request it validates.
 */
const inNode = typeof (globalThis as { process?: { versions?: { node?: unknown } } }).process?.versions?.node === 'string';
if (!inNode) z.config({ jitless: true });

export { z };
export type { ZodType } from 'zod';
