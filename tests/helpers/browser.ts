import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { expect } from 'vitest';
import { VIEWPORTS } from './chromium.mjs';

// The path, the flags and the sizes live in chromium.mjs, which the benchmarks import too.
export { CHROMIUM_ARGS, CHROMIUM_PATH, launchChromium as launchBrowser, VIEWPORTS } from './chromium.mjs';

/** The admin area is used at a desk or on a tablet; phones are not a target. */
export const ADMIN_VIEWPORTS = { desktop: { width: 1280, height: 800 }, tablet: { width: 768, height: 1024 } } as const;

const SCREENSHOTS = resolve(import.meta.dirname, '../../test-results/screenshots');

/** Full-page screenshots at both sizes, for a person to look at; the page is left at tablet size. */
export async function screenshotBothSizes(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  for (const [size, viewport] of Object.entries(VIEWPORTS)) {
    await page.setViewportSize(viewport);
    await page.screenshot({ path: resolve(SCREENSHOTS, `${name}-${size}.png`), fullPage: true });
  }
  await page.setViewportSize(VIEWPORTS.tablet);
}

/** axe's findings, trimmed to what a failing assertion needs to show. */
export async function axeViolations(page: Page): Promise<{ id: string; help: string; targets: string[] }[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((v) => ({ id: v.id, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
}

/**
 * At each size: axe finds nothing, the page never scrolls sideways (wide tables scroll inside
 * their own region), and a full-page screenshot is taken for a person to look at. The page is
 * left at the first size.
 */
export async function expectAccessibleAt(page: Page, name: string, viewports: Record<string, { width: number; height: number }>): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  for (const [size, viewport] of Object.entries(viewports)) {
    await page.setViewportSize(viewport);
    expect(await axeViolations(page), `${name} at ${size}`).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `${name} fits ${size}`).toBe(true);
    await page.screenshot({ path: resolve(SCREENSHOTS, `${name}-${size}.png`), fullPage: true });
  }
  await page.setViewportSize(Object.values(viewports)[0]!);
}
