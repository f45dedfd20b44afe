import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';
import { VitePWA } from 'vite-plugin-pwa';
import { classesWrittenIn, dropUnusedNhsukClasses, type UsedClasses } from './scripts/unused-css.js';

const here = import.meta.dirname;

/**
 * Each surface's stylesheet keeps the nhsuk classes its own screens (and the shared components
 * and pages) write; a stylesheet of a shared component (src/ui) keeps those of every surface.
 */
const SHARED_SOURCE = ['src/ui', 'src/shared', 'src/entries'];
const SURFACE_SOURCE: Record<string, string[]> = { 'src/app/': ['src/app'], 'src/visitor/': ['src/visitor'], 'src/admin/': ['src/admin'] };
const classesBySurface = new Map<string, UsedClasses>();
function classesFor(stylesheet: string): UsedClasses {
  const surface = Object.keys(SURFACE_SOURCE).find((folder) => stylesheet.startsWith(resolve(here, folder))) ?? 'all';
  let used = classesBySurface.get(surface);
  if (!used) {
    const own = SURFACE_SOURCE[surface] ?? Object.values(SURFACE_SOURCE).flat();
    used = classesWrittenIn([...own, ...SHARED_SOURCE].map((folder) => resolve(here, folder)));
    classesBySurface.set(surface, used);
  }
  return used;
}

/**
 * engine.io-client (under socket.io-client) finds the global object with `Function("return
 * this")()` when neither `self` nor `window` exists. That never happens in a page, but it is the
 * Function constructor in the ward's bundle, which our CSP (no 'unsafe-eval') would refuse and
 * tests/e2e/no-eval-under-csp.test.ts rejects. Every browser we support has `globalThis`.
 */
const engineIoWithoutFunctionConstructor: Plugin = {
  name: 'engine-io-without-function-constructor',
  transform(code, id) {
    if (!/[\\/]engine\.io-client[\\/]build[\\/]esm[\\/]globals\.js$/.test(id)) return null;
    const patched = code.replace('Function("return this")()', 'globalThis');
    if (patched === code) throw new Error(`${id} changed: look again at engineIoWithoutFunctionConstructor`);
    return { code: patched, map: null };
  },
};

/**
 * Build stamp baked into the service worker, so a test (and GET_VERSION) can tell builds
 * apart. Each build changes sw.js, so a deployed build always reaches the tablets as an update.
 */
const BUILD_VERSION = new Date().toISOString();

/**
 * Integration tests that exercise the store and the jobs, run on SQLite (`integration`) and
 * again on PostgreSQL (`integration-pg`). The rest test HTTP, sockets and the relay, which do
 * not change with the database.
 */
const POSTGRES_INTEGRATION_TESTS = [
  'commands',
  'retention',
  'missed-visits',
  'revoke-sessions',
  'session',
  'sign-in-limits',
  'admin-sign-in',
  'admin-wards',
  'admin-reports',
  'join-links',
  'replace-link',
  'feedback',
  'feedback-counts',
  'notify-outbox',
  'notify-nodes',
  'call-outages',
  // One call's devices on two nodes: PostgreSQL and Redis together, as a trust runs several.
  'call-nodes',
];

/**
 * The relay's integration tests, run again (`integration-redis`) with the rooms, grace periods
 * and presence in Redis instead of memory: the same promises hold with either.
 */
const REDIS_INTEGRATION_TESTS = ['sign-in-limits', 'admin-sign-in', 'call-relay', 'call-grace', 'call-rooms', 'call-resume', 'call-outages', 'presence', 'turn-away', 'replace-link', 'session-sockets', 'live-updates'];

/**
 * One entry per surface, so each loads only its own code: the ward tablet (index.html),
 * the visitor's join page (visit.html) and the trust admin area (admin.html).
 * The same file configures Vitest's four suites (`call` runs only in a loopback-only namespace).
 */
