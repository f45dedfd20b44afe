import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';

const here = import.meta.dirname;

/**
 * One entry per surface, so each loads only its own code: the ward tablet (index.html),
 * the visitor's join page (visit.html) and the trust admin area (admin.html).
 * The same file configures Vitest's three suites.
 */
export default defineConfig({
  root: resolve(here, 'src/entries'),
  publicDir: resolve(here, 'public'),
  plugins: [preact()],
  build: {
    outDir: resolve(here, 'dist/ui'),
    emptyOutDir: true,
    rollupOptions: {
      input: {
        app: resolve(here, 'src/entries/index.html'),
        visitor: resolve(here, 'src/entries/visit.html'),
        admin: resolve(here, 'src/entries/admin.html'),
      },
    },
  },
  css: {
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
    ],
  },
});
