import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * Each page's first load, measured in a real Chromium by bench/bundle-budget (run here with
 * --json), against the budgets in bench/bundle-budget/budgets.mjs. Sizes are deterministic,
 * so this may fail the build; times never are, and are never asserted (bench/ prints them).
 */

interface Sum {
  files: { path: string; gzip: number }[];
  gzip: number;
}
interface Budget {
  target: number;
  ceiling: number;
}
interface FirstLoad {
  page: 'ward' | 'visitor' | 'admin';
  js: Sum;
  /** Fetched after the page's first screen was shown (the ward's offline screens, the visitor's call screens). */
  later: Sum;
  css: Sum;
  requests: number;
  budget: { js: Budget; css: Budget };
}

const root = resolve(import.meta.dirname, '../..');
/** What only call code does: the peer connection and the camera. */
const CALL_CODE = /RTCPeerConnection|getUserMedia/;

let loads: FirstLoad[];

beforeAll(() => {
  const output = execFileSync(process.execPath, [resolve(root, 'bench/bundle-budget.mjs'), '--json'], { cwd: root, encoding: 'utf8' });
  loads = JSON.parse(output) as FirstLoad[];
});

const load = (page: FirstLoad['page']) => loads.find((entry) => entry.page === page)!;
const script = (path: string) => readFileSync(resolve(root, 'dist/ui', `.${path}`), 'utf8');

describe.each(['ward', 'visitor', 'admin'] as const)('%s first load', (page) => {
  it('keeps its JS and CSS, gzipped, within its budget', () => {
    const { js, css, budget } = load(page);
    expect(js.files.length, 'it loads some script').toBeGreaterThan(0);
    expect(css.files.length, 'it loads a stylesheet').toBeGreaterThan(0);
    expect(js.gzip, `${page} JS, gzip bytes`).toBeLessThanOrEqual(budget.js.ceiling);
    expect(css.gzip, `${page} CSS, gzip bytes`).toBeLessThanOrEqual(budget.css.ceiling);
  });
});

it('the ward tablet loads no call code until "Start visit"', () => {
  const { js, later } = load('ward');
  const withCallCode = [...js.files, ...later.files].filter((file) => CALL_CODE.test(script(file.path)));
  expect(withCallCode.map((file) => file.path)).toEqual([]);
});

it("the visitor's landing page loads no call code before the device check", () => {
  const withCallCode = load('visitor').js.files.filter((file) => CALL_CODE.test(script(file.path)));
  expect(withCallCode.map((file) => file.path)).toEqual([]);
});