export default defineConfig({
  root: resolve(here, 'src/entries'),
  publicDir: resolve(here, 'public'),
  plugins: [
    preact(),
    engineIoWithoutFunctionConstructor,
    // service-worker/sw.ts → dist/ui/sw.js (site root, so its scope is /). The page registers it
    // itself (src/app/sw-bridge.ts) and the manifest is our own file in public/.
    VitePWA({
      strategies: 'injectManifest',
      srcDir: resolve(here, 'service-worker'),
      filename: 'sw.ts',
      outDir: resolve(here, 'dist/ui'),
      injectRegister: false,
      manifest: false,
      injectManifest: {
        // The app shell: the three pages, scripts, styles, images and icons, the manifest.
        globPatterns: ['**/*.{html,js,css,png,svg,ico,webmanifest}'],
        // Only Vite's hashed output may skip a revision; assets/images/ keeps its names (copied
        // from public/), so it needs one, or a changed icon would never reach the tablets.
        dontCacheBustURLsMatching: /^assets\/(?!images\/)/,
      },
    }),
  ],
  resolve: {
    // simple-peer's package entry needs Node's globals; its browser bundle does not (docs/platform-notes.md).
    alias: [{ find: /^simple-peer$/, replacement: 'simple-peer/simplepeer.min.js' }],
  },
  define: { __BUILD_VERSION__: JSON.stringify(BUILD_VERSION) },
  build: {
    outDir: resolve(here, 'dist/ui'),
    emptyOutDir: true,
    rollupOptions: {
      output: {
        // The QR code (component and library: 4 kB gzipped) in a chunk of its own, fetched by the
        // screens that draw one (admin sign-in's authenticator set-up, the ward's visit page).
        // Otherwise the bundler puts it in the chunk all three pages share. Its dependencies
        // (preact) stay where they are. Measured by bench/bundle-budget: the ward's first load
        // 52.7 → 48.6 kB, the visitor's 21.0 → 16.9 kB (with QrCode out of the ui index).
        codeSplitting: {
          includeDependenciesRecursively: false,
          groups: [{ name: 'qr-code', test: /[\\/]node_modules[\\/]uqr[\\/]|[\\/]src[\\/]ui[\\/]QrCode[\\/]/ }],
        },
      },
      input: {
        app: resolve(here, 'src/entries/index.html'),
        visitor: resolve(here, 'src/entries/visit.html'),
        admin: resolve(here, 'src/entries/admin.html'),
      },
    },
  },
  css: {
    postcss: { plugins: [dropUnusedNhsukClasses(classesFor)] },
    preprocessorOptions: {
      scss: { quietDeps: true, loadPaths: [resolve(here, 'node_modules')] },
    },
  },
  test: {
    root: here,
    projects: [
      {
        extends: true,
        test: { name: 'unit', root: here, include: ['tests/unit/**/*.test.ts'], environment: 'node' },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          root: here,
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
        },
      },
      {
        // The store's and the jobs' integration tests again, on a throwaway PostgreSQL cluster
        // (tests/helpers/postgres-setup.ts), plus the tests of several nodes on one database.
        extends: true,
        test: {
          name: 'integration-pg',
          root: here,
          include: [...POSTGRES_INTEGRATION_TESTS.map((name) => `tests/integration/${name}.test.ts`), 'tests/integration-pg/**/*.test.ts'],
          globalSetup: ['tests/helpers/postgres-setup.ts'],
          env: { TEST_DATABASE: 'postgres' },
          environment: 'node',
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'integration-redis',
          root: here,
          include: REDIS_INTEGRATION_TESTS.map((name) => `tests/integration/${name}.test.ts`),
          env: { TEST_RELAY: 'redis' },
          environment: 'node',
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          root: here,
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 90_000,
          hookTimeout: 60_000,
          // One Chromium at a time: the machine has two cores.
          fileParallelism: false,
        },
      },
      {
        // Real calls between Chromium contexts. Only inside a loopback-only network namespace
        // (`npm run test:call`, scripts/in-loopback-netns.sh): the setup file refuses anywhere else.
        extends: true,
        test: {
          name: 'call',
          root: here,
          include: ['tests/call/**/*.test.ts'],
          setupFiles: ['tests/helpers/call-netns-guard.ts'],
          environment: 'node',
          testTimeout: 90_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
